import { Injectable } from '@nestjs/common';
import type { DuplicateReason } from '@sanad/contracts';
import { Db } from '@sanad/database';

/** Two people who look like one, the first id lower. */
export interface DuplicatePair {
  a: string;
  b: string;
  reason: DuplicateReason;
}

/** People scanned per page: the work of one request is bounded whatever the workspace's size. */
export const DUPLICATES_SCAN = 1000;
/**
 * People one email, phone or name-at-a-company may be shared by and still suggest duplicates:
 * a shared mailbox or a switchboard number is no sign that two records are one person.
 */
const MAX_SHARING = 20;
const REASONS: DuplicateReason[] = ['email', 'phone', 'name_company'];

/**
 * Pairs among the people of CTE `scan` (id, emails, phones, sort_name, company_id): their
 * identities (`keys`, rank 1 email, 2 phone, 3 folded name at a company), everyone holding one
 * of them (`others`, read twice so materialised once: one GIN index scan for all emails, one for all phones, the company index
 * for names; no LIMIT inside, which would tempt the planner into a sequential scan), joined on
 * the shared value. `other` compares ids: `>` lists each pair once, `<>` finds everyone.
 */
function pairsSql(other: '>' | '<>'): string {
  return `,
  keys AS (
    SELECT s.id, 1 AS rank, e AS v FROM scan s, unnest(s.emails) e
    UNION ALL SELECT s.id, 2, p FROM scan s, unnest(s.phones) p
    UNION ALL SELECT s.id, 3, s.company_id::text || ' ' || s.sort_name FROM scan s
      WHERE s.company_id IS NOT NULL AND s.sort_name NOT IN ('', U&'\\FFFF')
  ), others AS (
    SELECT o.id, 1 AS rank, e AS v FROM contacts o, unnest(o.emails) e
    WHERE o.workspace_id = $1 AND o.emails && (SELECT array_agg(v) FROM keys WHERE rank = 1)
    UNION ALL
    SELECT o.id, 2, p FROM contacts o, unnest(o.phones) p
    WHERE o.workspace_id = $1 AND o.phones && (SELECT array_agg(v) FROM keys WHERE rank = 2)
    UNION ALL
    SELECT o.id, 3, o.company_id::text || ' ' || o.sort_name FROM contacts o
    WHERE o.workspace_id = $1
      AND o.company_id IN (SELECT company_id FROM scan WHERE company_id IS NOT NULL)
      AND o.company_id::text || ' ' || o.sort_name IN (SELECT v FROM keys WHERE rank = 3)
  ), common AS (
    SELECT rank, v FROM others GROUP BY rank, v HAVING count(DISTINCT id) <= ${MAX_SHARING}
  ), matches AS (
    SELECT DISTINCT ON (k.id, o.id) k.id AS a, o.id AS b, k.rank
    FROM keys k JOIN common c USING (rank, v) JOIN others o USING (rank, v)
    WHERE o.id ${other} k.id
    ORDER BY k.id, o.id, k.rank
  )`;
}

/** Suggested duplicates among people: SQL only here. */
@Injectable()
export class DuplicatesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Pairs after `(afterA, afterB)` in id order, one per pair (its strongest reason), found among
   * the next DUPLICATES_SCAN people. `scannedAll`: the scan reached the workspace's last person.
   */
  async page(
    workspaceId: string,
    after: { a: string; b: string } | null,
    limit: number,
  ): Promise<{ pairs: DuplicatePair[]; lastScanned: string | null; scannedAll: boolean }> {
    const rows = await this.db.query<
      Array<{ a: string | null; b: string | null; rank: number | null; last: string; n: number }>
    >(
      `WITH scan AS (
         SELECT id, emails, phones, sort_name, company_id FROM contacts
         WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id >= $2::uuid)
         ORDER BY id LIMIT ${DUPLICATES_SCAN}
       )${pairsSql('>')}, shown AS (
         SELECT * FROM matches WHERE $2::uuid IS NULL OR (a, b) > ($2::uuid, $3::uuid)
         ORDER BY a, b LIMIT $4
       )
       SELECT shown.a, shown.b, shown.rank, stats.last, stats.n
       FROM (SELECT max(id::text) AS last, count(*)::int AS n FROM scan) stats
       LEFT JOIN shown ON true
       ORDER BY shown.a, shown.b`,
      [workspaceId, after?.a ?? null, after?.b ?? null, limit],
    );
    const stats = rows[0];
    return {
      pairs: rows.flatMap((r) =>
        r.a && r.b && r.rank ? [{ a: r.a, b: r.b, reason: REASONS[r.rank - 1] }] : [],
      ),
      lastScanned: stats?.last ?? null,
      scannedAll: (stats?.n ?? 0) < DUPLICATES_SCAN,
    };
  }

  /** Everyone who looks like this person, strongest reason first. */
  async of(
    workspaceId: string,
    contactId: string,
  ): Promise<Array<{ id: string; reason: DuplicateReason }>> {
    const rows = await this.db.query<Array<{ id: string; rank: number }>>(
      `WITH scan AS (
         SELECT id, emails, phones, sort_name, company_id FROM contacts
         WHERE workspace_id = $1 AND id = $2
       )${pairsSql('<>')}
       SELECT b AS id, rank FROM matches ORDER BY rank, b LIMIT ${MAX_SHARING * 3}`,
      [workspaceId, contactId],
    );
    return rows.map((r) => ({ id: r.id, reason: REASONS[r.rank - 1] }));
  }
}
