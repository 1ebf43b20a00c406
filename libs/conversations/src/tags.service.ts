import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { TagView } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { DataSource, type EntityManager } from 'typeorm';

/** Tags (الوسوم): everyone sees them with their use; admins rename, merge and delete. */
@Injectable()
export class TagsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(principal: Principal): Promise<TagView[]> {
    const rows = await this.dataSource.query<Array<{ id: string; name: string; count: string }>>(
      `SELECT t.id, t.name, count(ct.conversation_id) AS count
       FROM tags t LEFT JOIN conversation_tags ct ON ct.tag_id = t.id
       WHERE t.workspace_id = $1 GROUP BY t.id ORDER BY lower(t.name)`,
      [principal.workspaceId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.count) }));
  }

  async rename(principal: Principal, id: string, name: string): Promise<TagView> {
    const clean = cleanText(name);
    await this.dataSource.transaction(async (manager) => {
      await this.get(manager, principal, id);
      const clash = await manager.query<unknown[]>(
        'SELECT 1 FROM tags WHERE workspace_id = $1 AND lower(name) = lower($2) AND id <> $3',
        [principal.workspaceId, clean, id],
      );
      if (clash.length > 0)
        throw new DomainError('tag/name_taken', {}, [{ field: 'name', code: 'tagNameTaken' }]);
      await manager.query('UPDATE tags SET name = $3 WHERE workspace_id = $1 AND id = $2', [
        principal.workspaceId,
        id,
        clean,
      ]);
    });
    return this.one(principal, id);
  }

  /** Every conversation with `id` gets `intoId` instead; `id` disappears. */
  async merge(principal: Principal, id: string, intoId: string): Promise<TagView> {
    if (id === intoId) return this.one(principal, id);
    await this.dataSource.transaction(async (manager) => {
      await this.get(manager, principal, id);
      await this.get(manager, principal, intoId);
      await manager.query(
        `INSERT INTO conversation_tags (conversation_id, tag_id, workspace_id)
         SELECT conversation_id, $3, workspace_id FROM conversation_tags WHERE tag_id = $2 AND workspace_id = $1
         ON CONFLICT DO NOTHING`,
        [principal.workspaceId, id, intoId],
      );
      await manager.query('DELETE FROM tags WHERE workspace_id = $1 AND id = $2', [
        principal.workspaceId,
        id,
      ]);
    });
    return this.one(principal, intoId);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.get(manager, principal, id);
      await manager.query('DELETE FROM tags WHERE workspace_id = $1 AND id = $2', [
        principal.workspaceId,
        id,
      ]);
    });
  }

  private async get(manager: EntityManager, principal: Principal, id: string): Promise<void> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM tags WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
      [principal.workspaceId, id],
    );
    if (rows.length === 0) throw new DomainError('tag/not_found');
  }

  private async one(principal: Principal, id: string): Promise<TagView> {
    const tag = (await this.list(principal)).find((t) => t.id === id);
    if (!tag) throw new DomainError('tag/not_found');
    return tag;
  }
}
