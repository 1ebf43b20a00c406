import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import {
  ContactDataParticipants,
  type ContactDataParticipant,
  type ErasedPerson,
  type PersonalDataArchive,
} from '@sanad/contacts';
import type { ErasureMode } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import { indexTerms } from '@sanad/search';
import { BlobStorage } from '@sanad/storage';
import { ConversationRepository } from '../conversation/conversation.repository';
import { ContactDataRepository } from './contact-data.repository';

/** What replaces a redacted person's words. */
export const REDACTED = '[محذوف · redacted]';

/** A person's conversations in their personal-data ZIP, and gone or emptied when erased. */
@Injectable()
export class ConversationsDataParticipant implements ContactDataParticipant, OnModuleInit {
  readonly order = 20;

  constructor(
    private readonly participants: ContactDataParticipants,
    private readonly repo: ContactDataRepository,
    private readonly conversations: ConversationRepository,
    private readonly members: MemberDirectory,
    private readonly storage: BlobStorage,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async export(
    workspaceId: string,
    contactId: string,
    archive: PersonalDataArchive,
  ): Promise<void> {
    const [conversations, messages, attachments] = await Promise.all([
      this.repo.conversations(workspaceId, contactId),
      this.repo.messages(workspaceId, contactId),
      this.repo.attachments(workspaceId, contactId, false),
    ]);
    const userIds = [...new Set(messages.flatMap((m) => m.author_user_id ?? []))];
    const names = await this.members.names(workspaceId, userIds);
    const files = new Map<string, Array<Record<string, unknown>>>();
    for (const a of attachments) {
      // attachments/<conversationId>/<attachmentId>-<name>: ids keep two same names apart.
      const path = `attachments/${a.conversation_id ?? 'none'}/${a.id}-${safeName(a.file_name)}`;
      archive.file(path, () => this.storage.get(a.storage_key));
      const list = files.get(a.message_id ?? '') ?? [];
      list.push({ fileName: a.file_name, contentType: a.content_type, size: a.size, path });
      files.set(a.message_id ?? '', list);
    }
    const byConversation = new Map<string, Array<Record<string, unknown>>>();
    for (const m of messages) {
      const list = byConversation.get(m.conversation_id) ?? [];
      list.push({
        id: m.id,
        kind: m.kind,
        authorType: m.author_type,
        author:
          m.author_type === 'user' && m.author_user_id
            ? { userId: m.author_user_id, name: names.get(m.author_user_id) ?? null }
            : m.author_contact_id
              ? { contactId: m.author_contact_id }
              : null,
        bodyText: m.body_text,
        bodyHtml: m.body_html,
        createdAt: m.created_at.toISOString(),
        attachments: files.get(m.id) ?? [],
      });
      byConversation.set(m.conversation_id, list);
    }
    archive.json(
      'conversations.json',
      conversations.map((c) => ({
        id: c.id,
        number: c.number,
        subject: c.subject,
        status: c.status,
        channel: c.channel,
        createdAt: c.created_at.toISOString(),
        closedAt: c.closed_at?.toISOString() ?? null,
        messages: byConversation.get(c.id) ?? [],
      })),
    );
  }

  /**
   * Files first, then rows: a crash between leaves rows whose files are gone (a rerun deletes
   * them again, harmlessly), never files nobody can find any more.
   */
  async erase(person: ErasedPerson, mode: ErasureMode): Promise<void> {
    const { workspaceId, contactId } = person;
    const files = await this.repo.attachments(workspaceId, contactId, mode === 'redact');
    for (const a of files) await this.storage.delete(a.storage_key);
    await this.tx.run(async () => {
      if (mode === 'delete') return this.repo.deleteAll(workspaceId, contactId);
      const ids = await this.repo.redact(workspaceId, contactId, REDACTED);
      const remaining = await this.repo.remainingText(workspaceId, ids);
      for (const [id, text] of remaining)
        await this.conversations.appendSearchTerms(id, indexTerms(text));
    });
  }
}

function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 150) || 'file';
}
