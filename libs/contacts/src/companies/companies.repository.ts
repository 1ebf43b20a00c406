import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { CONTACTS_CHANNEL } from '../contacts.repository';
import { Company } from '../entities/company.entity';

export type CompanyFields = Pick<
  Company,
  'name' | 'domains' | 'categoryId' | 'customFields' | 'notes' | 'sortName' | 'searchText'
>;

/** Companies, always within one workspace. */
@Injectable()
export class CompaniesRepository {
  constructor(private readonly db: Db) {}

  async list(
    workspaceId: string,
    q: {
      patterns: string[];
      categoryId?: string;
      after?: { value: string; id: string };
      limit: number;
    },
  ): Promise<Array<Company & { peopleCount: number }>> {
    const params: unknown[] = [workspaceId];
    const where = ['co.workspace_id = $1'];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    for (const p of q.patterns) where.push(`co.search_text LIKE ${add(p)}`);
    if (q.categoryId) where.push(`co.category_id = ${add(q.categoryId)}`);
    if (q.after)
      where.push(`(co.sort_name, co.id) > (${add(q.after.value)}, ${add(q.after.id)}::uuid)`);
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      `SELECT co.*, (SELECT count(*)::int FROM contacts c WHERE c.company_id = co.id) AS people_count
       FROM companies co WHERE ${where.join(' AND ')}
       ORDER BY co.sort_name, co.id LIMIT ${add(q.limit)}`,
      params,
    );
    return rows.map(fromRaw);
  }

  async findMany(
    workspaceId: string,
    ids: string[],
  ): Promise<Array<Company & { peopleCount: number }>> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      `SELECT co.*, (SELECT count(*)::int FROM contacts c WHERE c.company_id = co.id) AS people_count
       FROM companies co WHERE co.workspace_id = $1 AND co.id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    return rows.map(fromRaw);
  }

  lock(workspaceId: string, id: string): Promise<Company | null> {
    return this.db.manager
      .createQueryBuilder(Company, 'co')
      .setLock('pessimistic_write')
      .where('co.workspace_id = :workspaceId AND co.id = :id', { workspaceId, id })
      .getOne();
  }

  names(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return Promise.resolve(new Map<string, string>());
    return this.db
      .query<Array<{ id: string; name: string }>>(
        'SELECT id, name FROM companies WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
        [workspaceId, ids],
      )
      .then((rows) => new Map(rows.map((r): [string, string] => [r.id, r.name])));
  }

  /** The company whose domains include this one (the oldest, when several claim it). */
  async byDomain(
    workspaceId: string,
    domain: string,
  ): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.query<Array<{ id: string; name: string }>>(
      `SELECT id, name FROM companies WHERE workspace_id = $1 AND domains @> ARRAY[$2]::text[]
       ORDER BY created_at LIMIT 1`,
      [workspaceId, domain],
    );
    return rows[0] ?? null;
  }

  /** Another company of the workspace already claiming one of these domains. */
  async domainHolder(
    workspaceId: string,
    exceptId: string | null,
    domains: string[],
  ): Promise<string | null> {
    if (domains.length === 0) return null;
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM companies WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id <> $2) AND domains && $3::text[] LIMIT 1`,
      [workspaceId, exceptId, domains],
    );
    return rows[0]?.id ?? null;
  }

  /** The company of this name, letter case aside (the oldest, if several share it). */
  async byName(workspaceId: string, name: string): Promise<{ id: string; name: string } | null> {
    const [row] = await this.db.query<Array<{ id: string; name: string }>>(
      `SELECT id, name FROM companies WHERE workspace_id = $1 AND lower(name) = lower($2)
       ORDER BY created_at, id LIMIT 1`,
      [workspaceId, name.trim()],
    );
    return row ?? null;
  }

  async insert(workspaceId: string, fields: CompanyFields): Promise<string> {
    const id = randomUUID();
    await this.db.manager.insert(Company, { id, workspaceId, ...fields });
    return id;
  }

  async update(workspaceId: string, id: string, fields: Partial<CompanyFields>): Promise<void> {
    await this.db.manager.update(Company, { workspaceId, id }, fields);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.db.manager.delete(Company, { workspaceId, id });
  }

  /**
   * People without a company whose email is at one of the domains are linked to it (unless
   * someone undid such a link for them). Returns their ids.
   */
  async linkByDomains(
    workspaceId: string,
    companyId: string,
    domains: string[],
  ): Promise<string[]> {
    if (domains.length === 0) return [];
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE contacts c SET company_id = $2, company_link = 'domain', updated_at = now()
       WHERE c.workspace_id = $1 AND c.company_id IS NULL AND NOT c.company_domain_opt_out
         AND EXISTS (SELECT 1 FROM unnest(c.emails) e WHERE split_part(e, '@', 2) = ANY($3::text[]))
       RETURNING c.id`,
      [workspaceId, companyId, domains],
    );
    for (const { id } of rows) await this.db.notify(CONTACTS_CHANNEL, id);
    return rows.map((r) => r.id);
  }

  /** People of the company, as ids (their search text names the company). */
  async peopleIds(workspaceId: string, companyId: string): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      'SELECT id FROM contacts WHERE workspace_id = $1 AND company_id = $2',
      [workspaceId, companyId],
    );
    return rows.map((r) => r.id);
  }

  async moveCategory(workspaceId: string, from: string, to: string | null): Promise<number> {
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE companies SET category_id = $3, updated_at = now()
       WHERE workspace_id = $1 AND category_id = $2 RETURNING id`,
      [workspaceId, from, to],
    );
    return rows.length;
  }
}

function fromRaw(r: Record<string, unknown>): Company & { peopleCount: number } {
  return Object.assign(new Company(), {
    id: r.id as string,
    workspaceId: r.workspace_id as string,
    name: r.name as string,
    domains: r.domains as string[],
    categoryId: r.category_id as string | null,
    customFields: r.custom_fields as Company['customFields'],
    notes: r.notes as string | null,
    sortName: r.sort_name as string,
    searchText: r.search_text as string,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    peopleCount: r.people_count as number,
  });
}
