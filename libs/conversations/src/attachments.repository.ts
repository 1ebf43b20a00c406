import { Injectable } from '@nestjs/common';
import { insertNew, returningRows } from '@sanad/database';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { Attachment } from './entities/attachment.entity';

/** Attachment rows; the files themselves are behind the storage port. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  insert(data: Omit<Attachment, 'createdAt'>, manager?: EntityManager): Promise<Attachment> {
    return insertNew<Attachment>(this.m(manager), Attachment, data);
  }

  find(workspaceId: string, id: string): Promise<Attachment | null> {
    return this.m().findOne(Attachment, { where: { workspaceId, id } });
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
    manager: EntityManager,
  ): Promise<Attachment[]> {
    const rows = await manager.find(Attachment, {
      where: { workspaceId, uploadedBy, id: In(ids), messageId: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (rows.length === 0) return [];
    await manager.update(
      Attachment,
      { workspaceId, id: In(rows.map((r) => r.id)) },
      { conversationId: target.conversationId, messageId: target.messageId },
    );
    return rows.map((r) => ({ ...r, ...target }));
  }

  forMessages(
    workspaceId: string,
    messageIds: string[],
    manager?: EntityManager,
  ): Promise<Attachment[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return this.m(manager).find(Attachment, {
      where: { workspaceId, messageId: In(messageIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Uploads never sent within the grace period: their files can go. */
  async takeAbandoned(olderThan: Date, limit: number): Promise<Attachment[]> {
    return returningRows<Attachment>(
      this.m(),
      `DELETE FROM attachments WHERE id IN (
         SELECT id FROM attachments WHERE message_id IS NULL AND created_at < $1 LIMIT $2
       ) RETURNING id, storage_key AS "storageKey"`,
      [olderThan, limit],
    );
  }
}
