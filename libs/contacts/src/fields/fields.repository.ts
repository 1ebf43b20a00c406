import { Injectable } from '@nestjs/common';
import type { ContactEntity, CustomFieldValue } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { CONTACTS_CHANNEL } from '../contacts.repository';
import { ContactField } from '../entities/contact-field.entity';

const TABLE: Record<ContactEntity, string> = { person: 'contacts', company: 'companies' };

@Injectable()
export class FieldsRepository {
  constructor(private readonly db: Db) {}

  list(workspaceId: string, entity: ContactEntity): Promise<ContactField[]> {
    return this.db.manager.find(ContactField, {
      where: { workspaceId, entity },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  find(workspaceId: string, id: string): Promise<ContactField | null> {
    return this.db.manager.findOne(ContactField, { where: { workspaceId, id } });
  }

  lock(workspaceId: string, id: string): Promise<ContactField | null> {
    return this.db.manager
      .createQueryBuilder(ContactField, 'f')
      .setLock('pessimistic_write')
      .where('f.workspace_id = :workspaceId AND f.id = :id', { workspaceId, id })
      .getOne();
  }

  count(workspaceId: string, entity: ContactEntity): Promise<number> {
    return this.db.manager.count(ContactField, { where: { workspaceId, entity } });
  }

  async insert(
    data: Omit<ContactField, 'id' | 'createdAt' | 'updatedAt' | 'position'>,
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO contact_fields (id, workspace_id, entity, key, label_ar, label_en, type, required, options, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
         (SELECT coalesce(max(position) + 1, 0) FROM contact_fields WHERE workspace_id = $2 AND entity = $3))
       ON CONFLICT (workspace_id, entity, key) DO NOTHING`,
      [
        id,
        data.workspaceId,
        data.entity,
        data.key,
        data.labelAr,
        data.labelEn,
        data.type,
        data.required,
        JSON.stringify(data.options),
      ],
    );
    const stored = await this.find(data.workspaceId, id);
    return stored ? id : '';
  }

  async update(workspaceId: string, id: string, fields: Partial<ContactField>): Promise<void> {
    await this.db.manager.update(ContactField, { workspaceId, id }, fields);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.db.manager.delete(ContactField, { workspaceId, id });
  }

  /** How many people (or companies) hold a value for the key. */
  async usage(workspaceId: string, entity: ContactEntity, key: string): Promise<number> {
    const rows = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ${TABLE[entity]} WHERE workspace_id = $1 AND custom_fields ? $2`,
      [workspaceId, key],
    );
    return rows[0].n;
  }

  /** The stored values of a key, in batches by id (type changes convert them in code). */
  async values(
    workspaceId: string,
    entity: ContactEntity,
    key: string,
    afterId: string,
    limit: number,
  ): Promise<Array<{ id: string; value: CustomFieldValue }>> {
    return this.db.query(
      `SELECT id, custom_fields -> $2 AS value FROM ${TABLE[entity]}
       WHERE workspace_id = $1 AND custom_fields ? $2 AND id > $3 ORDER BY id LIMIT $4`,
      [workspaceId, key, afterId, limit],
    );
  }

  /**
   * New values for one key: converted ones replace it, the others move to `<key>__previous`
   * (as text) so nothing is lost.
   */
  async rewriteValues(
    workspaceId: string,
    entity: ContactEntity,
    key: string,
    changes: Array<{ id: string; value: CustomFieldValue | null; previous: string | null }>,
  ): Promise<void> {
    if (changes.length === 0) return;
    await this.db.query(
      `UPDATE ${TABLE[entity]} t SET custom_fields = CASE
           WHEN v.value IS NULL THEN (t.custom_fields - $2) || jsonb_build_object($2 || '__previous', v.previous)
           ELSE t.custom_fields || jsonb_build_object($2, v.value) END,
         updated_at = now()
       FROM jsonb_to_recordset($3::jsonb) AS v(id uuid, value jsonb, previous text)
       WHERE t.workspace_id = $1 AND t.id = v.id`,
      [workspaceId, key, JSON.stringify(changes)],
    );
    if (entity === 'person') for (const c of changes) await this.db.notify(CONTACTS_CHANNEL, c.id);
  }

  /** The key's values removed from everyone (the field is being deleted). */
  async dropValues(workspaceId: string, entity: ContactEntity, key: string): Promise<number> {
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE ${TABLE[entity]} SET custom_fields = custom_fields - $2, updated_at = now()
       WHERE workspace_id = $1 AND custom_fields ? $2 RETURNING id`,
      [workspaceId, key],
    );
    return rows.length;
  }
}
