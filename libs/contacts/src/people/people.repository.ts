import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { CONTACTS_CHANNEL } from '../contacts.repository';
import { ContactActivity } from '../entities/contact-activity.entity';
import { Contact } from '../entities/contact.entity';
import {
  afterCondition,
  peopleConditions,
  rangeCondition,
  SORT_EXPRESSIONS,
  sortValueText,
  type PageCursor,
  type PeopleQuery,
} from './people-query.util';

/** Rows read in list order before the filters are asked of the indexes (see `list`). */
const WINDOW = 4_000;
/** What the window keeps of each row: the columns the filters and sorts read (half the cost of `*`). */
const WINDOW_COLUMNS = `c.id, c.sort_name, c.created_at, c.last_seen_at, c.category_id, c.company_id,
  c.registered, c.search_text, c.custom_fields`;

/** A person as a segment lists them. */
export interface SegmentPerson {
  id: string;
  name: string | null;
  email: string | null;
  language: 'ar' | 'en' | null;
  categoryId: string | null;
}

/** Columns a person is written with (the rest are defaults or derived). */
export type PersonFields = Pick<
  Contact,
  | 'name'
  | 'emails'
  | 'phones'
  | 'externalId'
  | 'companyId'
  | 'companyLink'
  | 'companyDomainOptOut'
  | 'categoryId'
  | 'customFields'
  | 'notes'
  | 'language'
  | 'sortName'
  | 'searchText'
>;

/** People rows, always within one workspace. Every change is announced on CONTACTS_CHANNEL. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly db: Db) {}

  /**
   * The ids of a page of people, in order. With filters, the next WINDOW rows in list order
   * are read and filtered first (common words and values fill the page there); when they do not
   * fill it, the rest comes through the indexes (trigram, containment) after the window. So a
   * page costs about the same for a word every tenth person has and for one only three have.
   * Run it in a transaction (the fallback sets a planner option for itself).
   */
  async listIds(q: PeopleQuery): Promise<{ ids: string[]; last: PageCursor | null }> {
    const expr = SORT_EXPRESSIONS[q.sort];
    const dir = q.order === 'asc' ? 'ASC' : 'DESC';
    const order = `${expr} ${dir}, c.id ${dir}`;
    const params: unknown[] = [q.workspaceId];
    const keyset = q.after ? [afterCondition(q.sort, q.order, q.after, params)] : [];
    const scope = ['c.workspace_id = $1', ...keyset, ...rangeCondition(q, params)].join(' AND ');
    const filters = peopleConditions(q, params);
    if (filters.length === 0) {
      params.push(q.limit);
      const rows = await this.db.query<SortedId[]>(
        `SELECT c.id, ${expr} AS sort_value FROM contacts c WHERE ${scope}
         ORDER BY ${order} LIMIT $${params.length}`,
        params,
      );
      return this.page(rows, q);
    }
    params.push(WINDOW, q.limit);
    const rows = await this.db.query<Array<SortedId & { hit: boolean }>>(
      `WITH w AS (
         SELECT ${WINDOW_COLUMNS}, ${expr} AS sort_value FROM contacts c WHERE ${scope}
         ORDER BY ${order} LIMIT $${params.length - 1})
       (SELECT c.id, c.sort_value, true AS hit FROM w c WHERE ${filters.join(' AND ')}
        ORDER BY c.sort_value ${dir}, c.id ${dir} LIMIT $${params.length})
       UNION ALL
       (SELECT c.id, c.sort_value, false FROM w c
        ORDER BY c.sort_value ${dir}, c.id ${dir} OFFSET $${params.length - 1}::int - 1 LIMIT 1)`,
      params,
    );
    const hits = rows.filter((r) => r.hit);
    const windowEnd = rows.find((r) => !r.hit);
    if (hits.length >= q.limit || !windowEnd) return this.page(hits, q);
    // The window is used up: the other matches come after its last row, through the indexes.
    const restParams: unknown[] = [q.workspaceId];
    const after = { value: sortValueText(q.sort, windowEnd.sort_value), id: windowEnd.id };
    const restKeyset = [
      afterCondition(q.sort, q.order, after, restParams),
      ...rangeCondition(q, restParams),
    ].join(' AND ');
    const restFilters = peopleConditions(q, restParams);
    restParams.push(q.limit - hits.length);
    // Few hits in the window: the matches are rare or sit further down the list (محمد… after
    // أحمد…), which PostgreSQL cannot know, so they are asked of the filters' indexes (trigram,
    // containment) rather than found by walking the list order. Many hits: walking is cheaper.
    const sparse = hits.length * 4 < q.limit;
    if (sparse) await this.db.query('SET LOCAL enable_indexscan = off');
    const rest = await this.db.query<SortedId[]>(
      `SELECT c.id, ${expr} AS sort_value FROM contacts c
       WHERE c.workspace_id = $1 AND ${restKeyset} AND ${restFilters.join(' AND ')}
       ORDER BY ${order} LIMIT $${restParams.length}`,
      restParams,
    );
    if (sparse) await this.db.query('SET LOCAL enable_indexscan = on');
    return this.page([...hits, ...rest], q);
  }

  private page(rows: SortedId[], q: PeopleQuery): { ids: string[]; last: PageCursor | null } {
    const last = rows.length >= q.limit ? rows[rows.length - 1] : null;
    return {
      ids: rows.map((r) => r.id),
      last: last && { value: sortValueText(q.sort, last.sort_value), id: last.id },
    };
  }

  /**
   * Everyone matching the list's filters (no search, no paging): what a survey's segment is
   * made of. Only what sending needs: the first email (the primary one), language, category.
   */
  async segment(q: PeopleQuery): Promise<SegmentPerson[]> {
    const params: unknown[] = [q.workspaceId];
    const where = ['c.workspace_id = $1', ...peopleConditions(q, params)].join(' AND ');
    return this.db.query<SegmentPerson[]>(
      `SELECT c.id, c.name, c.emails[1] AS email, c.language, c.category_id AS "categoryId"
       FROM contacts c WHERE ${where} ORDER BY c.id`,
      params,
    );
  }

  findMany(workspaceId: string, ids: string[]): Promise<Contact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager
      .createQueryBuilder(Contact, 'c')
      .where('c.workspace_id = :workspaceId AND c.id IN (:...ids)', { workspaceId, ids })
      .getMany();
  }

  find(workspaceId: string, id: string): Promise<Contact | null> {
    return this.db.manager.findOne(Contact, { where: { workspaceId, id } });
  }

  /** The person, locked for a change until the transaction ends. */
  lock(workspaceId: string, id: string): Promise<Contact | null> {
    return this.db.manager
      .createQueryBuilder(Contact, 'c')
      .setLock('pessimistic_write')
      .where('c.workspace_id = :workspaceId AND c.id = :id', { workspaceId, id })
      .getOne();
  }

  /** Another person of the workspace holding one of these emails, phones or the external id. */
  async holders(
    workspaceId: string,
    exceptId: string | null,
    identity: { emails: string[]; phones: string[]; externalId: string | null },
  ): Promise<Array<Pick<Contact, 'id' | 'emails' | 'phones' | 'externalId'>>> {
    const rows = await this.db.query<
      Array<{ id: string; emails: string[]; phones: string[]; external_id: string | null }>
    >(
      `SELECT id, emails, phones, external_id FROM contacts
       WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id <> $2)
         AND (emails && $3::text[] OR phones && $4::text[] OR external_id = $5)
       LIMIT 5`,
      [workspaceId, exceptId, identity.emails, identity.phones, identity.externalId],
    );
    return rows.map((r) => ({
      id: r.id,
      emails: r.emails,
      phones: r.phones,
      externalId: r.external_id,
    }));
  }

  async insert(workspaceId: string, fields: PersonFields): Promise<string> {
    const id = randomUUID();
    await this.db.manager.insert(Contact, { id, workspaceId, ...fields });
    await this.db.notify(CONTACTS_CHANNEL, id);
    return id;
  }

  async update(workspaceId: string, id: string, fields: Partial<PersonFields>): Promise<void> {
    await this.db.manager.update(Contact, { workspaceId, id }, fields);
    await this.db.notify(CONTACTS_CHANNEL, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.db.manager.delete(Contact, { workspaceId, id });
    await this.db.notify(CONTACTS_CHANNEL, id);
  }

  /** Everyone of a category moves to another (or to none) before the category goes. */
  async moveCategory(workspaceId: string, from: string, to: string | null): Promise<number> {
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE contacts SET category_id = $3, updated_at = now()
       WHERE workspace_id = $1 AND category_id = $2 RETURNING id`,
      [workspaceId, from, to],
    );
    for (const { id } of rows) await this.db.notify(CONTACTS_CHANNEL, id);
    return rows.length;
  }

  async addActivity(
    data: Pick<ContactActivity, 'workspaceId' | 'kind' | 'data' | 'actorId'> &
      Partial<Pick<ContactActivity, 'contactId' | 'companyId'>>,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO contact_activities (id, workspace_id, contact_id, company_id, kind, data, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        randomUUID(),
        data.workspaceId,
        data.contactId ?? null,
        data.companyId ?? null,
        data.kind,
        JSON.stringify(data.data),
        data.actorId,
      ],
    );
  }

  activities(
    workspaceId: string,
    subject: { contactId: string } | { companyId: string },
    limit = 200,
  ): Promise<ContactActivity[]> {
    return this.db.manager.find(ContactActivity, {
      where: { workspaceId, ...subject },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}

interface SortedId {
  id: string;
  sort_value: unknown;
}
