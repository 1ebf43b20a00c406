import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { Mailbox } from '../entities/mailbox.entity';

/** Mailbox rows of a workspace. */
@Injectable()
export class MailboxesRepository {
  constructor(private readonly db: Db) {}

  /** Creates الصندوق الوارد and المزعج once per workspace. */
  async ensureSystemMailboxes(
    workspaceId: string,
    names: { inbox: string; spam: string },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO mailboxes (id, workspace_id, name, slug, kind) VALUES ($1, $3, $4, 'inbox', 'inbox'), ($2, $3, $5, 'spam', 'spam')
       ON CONFLICT DO NOTHING`,
      [randomUUID(), randomUUID(), workspaceId, names.inbox, names.spam],
    );
  }

  list(workspaceId: string): Promise<Mailbox[]> {
    return this.db.manager.find(Mailbox, { where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<Mailbox | null> {
    return this.db.manager.findOne(Mailbox, { where: { workspaceId, id } });
  }

  findByKind(workspaceId: string, kind: 'inbox' | 'spam'): Promise<Mailbox | null> {
    return this.db.manager.findOne(Mailbox, { where: { workspaceId, kind } });
  }

  /** Mailboxes by id across workspaces (routing inbound mail knows the id, not the workspace). */
  findByIds(ids: string[]): Promise<Mailbox[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager.find(Mailbox, { where: { id: In(ids) } });
  }

  async slugTaken(workspaceId: string, slug: string, exceptId?: string): Promise<boolean> {
    const found = await this.db.manager.findOne(Mailbox, { where: { workspaceId, slug } });
    return !!found && found.id !== exceptId;
  }

  save(mailbox: Mailbox): Promise<Mailbox> {
    return this.db.manager.save(Mailbox, mailbox);
  }

  create(data: Pick<Mailbox, 'workspaceId' | 'name' | 'slug' | 'kind' | 'signature'>): Mailbox {
    return this.db.manager.create(Mailbox, { id: randomUUID(), archivedAt: null, ...data });
  }
}
