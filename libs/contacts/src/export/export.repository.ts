import { Injectable } from '@nestjs/common';
import type { CustomFieldValues, Language } from '@sanad/contracts';
import { Db } from '@sanad/database';
import {
  afterCondition,
  peopleConditions,
  SORT_EXPRESSIONS,
  sortValueText,
  type PageCursor,
  type PeopleQuery,
} from '../people/people-query.util';

/** A person as the export writes them: the row with its company's and category's names. */
export interface PersonExportRow {
  id: string;
  name: string | null;
  emails: string[];
  phones: string[];
  externalId: string | null;
  companyName: string | null;
  categoryName: string | null;
  customFields: CustomFieldValues;
  notes: string | null;
  language: Language | null;
  registered: boolean;
  createdAt: Date;
  lastSeenAt: Date | null;
}

export interface CompanyExportRow {
  id: string;
  name: string;
  domains: string[];
  categoryName: string | null;
  customFields: CustomFieldValues;
  notes: string | null;
  createdAt: Date;
}

/**
 * Batches for the CSV exports, in list order by keyset (never OFFSET: the millionth row costs
 * what the first does). Filters are the list's own (`peopleConditions`), so an export holds
 * exactly what the list shows.
 */
@Injectable()
export class ExportRepository {
  constructor(private readonly db: Db) {}

  async people(
    q: Omit<PeopleQuery, 'namePrefix'>,
  ): Promise<{ rows: PersonExportRow[]; last: PageCursor | null }> {
    const expr = SORT_EXPRESSIONS[q.sort];
    const dir = q.order === 'asc' ? 'ASC' : 'DESC';
    const params: unknown[] = [q.workspaceId];
    const where = [
      'c.workspace_id = $1',
      ...(q.after ? [afterCondition(q.sort, q.order, q.after, params)] : []),
      ...peopleConditions(q, params),
    ];
    params.push(q.limit);
    const raw = await this.db.query<Array<Record<string, unknown>>>(
      `SELECT c.id, c.name, c.emails, c.phones, c.external_id, c.custom_fields, c.notes,
         c.language, c.registered, c.created_at, c.last_seen_at, ${expr} AS sort_value,
         co.name AS company_name, cat.name AS category_name
       FROM contacts c
       LEFT JOIN companies co ON co.id = c.company_id
       LEFT JOIN contact_categories cat ON cat.id = c.category_id
       WHERE ${where.join(' AND ')}
       ORDER BY ${expr} ${dir}, c.id ${dir} LIMIT $${params.length}`,
      params,
    );
    const lastRow = raw.length >= q.limit ? raw[raw.length - 1] : null;
    return {
      rows: raw.map((r) => ({
        id: r.id as string,
        name: r.name as string | null,
        emails: r.emails as string[],
        phones: r.phones as string[],
        externalId: r.external_id as string | null,
        companyName: r.company_name as string | null,
        categoryName: r.category_name as string | null,
        customFields: r.custom_fields as CustomFieldValues,
        notes: r.notes as string | null,
        language: r.language as Language | null,
        registered: r.registered as boolean,
        createdAt: r.created_at as Date,
        lastSeenAt: r.last_seen_at as Date | null,
      })),
      last: lastRow && {
        value: sortValueText(q.sort, lastRow.sort_value),
        id: lastRow.id as string,
      },
    };
  }

  async companies(q: {
    workspaceId: string;
    patterns: string[];
    categoryId?: string;
    after?: PageCursor;
    limit: number;
  }): Promise<{ rows: CompanyExportRow[]; last: PageCursor | null }> {
    const params: unknown[] = [q.workspaceId];
    const add = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['co.workspace_id = $1'];
    for (const p of q.patterns) where.push(`co.search_text LIKE ${add(p)}`);
    if (q.categoryId) where.push(`co.category_id = ${add(q.categoryId)}`);
    if (q.after)
      where.push(`(co.sort_name, co.id) > (${add(q.after.value)}, ${add(q.after.id)}::uuid)`);
    const raw = await this.db.query<Array<Record<string, unknown>>>(
      `SELECT co.id, co.name, co.domains, co.custom_fields, co.notes, co.created_at, co.sort_name,
         cat.name AS category_name
       FROM companies co LEFT JOIN contact_categories cat ON cat.id = co.category_id
       WHERE ${where.join(' AND ')}
       ORDER BY co.sort_name, co.id LIMIT ${add(q.limit)}`,
      params,
    );
    const lastRow = raw.length >= q.limit ? raw[raw.length - 1] : null;
    return {
      rows: raw.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        domains: r.domains as string[],
        categoryName: r.category_name as string | null,
        customFields: r.custom_fields as CustomFieldValues,
        notes: r.notes as string | null,
        createdAt: r.created_at as Date,
      })),
      last: lastRow && { value: lastRow.sort_name as string, id: lastRow.id as string },
    };
  }
}
