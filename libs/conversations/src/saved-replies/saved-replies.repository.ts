import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { IsNull } from 'typeorm';
import { SavedReply } from '../entities/saved-reply.entity';

/** Saved replies: shared (no owner) and personal ones. */
@Injectable()
export class SavedRepliesRepository {
  constructor(private readonly db: Db) {}

  /** The workspace's shared replies and this member's own, by name. */
  visibleTo(workspaceId: string, userId: string): Promise<SavedReply[]> {
    return this.db.manager.find(SavedReply, {
      where: [
        { workspaceId, ownerId: IsNull() },
        { workspaceId, ownerId: userId },
      ],
      order: { name: 'ASC' },
    });
  }

  find(workspaceId: string, id: string): Promise<SavedReply | null> {
    return this.db.manager.findOne(SavedReply, { where: { id, workspaceId } });
  }

  create(data: Pick<SavedReply, 'id' | 'workspaceId' | 'ownerId' | 'name' | 'body'>): SavedReply {
    return this.db.manager.create(SavedReply, data);
  }

  save(row: SavedReply): Promise<SavedReply> {
    return this.db.manager.save(SavedReply, row);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.manager.delete(SavedReply, { id, workspaceId });
  }
}
