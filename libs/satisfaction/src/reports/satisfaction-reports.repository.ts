import { Injectable } from '@nestjs/common';
import {
  RATING_DIMENSIONS,
  REPORT_BUCKETS,
  type RatingDimension,
  type RatingGroupBy,
  type ReportWindow,
} from '@sanad/contracts';
import { Db, localBucketSql } from '@sanad/database';

/** Averages of one set of ratings. */
export interface RatingAggregate {
  key: string | null;
  count: number;
  average: number | null;
  dimensions: Record<RatingDimension, number | null>;
}

interface AggregateRow {
  key: string | null;
  count: string;
  average: string | null;
  manner: string | null;
  speed: string | null;
  clarity: string | null;
  happiness: string | null;
}

export interface CommentRow {
  id: string;
  conversation_id: string;
  conversation_number: number;
  score: number;
  comment: string;
  contact_id: string | null;
  agent_id: string | null;
  first_rated_at: Date;
}

const AGGREGATES = `count(*) AS count, avg(score) AS average, avg(manner) AS manner,
  avg(speed) AS speed, avg(clarity) AS clarity, avg(happiness) AS happiness`;

const GROUP_COLUMN: Record<Exclude<RatingGroupBy, 'tag'>, string> = {
  category: 'category_id',
  mailbox: 'mailbox_id',
  team: 'team_id',
  agent: 'agent_id',
};

/**
 * Report queries over ratings: a period of one workspace (rated in [from, to)), narrowed by the
 * attributed columns. Each filter has an index (workspace, column, first_rated_at) carrying the
 * scores, the tag filter a GIN index on tag_ids.
 */
@Injectable()
export class SatisfactionReportsRepository {
  constructor(private readonly db: Db) {}

  async aggregate(window: ReportWindow): Promise<RatingAggregate> {
    const { where, params } = windowWhere(window);
    const rows = await this.db.query<AggregateRow[]>(
      `SELECT NULL AS key, ${AGGREGATES} FROM ratings r WHERE ${where}`,
      params,
    );
    return toAggregate(rows[0]);
  }

  async groups(window: ReportWindow, by: RatingGroupBy): Promise<RatingAggregate[]> {
    const { where, params } = windowWhere(window);
    const sql =
      by === 'tag'
        ? `SELECT t.tag_id::text AS key, ${AGGREGATES}
           FROM ratings r CROSS JOIN LATERAL unnest(r.tag_ids) AS t(tag_id)
           WHERE ${where} GROUP BY t.tag_id ORDER BY count(*) DESC, key`
        : `SELECT r.${GROUP_COLUMN[by]}::text AS key, ${AGGREGATES} FROM ratings r
           WHERE ${where} GROUP BY r.${GROUP_COLUMN[by]} ORDER BY count(*) DESC, key NULLS LAST`;
    return (await this.db.query<AggregateRow[]>(sql, params)).map(toAggregate);
  }

  /** Counts of each star (1–5) for the overall score and each dimension. */
  async distribution(window: ReportWindow): Promise<Record<'overall' | RatingDimension, number[]>> {
    const { where, params } = windowWhere(window);
    const columns = ['score', ...RATING_DIMENSIONS];
    const cells = columns.flatMap((c) =>
      [1, 2, 3, 4, 5].map((v) => `count(*) FILTER (WHERE r.${c} = ${v}) AS ${c}_${v}`),
    );
    const rows = await this.db.query<Array<Record<string, string>>>(
      `SELECT ${cells.join(', ')} FROM ratings r WHERE ${where}`,
      params,
    );
    const row = rows[0] ?? {};
    const counts = (c: string) => [1, 2, 3, 4, 5].map((v) => Number(row[`${c}_${v}`] ?? 0));
    return {
      overall: counts('score'),
      ...(Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, counts(d)])) as Record<
        RatingDimension,
        number[]
      >),
    };
  }

  /** Ratings with a comment, newest first, after the cursor's (rated at, id). */
  async comments(
    window: ReportWindow,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<CommentRow[]> {
    const { where, params } = windowWhere(window);
    let sql = `SELECT id, conversation_id, conversation_number, score, comment, contact_id,
      agent_id, first_rated_at FROM ratings r WHERE ${where} AND r.comment IS NOT NULL`;
    if (after) {
      params.push(after.at, after.id);
      sql += ` AND (r.first_rated_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit);
    sql += ` ORDER BY r.first_rated_at DESC, r.id DESC LIMIT $${params.length}`;
    return this.db.query<CommentRow[]>(sql, params);
  }

  /** Averages per bucket of the window, buckets cut in the window's time zone. */
  async series(window: ReportWindow): Promise<Array<RatingAggregate & { start: Date }>> {
    if (!REPORT_BUCKETS.includes(window.bucket)) throw new Error(`bucket ${window.bucket}`);
    const { where, params } = windowWhere(window);
    params.push(window.timeZone);
    const zone = `$${params.length}`;
    const local = localBucketSql('r.first_rated_at', window.bucket, zone, window.weekStart);
    const rows = await this.db.query<Array<AggregateRow & { start: Date }>>(
      `SELECT (${local} AT TIME ZONE ${zone}) AS start,
              NULL AS key, ${AGGREGATES}
       FROM ratings r WHERE ${where} GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({ ...toAggregate(r), start: new Date(r.start) }));
  }
}

/** The window as SQL over `ratings r`: its workspace, period and filters, all parameters. */
export function windowWhere(window: ReportWindow): { where: string; params: unknown[] } {
  const params: unknown[] = [window.workspaceId, window.from, window.to];
  const clauses = [
    'r.workspace_id = $1',
    'r.first_rated_at >= $2::timestamptz',
    'r.first_rated_at < $3::timestamptz',
  ];
  const f = window.filters;
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (f.mailboxId) add((p) => `r.mailbox_id = ${p}::uuid`, f.mailboxId);
  if (f.teamId) add((p) => `r.team_id = ${p}::uuid`, f.teamId);
  if (f.agentId) add((p) => `r.agent_id = ${p}::uuid`, f.agentId);
  if (f.categoryId) add((p) => `r.category_id = ${p}::uuid`, f.categoryId);
  if (f.channel) add((p) => `r.channel = ${p}`, f.channel);
  if (f.tagId) add((p) => `r.tag_ids @> ARRAY[${p}::uuid]`, f.tagId);
  return { where: clauses.join(' AND '), params };
}

function num(value: string | null): number | null {
  return value === null ? null : Math.round(Number(value) * 100) / 100;
}

function toAggregate(row: AggregateRow | undefined): RatingAggregate {
  return {
    key: row?.key ?? null,
    count: Number(row?.count ?? 0),
    average: num(row?.average ?? null),
    dimensions: {
      manner: num(row?.manner ?? null),
      speed: num(row?.speed ?? null),
      clarity: num(row?.clarity ?? null),
      happiness: num(row?.happiness ?? null),
    },
  };
}
