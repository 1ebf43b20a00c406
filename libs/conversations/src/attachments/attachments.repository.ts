import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { In, IsNull } from 'typeorm';
import { Attachment } from '../entities/attachment.entity';

/** Attachment rows; the files themselves are behind the storage port. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly db: Db) {}

  insert(data: Omit<Attachment, 'createdAt'>): Promise<Attachment> {
    return this.db.insertNew<Attachment>(Attachment, data);
  }

  find(workspaceId: string, id: string): Promise<Attachment | null> {
    return this.db.manager.findOne(Attachment, { where: { workspaceId, id } });
  }

  /**
   * Ties the uploader's unsent files to a message. Returns the rows it claimed, locking them so two
   * replies cannot take the same upload.
   */
  async claim(
    workspaceId: string,
    uploadedBy: string,
    ids: string[],
    target: { conversationId: string; messageId: string },
  ): Promise<Attachment[]> {
    const rows = await this.db.manager.find(Attachment, {
      where: { workspaceId, uploadedBy, id: In(ids), messageId: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (rows.length === 0) return [];
    await this.db.manager.update(
      Attachment,
      { workspaceId, id: In(rows.map((r) => r.id)) },
      { conversationId: target.conversationId, messageId: target.messageId },
    );
    return rows.map((r) => ({ ...r, ...target }));
  }

  forMessages(workspaceId: string, messageIds: string[]): Promise<Attachment[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return this.db.manager.find(Attachment, {
      where: { workspaceId, messageId: In(messageIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Uploads never sent within the grace period: their files can go. */
  async takeAbandoned(olderThan: Date, limit: number): Promise<Attachment[]> {
    return this.db.returning<Attachment>(
      `DELETE FROM attachments WHERE id IN (
         SELECT id FROM attachments WHERE message_id IS NULL AND created_at < $1 LIMIT $2
       ) RETURNING id, storage_key AS "storageKey"`,
      [olderThan, limit],
    );
  }
}
