import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { canSeeMailbox, type Principal } from '@sanad/accounts';
import type { AttachmentView } from '@sanad/contracts';
import { DomainError, safeFileName } from '@sanad/core';
import { BlobStorage } from '@sanad/storage';
import { AttachmentsRepository } from './attachments.repository';
import { toAttachmentView } from '../conversation/conversation-views.util';
import { ConversationRepository } from '../conversation/conversation.repository';
import type { Attachment } from '../entities/attachment.entity';

export interface UploadedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
  /** Inline email images are referenced from the HTML as `cid:<contentId>`. */
  contentId?: string | null;
}

/** Uploads sit unsent this long before the sweep removes them. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** Files on messages: upload first, then send their ids with a reply or note. */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly repo: AttachmentsRepository,
    private readonly conversations: ConversationRepository,
    private readonly storage: BlobStorage,
  ) {}

  /** Stores the file, then its row; a failed insert removes the file again. */
  async upload(principal: Principal, file: UploadedFile): Promise<AttachmentView> {
    const id = randomUUID();
    const storageKey = storageKeyFor(id);
    await this.storage.put(storageKey, file.data);
    try {
      const row = await this.repo.insert({
        id,
        workspaceId: principal.workspaceId,
        conversationId: null,
        messageId: null,
        uploadedBy: principal.userId,
        fileName: safeFileName(file.fileName),
        contentType: file.contentType.slice(0, 200) || 'application/octet-stream',
        size: file.data.length,
        storageKey,
        contentId: null,
      });
      return toAttachmentView(row);
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Files that came with a customer's message (email), stored and tied to it inside the caller's
   * transaction. If that transaction rolls back, the files stay unreferenced on disk.
   */
  async storeFiles(
    workspaceId: string,
    target: { conversationId: string; messageId: string },
    files: UploadedFile[],
  ): Promise<Attachment[]> {
    const stored: Attachment[] = [];
    for (const file of files) {
      const id = randomUUID();
      const storageKey = storageKeyFor(id);
      await this.storage.put(storageKey, file.data);
      stored.push(
        await this.repo.insert({
          id,
          workspaceId,
          ...target,
          uploadedBy: null,
          fileName: safeFileName(file.fileName),
          contentType: file.contentType.slice(0, 200) || 'application/octet-stream',
          size: file.data.length,
          storageKey,
          contentId: file.contentId?.slice(0, 500) ?? null,
        }),
      );
    }
    return stored;
  }

  /** Ties uploads to a message; an id that is not the caller's unsent upload is a 400. */
  async claim(
    principal: Principal,
    ids: string[] | undefined,
    target: { conversationId: string; messageId: string },
  ): Promise<Attachment[]> {
    const unique = [...new Set(ids ?? [])];
    if (unique.length === 0) return [];
    const claimed = await this.repo.claim(principal.workspaceId, principal.userId, unique, target);
    if (claimed.length !== unique.length) {
      const found = new Set(claimed.map((a) => a.id));
      const index = unique.findIndex((id) => !found.has(id));
      throw new DomainError('request/validation', {}, [
        { field: `attachmentIds.${index}`, code: 'unknownAttachment' },
      ]);
    }
    return claimed;
  }

  async forMessages(workspaceId: string, messageIds: string[]): Promise<Map<string, Attachment[]>> {
    const rows = await this.repo.forMessages(workspaceId, messageIds);
    const byMessage = new Map<string, Attachment[]>();
    for (const row of rows) {
      const list = byMessage.get(row.messageId as string) ?? [];
      list.push(row);
      byMessage.set(row.messageId as string, list);
    }
    return byMessage;
  }

  /** A message's files with their contents, for a channel that sends them on (email). */
  async contentsOf(
    workspaceId: string,
    messageId: string,
  ): Promise<Array<{ attachment: Attachment; data: Readable }>> {
    const files = (await this.forMessages(workspaceId, [messageId])).get(messageId) ?? [];
    const contents = [];
    for (const attachment of files) {
      const data = await this.storage.get(attachment.storageKey);
      if (data) contents.push({ attachment, data });
    }
    return contents;
  }

  /**
   * A file the caller may read: on a conversation of a mailbox they can see, or their own unsent
   * upload. Anything else answers like an unknown id.
   */
  async open(
    principal: Principal,
    id: string,
  ): Promise<{ attachment: Attachment; data: Readable }> {
    const attachment = await this.repo.find(principal.workspaceId, id);
    if (!attachment) throw new DomainError('attachment/not_found');
    if (attachment.conversationId) {
      const conversation = await this.conversations.find(
        principal.workspaceId,
        attachment.conversationId,
      );
      if (!conversation || !canSeeMailbox(principal, conversation.mailboxId))
        throw new DomainError('attachment/not_found');
    } else if (attachment.uploadedBy !== principal.userId) {
      throw new DomainError('attachment/not_found');
    }
    const data = await this.storage.get(attachment.storageKey);
    if (!data) throw new DomainError('attachment/not_found');
    return { attachment, data };
  }

  /** Removes uploads nobody sent (rows first, so a file is never referenced after it is gone). */
  async sweepAbandoned(now = new Date()): Promise<number> {
    const gone = await this.repo.takeAbandoned(new Date(now.getTime() - ABANDONED_AFTER_MS), 500);
    for (const attachment of gone) {
      await this.storage.delete(attachment.storageKey).catch((error: Error) => {
        this.logger.warn(`could not delete ${attachment.storageKey}: ${error.message}`);
      });
    }
    return gone.length;
  }
}

function storageKeyFor(id: string, now = new Date()): string {
  return `attachments/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
}
