import { Injectable } from '@nestjs/common';
import type { CategoryRefView, CompanyRefView } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { CONTACTS_CHANNEL } from '../contacts.repository';
import { ContactActivity } from '../entities/contact-activity.entity';
import { Contact } from '../entities/contact.entity';

/** Names of the companies and categories that views of people and companies refer to. */
export interface ContactRefs {
  companies: Map<string, CompanyRefView>;
  categories: Map<string, CategoryRefView>;
}

/** The contact rows a person merge reads and writes, always within one workspace. */
@Injectable()
export class PersonMergeRepository {
  constructor(private readonly db: Db) {}

  /** The row, locked until commit (merges lock both people in id order). */
  lock(workspaceId: string, id: string): Promise<Contact | null> {
    return this.db.manager.findOne(Contact, {
      where: { workspaceId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findMany(workspaceId: string, ids: string[]): Promise<Contact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager.find(Contact, { where: { workspaceId, id: In(ids) } });
  }

  async refs(
    workspaceId: string,
    companyIds: string[],
    categoryIds: string[],
  ): Promise<ContactRefs> {
    const [companies, categories] = await Promise.all([
      companyIds.length === 0
        ? []
        : this.db.query<CompanyRefView[]>(
            'SELECT id, name FROM companies WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
            [workspaceId, [...new Set(companyIds)]],
          ),
      categoryIds.length === 0
        ? []
        : this.db.query<CategoryRefView[]>(
            'SELECT id, name, color FROM contact_categories WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
            [workspaceId, [...new Set(categoryIds)]],
          ),
    ]);
    return {
      companies: new Map(companies.map((c) => [c.id, c])),
      categories: new Map(categories.map((c) => [c.id, c])),
    };
  }

  async companyName(workspaceId: string, companyId: string | null): Promise<string | null> {
    if (!companyId) return null;
    const rows = await this.db.query<Array<{ name: string }>>(
      'SELECT name FROM companies WHERE workspace_id = $1 AND id = $2',
      [workspaceId, companyId],
    );
    return rows[0]?.name ?? null;
  }

  /** The caller has set sort_name and search_text. */
  async save(contact: Contact): Promise<void> {
    await this.db.manager.save(Contact, contact);
    await this.db.notify(CONTACTS_CHANNEL, contact.id);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.query('DELETE FROM contacts WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
    ]);
    await this.db.notify(CONTACTS_CHANNEL, id);
  }

  /** The source's timeline joins the survivor's. */
  async moveActivities(workspaceId: string, fromId: string, toId: string): Promise<void> {
    await this.db.query(
      'UPDATE contact_activities SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2',
      [workspaceId, fromId, toId],
    );
  }

  async insertActivity(
    entry: Pick<
      ContactActivity,
      'workspaceId' | 'contactId' | 'companyId' | 'kind' | 'data' | 'actorId'
    >,
  ): Promise<void> {
    await this.db.insertNew<ContactActivity>(ContactActivity, { id: randomUUID(), ...entry });
  }
}
