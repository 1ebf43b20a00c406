import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { In } from 'typeorm';
import { CONTACTS_CHANNEL } from '../contacts.repository';
import { Company } from '../entities/company.entity';

/** A person of the merged company, re-indexed under the survivor's name. */
export interface MovedPerson {
  id: string;
  name: string | null;
  emails: string[];
  phones: string[];
  external_id: string | null;
}

/** The company rows a company merge reads and writes, always within one workspace. */
@Injectable()
export class CompanyMergeRepository {
  constructor(private readonly db: Db) {}

  lock(workspaceId: string, id: string): Promise<Company | null> {
    return this.db.manager.findOne(Company, {
      where: { workspaceId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findMany(workspaceId: string, ids: string[]): Promise<Company[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager.find(Company, { where: { workspaceId, id: In(ids) } });
  }

  async peopleCounts(workspaceId: string, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<Array<{ company_id: string; n: number }>>(
      `SELECT company_id, count(*)::int AS n FROM contacts
       WHERE workspace_id = $1 AND company_id = ANY($2::uuid[]) GROUP BY company_id`,
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.company_id, r.n]));
  }

  /** The source's people now work at the survivor; what their search text needs. */
  movePeople(workspaceId: string, fromId: string, toId: string): Promise<MovedPerson[]> {
    return this.db.returning<MovedPerson>(
      `UPDATE contacts SET company_id = $3, updated_at = now()
       WHERE workspace_id = $1 AND company_id = $2
       RETURNING id, name, emails, phones, external_id`,
      [workspaceId, fromId, toId],
    );
  }

  /** Everyone at the company, for their search text. */
  peopleOf(workspaceId: string, companyId: string): Promise<MovedPerson[]> {
    return this.db.query<MovedPerson[]>(
      `SELECT id, name, emails, phones, external_id FROM contacts
       WHERE workspace_id = $1 AND company_id = $2`,
      [workspaceId, companyId],
    );
  }

  /** New search texts (the company's name is part of a person's), each change announced. */
  async reindexPeople(
    workspaceId: string,
    values: Array<{ id: string; text: string }>,
  ): Promise<void> {
    if (values.length === 0) return;
    await this.db.query(
      `UPDATE contacts c SET search_text = v.text
       FROM jsonb_to_recordset($2::jsonb) AS v(id uuid, text text)
       WHERE c.workspace_id = $1 AND c.id = v.id`,
      [workspaceId, JSON.stringify(values)],
    );
    for (const { id } of values) await this.db.notify(CONTACTS_CHANNEL, id);
  }

  async moveActivities(workspaceId: string, fromId: string, toId: string): Promise<void> {
    await this.db.query(
      'UPDATE contact_activities SET company_id = $3 WHERE workspace_id = $1 AND company_id = $2',
      [workspaceId, fromId, toId],
    );
  }

  async save(company: Company): Promise<void> {
    await this.db.manager.save(Company, company);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.query('DELETE FROM companies WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
    ]);
  }
}
