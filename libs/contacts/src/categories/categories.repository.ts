import { Injectable } from '@nestjs/common';
import type { ContactEntity } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { ContactCategory } from '../entities/contact-category.entity';

@Injectable()
export class CategoriesRepository {
  constructor(private readonly db: Db) {}

  async list(
    workspaceId: string,
    entity: ContactEntity,
  ): Promise<Array<ContactCategory & { count: number }>> {
    const table = entity === 'person' ? 'contacts' : 'companies';
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      `SELECT cat.*, (SELECT count(*)::int FROM ${table} t WHERE t.category_id = cat.id) AS count
       FROM contact_categories cat WHERE cat.workspace_id = $1 AND cat.entity = $2
       ORDER BY cat.position, cat.created_at`,
      [workspaceId, entity],
    );
    return rows.map((r) =>
      Object.assign(new ContactCategory(), {
        id: r.id,
        workspaceId: r.workspace_id,
        entity: r.entity,
        name: r.name,
        color: r.color,
        position: r.position,
        systemKey: r.system_key,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        count: r.count as number,
      }),
    );
  }

  find(workspaceId: string, id: string): Promise<ContactCategory | null> {
    return this.db.manager.findOne(ContactCategory, { where: { workspaceId, id } });
  }

  findMany(workspaceId: string, ids: string[]): Promise<ContactCategory[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager
      .createQueryBuilder(ContactCategory, 'cat')
      .where('cat.workspace_id = :workspaceId AND cat.id IN (:...ids)', { workspaceId, ids })
      .getMany();
  }

  /** A category of this entity by name (case-insensitive), for imports and uniqueness. */
  findByName(
    workspaceId: string,
    entity: ContactEntity,
    name: string,
  ): Promise<ContactCategory | null> {
    return this.db.manager
      .createQueryBuilder(ContactCategory, 'cat')
      .where(
        'cat.workspace_id = :workspaceId AND cat.entity = :entity AND lower(cat.name) = lower(:name)',
        {
          workspaceId,
          entity,
          name,
        },
      )
      .getOne();
  }

  async insert(
    data: Pick<ContactCategory, 'workspaceId' | 'entity' | 'name' | 'color'>,
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO contact_categories (id, workspace_id, entity, name, color, position)
       VALUES ($1, $2, $3, $4, $5,
         (SELECT coalesce(max(position) + 1, 0) FROM contact_categories WHERE workspace_id = $2 AND entity = $3))`,
      [id, data.workspaceId, data.entity, data.name, data.color],
    );
    return id;
  }

  async update(
    workspaceId: string,
    id: string,
    fields: Partial<Pick<ContactCategory, 'name' | 'color'>>,
  ): Promise<void> {
    await this.db.manager.update(ContactCategory, { workspaceId, id }, fields);
  }

  async reorder(workspaceId: string, entity: ContactEntity, ids: string[]): Promise<void> {
    await this.db.query(
      `UPDATE contact_categories cat SET position = o.n - 1, updated_at = now()
       FROM unnest($3::uuid[]) WITH ORDINALITY AS o(id, n)
       WHERE cat.workspace_id = $1 AND cat.entity = $2 AND cat.id = o.id`,
      [workspaceId, entity, ids],
    );
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.db.manager.delete(ContactCategory, { workspaceId, id });
  }
}
