import { Injectable } from '@nestjs/common';
import type { CustomFieldValues, Language } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { CONTACTS_CHANNEL } from '../contacts.repository';
import type { PersonFields } from '../people/people.repository';

const PERSON_COLUMNS = `c.id, c.name, c.emails, c.phones, c.external_id, c.company_id, c.company_link,
  c.company_domain_opt_out, c.category_id, c.custom_fields, c.notes, c.language, c.sort_name,
  c.search_text`;

/** A stored person as an import compares and overwrites them. */
export interface StoredPerson extends PersonFields {
  id: string;
}

export interface NewCompany {
  id: string;
  name: string;
  sortName: string;
  searchText: string;
}

/**
 * The set-wise reads and writes of an import batch: a thousand rows cost a few statements, not a
 * few thousand (2,000 rows/s is the target).
 */
@Injectable()
export class ImportBatchRepository {
  constructor(private readonly db: Db) {}

  /**
   * People of the workspace holding any of these emails, phones or external ids. Run it in a
   * transaction: PostgreSQL guesses that an overlap with a thousand values matches nearly every
   * row and scans the table (25 s at 1M people); the GIN indexes answer it in milliseconds, so
   * the scan is switched off for this statement, and the workspace is checked after the index
   * lookup (else the workspace index is taken instead).
   */
  async holders(
    workspaceId: string,
    identity: { emails: string[]; phones: string[]; externalIds: string[] },
  ): Promise<StoredPerson[]> {
    if (!identity.emails.length && !identity.phones.length && !identity.externalIds.length)
      return [];
    await this.db.query('SET LOCAL enable_seqscan = off');
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      `SELECT ${PERSON_COLUMNS} FROM (
         SELECT * FROM contacts WHERE emails && $2::text[] OR phones && $3::text[] OFFSET 0
       ) c WHERE c.workspace_id = $1
       UNION
       SELECT ${PERSON_COLUMNS} FROM contacts c
       WHERE c.workspace_id = $1 AND c.external_id = ANY($4::text[])`,
      [workspaceId, identity.emails, identity.phones, identity.externalIds],
    );
    await this.db.query('SET LOCAL enable_seqscan = on');
    return rows.map((r) => ({
      id: r.id as string,
      name: r.name as string | null,
      emails: r.emails as string[],
      phones: r.phones as string[],
      externalId: r.external_id as string | null,
      companyId: r.company_id as string | null,
      companyLink: r.company_link as PersonFields['companyLink'],
      companyDomainOptOut: r.company_domain_opt_out as boolean,
      categoryId: r.category_id as string | null,
      customFields: r.custom_fields as CustomFieldValues,
      notes: r.notes as string | null,
      language: r.language as Language | null,
      sortName: r.sort_name as string,
      searchText: r.search_text as string,
    }));
  }

  /** Companies by their folded sort name (how an import's company cell finds its company). */
  async companiesBySortName(
    workspaceId: string,
    sortNames: string[],
  ): Promise<Map<string, { id: string; name: string }>> {
    if (sortNames.length === 0) return new Map();
    const rows = await this.db.query<Array<{ id: string; name: string; sort_name: string }>>(
      `SELECT DISTINCT ON (sort_name) id, name, sort_name FROM companies
       WHERE workspace_id = $1 AND sort_name = ANY($2::text[]) ORDER BY sort_name, created_at`,
      [workspaceId, sortNames],
    );
    return new Map(rows.map((r) => [r.sort_name, { id: r.id, name: r.name }]));
  }

  /** For each domain, the oldest company claiming it. */
  async companiesByDomain(
    workspaceId: string,
    domains: string[],
  ): Promise<Map<string, { id: string; name: string }>> {
    if (domains.length === 0) return new Map();
    const rows = await this.db.query<Array<{ id: string; name: string; domain: string }>>(
      `SELECT DISTINCT ON (d.domain) co.id, co.name, d.domain
       FROM companies co CROSS JOIN LATERAL unnest(co.domains) AS d(domain)
       WHERE co.workspace_id = $1 AND co.domains && $2::text[] AND d.domain = ANY($2::text[])
       ORDER BY d.domain, co.created_at`,
      [workspaceId, domains],
    );
    return new Map(rows.map((r) => [r.domain, { id: r.id, name: r.name }]));
  }

  async insertCompanies(workspaceId: string, companies: NewCompany[]): Promise<void> {
    if (companies.length === 0) return;
    await this.db.query(
      `INSERT INTO companies (id, workspace_id, name, sort_name, search_text)
       SELECT r.id, $1, r.name, r.sort_name, r.search_text
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, name text, sort_name text, search_text text)`,
      [
        workspaceId,
        JSON.stringify(
          companies.map((c) => ({
            id: c.id,
            name: c.name,
            sort_name: c.sortName,
            search_text: c.searchText,
          })),
        ),
      ],
    );
  }

  async insertPeople(workspaceId: string, people: StoredPerson[]): Promise<void> {
    if (people.length === 0) return;
    await this.db.query(
      `INSERT INTO contacts (id, workspace_id, name, emails, phones, external_id, company_id,
         company_link, company_domain_opt_out, category_id, custom_fields, notes, language,
         sort_name, search_text)
       SELECT r.id, $1, r.name, r.emails, r.phones, r.external_id, r.company_id, r.company_link,
         false, r.category_id, r.custom_fields, r.notes, r.language, r.sort_name, r.search_text
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, name text, emails text[], phones text[],
         external_id text, company_id uuid, company_link text, category_id uuid,
         custom_fields jsonb, notes text, language text, sort_name text, search_text text)`,
      [workspaceId, JSON.stringify(people.map(personRow))],
    );
  }

  /**
   * Moves what a batch added to the search indexes' pending lists into the indexes, in bulk:
   * half the cost of inserting row by row, and searches after an import do not scan a long list.
   */
  async flushSearchIndexes(): Promise<void> {
    await this.db.query(
      `SELECT gin_clean_pending_list('ix_contacts_search'::regclass),
              gin_clean_pending_list('ix_contacts_custom_fields'::regclass)`,
    );
  }

  /** Each person's columns replaced by the given ones (an update, or an undo's before-image). */
  async overwritePeople(workspaceId: string, people: StoredPerson[]): Promise<void> {
    if (people.length === 0) return;
    await this.db.query(
      `UPDATE contacts c SET name = r.name, emails = r.emails, phones = r.phones,
         external_id = r.external_id, company_id = r.company_id, company_link = r.company_link,
         company_domain_opt_out = r.company_domain_opt_out, category_id = r.category_id,
         custom_fields = r.custom_fields, notes = r.notes, language = r.language,
         sort_name = r.sort_name, search_text = r.search_text, updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, name text, emails text[], phones text[],
         external_id text, company_id uuid, company_link text, company_domain_opt_out boolean,
         category_id uuid, custom_fields jsonb, notes text, language text, sort_name text,
         search_text text)
       WHERE c.workspace_id = $1 AND c.id = r.id`,
      [workspaceId, JSON.stringify(people.map(personRow))],
    );
    for (const person of people) await this.db.notify(CONTACTS_CHANNEL, person.id);
  }

  async deletePeople(workspaceId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query('DELETE FROM contacts WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [
      workspaceId,
      ids,
    ]);
    for (const id of ids) await this.db.notify(CONTACTS_CHANNEL, id);
  }

  async deleteCompanies(workspaceId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query('DELETE FROM companies WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [
      workspaceId,
      ids,
    ]);
  }

  /** Timeline entries, one statement for the batch. */
  async addActivities(
    workspaceId: string,
    actorId: string | null,
    entries: Array<{
      contactId?: string;
      companyId?: string;
      kind: string;
      data: Record<string, unknown>;
    }>,
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO contact_activities (id, workspace_id, contact_id, company_id, kind, data, actor_id)
       SELECT r.id, $1, r.contact_id, r.company_id, r.kind, r.data, $2
       FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, contact_id uuid, company_id uuid, kind text, data jsonb)`,
      [
        workspaceId,
        actorId,
        JSON.stringify(
          entries.map((e) => ({
            id: randomUUID(),
            contact_id: e.contactId ?? null,
            company_id: e.companyId ?? null,
            kind: e.kind,
            data: e.data,
          })),
        ),
      ],
    );
  }
}

function personRow(p: StoredPerson): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    emails: p.emails,
    phones: p.phones,
    external_id: p.externalId,
    company_id: p.companyId,
    company_link: p.companyLink,
    company_domain_opt_out: p.companyDomainOptOut,
    category_id: p.categoryId,
    custom_fields: p.customFields,
    notes: p.notes,
    language: p.language,
    sort_name: p.sortName,
    search_text: p.searchText,
  };
}
