import { Injectable } from '@nestjs/common';
import type { ReportBucket, ReportFilters, WeekStart } from '@sanad/contracts';
import { Db, localBucketSql } from '@sanad/database';
import { DURATION_STATS, Params, conversationFilters } from './report-sql.util';

/** A period and its filters as the SQL needs them. */
export interface MetricsWindow {
  workspaceId: string;
  from: Date;
  to: Date;
  timeZone: string;
  bucket: ReportBucket;
  weekStart: WeekStart;
  filters: ReportFilters;
}

export interface DurationRow {
  count: number;
  median: number | null;
  average: number | null;
  p90: number | null;
}

export interface SeriesRow {
  start: Date;
  new: number;
  closed: number;
  reopened: number;
  firstResponseMedian: number | null;
}

export interface AgentRow {
  userId: string;
  handled: number;
  replies: number;
}

export type DurationKind = 'firstResponse' | 'replyTime' | 'resolutionTime';

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const durationRow = (r: Record<string, unknown> | undefined): DurationRow => ({
  count: Number(r?.count ?? 0),
  median: toNumber(r?.median),
  average: toNumber(r?.average),
  p90: toNumber(r?.p90),
});

/** Reply times are read from the replies themselves (`r`), the others from the conversation. */
function durationFilters(p: Params, w: MetricsWindow, kind: DurationKind): string {
  return conversationFilters(p, w.workspaceId, w.filters, kind === 'replyTime' ? 'r' : 'c');
}

/**
 * The report numbers, added up from the facts in SQL (time zones and buckets included), one
 * statement per number so each uses its own index. Replies, agent replies and status changes
 * carry their conversation's filters, so none of them joins its conversation.
 */
@Injectable()
export class ReportMetricsRepository {
  constructor(private readonly db: Db) {}

  async newConversations(w: MetricsWindow): Promise<number> {
    const p = new Params();
    const rows = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM report_conversations c
        WHERE ${conversationFilters(p, w.workspaceId, w.filters)}
          AND c.started_at >= ${p.add(w.from)} AND c.started_at < ${p.add(w.to)}`,
      p.values,
    );
    return rows[0].n;
  }

  /** Conversations closed (or reopened) at least once in the period. */
  async statusChanges(w: MetricsWindow, kind: 'closed' | 'reopened'): Promise<number> {
    const p = new Params();
    const rows = await this.db.query<Array<{ n: number }>>(
      `SELECT count(DISTINCT s.conversation_id)::int AS n FROM report_status_changes s
        WHERE ${conversationFilters(p, w.workspaceId, w.filters, 's')} AND s.kind = ${p.add(kind)}
          AND s.at >= ${p.add(w.from)} AND s.at < ${p.add(w.to)}`,
      p.values,
    );
    return rows[0].n;
  }

  /**
   * Conversations open or pending at each moment: started before it and not closed then. Now,
   * that is the present state (one small partial index). A past moment is worked back from now,
   * reading only what happened since: open now, less those started since, plus those closed
   * since that were open then, less those reopened since that were closed then. So a week's
   * dashboard reads a week of changes, not the workspace's whole history; the present state is
   * counted once for all the moments.
   */
  async ongoingAt(w: MetricsWindow, moments: Date[], now: Date): Promise<number[]> {
    const p = new Params();
    const where = conversationFilters(p, w.workspaceId, w.filters);
    // Bound only when a past moment needs them (an unused parameter is an error).
    let closes: string | null = null;
    const columns = moments.map((at, i) => {
      if (at.getTime() >= now.getTime()) return `(SELECT n FROM open_now) AS m${i}`;
      closes ??= conversationFilters(p, w.workspaceId, w.filters, 's');
      const t = p.add(at);
      return `(SELECT n FROM open_now)
            - (SELECT count(*) FROM report_conversations c WHERE ${where} AND c.started_at >= ${t})
            + (SELECT count(*) FILTER (WHERE closed_now AND NOT closed_then)
                    - count(*) FILTER (WHERE closed_then AND NOT closed_now)
                 FROM (SELECT bool_or(s.until IS NULL) AS closed_now,
                              bool_or(s.at < ${t}) AS closed_then
                         FROM report_status_changes s
                        WHERE ${closes} AND s.kind = 'closed'
                          AND (s.at >= ${t} OR s.until >= ${t})
                        GROUP BY s.conversation_id) changed) AS m${i}`;
    });
    const rows = await this.db.query<Array<Record<string, string>>>(
      `WITH open_now AS (
         SELECT count(*) AS n FROM report_conversations c WHERE ${where} AND c.status <> 'closed')
       SELECT ${columns.join(',\n              ')}`,
      p.values,
    );
    return moments.map((_, i) => Number(rows[0][`m${i}`]));
  }

  async durations(w: MetricsWindow, kind: DurationKind): Promise<DurationRow> {
    const p = new Params();
    const where = durationFilters(p, w, kind);
    const from = p.add(w.from);
    const to = p.add(w.to);
    const sql = {
      firstResponse: `SELECT ${DURATION_STATS('c.first_response_seconds')}
         FROM report_conversations c WHERE ${where} AND c.first_response_at IS NOT NULL
          AND c.first_response_at >= ${from} AND c.first_response_at < ${to}`,
      resolutionTime: `SELECT ${DURATION_STATS('c.resolution_seconds')}
         FROM report_conversations c WHERE ${where} AND c.resolved_at IS NOT NULL
          AND c.resolved_at >= ${from} AND c.resolved_at < ${to}`,
      replyTime: `SELECT ${DURATION_STATS('r.seconds')}
         FROM report_replies r WHERE ${where} AND r.answered_at IS NOT NULL
          AND r.answered_at >= ${from} AND r.answered_at < ${to}`,
    }[kind];
    const rows = await this.db.query<Array<Record<string, unknown>>>(sql, p.values);
    return durationRow(rows[0]);
  }

  /** Every bucket of the period (empty ones too), in the workspace's time zone. */
  async series(w: MetricsWindow): Promise<SeriesRow[]> {
    const p = new Params();
    const where = conversationFilters(p, w.workspaceId, w.filters);
    const tz = p.add(w.timeZone);
    const from = p.add(w.from);
    const to = p.add(w.to);
    const bucket = (column: string) => localBucketSql(column, w.bucket, tz, w.weekStart);
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      `WITH buckets AS (
         SELECT generate_series(${bucket(`${from}::timestamptz`)},
                                (${to}::timestamptz AT TIME ZONE ${tz}) - interval '1 microsecond',
                                interval '1 ${w.bucket}') AS local_start),
       started AS (
         SELECT ${bucket('c.started_at')} AS b, count(*)::int AS n
           FROM report_conversations c
          WHERE ${where} AND c.started_at >= ${from} AND c.started_at < ${to} GROUP BY 1),
       answered AS (
         SELECT ${bucket('c.first_response_at')} AS b,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY c.first_response_seconds) AS median
           FROM report_conversations c
          WHERE ${where} AND c.first_response_at IS NOT NULL
            AND c.first_response_at >= ${from} AND c.first_response_at < ${to} GROUP BY 1),
       statuses AS (
         SELECT ${bucket('s.at')} AS b,
                count(DISTINCT s.conversation_id) FILTER (WHERE s.kind = 'closed')::int AS closed,
                count(DISTINCT s.conversation_id) FILTER (WHERE s.kind = 'reopened')::int
                  AS reopened
           FROM report_status_changes s
          WHERE ${conversationFilters(p, w.workspaceId, w.filters, 's')}
            AND s.kind IN ('closed', 'reopened') -- both kinds: the index's leading column
            AND s.at >= ${from} AND s.at < ${to} GROUP BY 1)
       SELECT (b.local_start AT TIME ZONE ${tz}) AS start, COALESCE(st.n, 0) AS new,
              COALESCE(x.closed, 0) AS closed, COALESCE(x.reopened, 0) AS reopened,
              a.median AS first_response_median
         FROM buckets b
         LEFT JOIN started st ON st.b = b.local_start
         LEFT JOIN answered a ON a.b = b.local_start
         LEFT JOIN statuses x ON x.b = b.local_start
        ORDER BY b.local_start`,
      p.values,
    );
    return rows.map((r) => ({
      start: r.start as Date,
      new: Number(r.new),
      closed: Number(r.closed),
      reopened: Number(r.reopened),
      firstResponseMedian: toNumber(r.first_response_median),
    }));
  }

  /** The period's bucket starts (instants), empty buckets included. */
  async buckets(w: MetricsWindow): Promise<Date[]> {
    const p = new Params();
    const tz = p.add(w.timeZone);
    const from = p.add(w.from);
    const to = p.add(w.to);
    const rows = await this.db.query<Array<{ start: Date }>>(
      `SELECT (b AT TIME ZONE ${tz}) AS start
         FROM generate_series(${localBucketSql(`${from}::timestamptz`, w.bucket, tz, w.weekStart)},
                              (${to}::timestamptz AT TIME ZONE ${tz}) - interval '1 microsecond',
                              interval '1 ${w.bucket}') AS b`,
      p.values,
    );
    return rows.map((r) => r.start);
  }

  /** New conversations by local weekday (0 = Sunday) and hour. */
  async busiestHours(w: MetricsWindow): Promise<Array<{ dow: number; hour: number; n: number }>> {
    const p = new Params();
    const where = conversationFilters(p, w.workspaceId, w.filters);
    const tz = p.add(w.timeZone);
    const rows = await this.db.query<Array<{ dow: number; hour: number; n: number }>>(
      `SELECT date_part('dow', c.started_at AT TIME ZONE ${tz})::int AS dow,
              date_part('hour', c.started_at AT TIME ZONE ${tz})::int AS hour, count(*)::int AS n
         FROM report_conversations c
        WHERE ${where} AND c.started_at >= ${p.add(w.from)} AND c.started_at < ${p.add(w.to)}
        GROUP BY 1, 2`,
      p.values,
    );
    return rows;
  }

  /** Per agent: conversations handled (a public reply of theirs in the period) and replies. */
  async agentActivity(w: MetricsWindow): Promise<AgentRow[]> {
    const p = new Params();
    const rows = await this.db.query<Array<{ user_id: string; handled: number; replies: number }>>(
      `SELECT a.user_id, count(DISTINCT a.conversation_id)::int AS handled,
              count(*)::int AS replies
         FROM report_agent_replies a
        WHERE ${conversationFilters(p, w.workspaceId, w.filters, 'a')}
          AND a.at >= ${p.add(w.from)} AND a.at < ${p.add(w.to)}
        GROUP BY a.user_id`,
      p.values,
    );
    return rows.map((r) => ({ userId: r.user_id, handled: r.handled, replies: r.replies }));
  }

  /**
   * Durations per agent: first responses by who gave them, reply times by who answered,
   * resolutions by the conversation's agent.
   */
  async agentDurations(w: MetricsWindow, kind: DurationKind): Promise<Map<string, DurationRow>> {
    const p = new Params();
    const where = durationFilters(p, w, kind);
    const from = p.add(w.from);
    const to = p.add(w.to);
    const sql = {
      firstResponse: `SELECT c.first_responder_id AS user_id, ${DURATION_STATS('c.first_response_seconds')}
         FROM report_conversations c WHERE ${where} AND c.first_response_at IS NOT NULL
          AND c.first_response_at >= ${from} AND c.first_response_at < ${to} GROUP BY 1`,
      resolutionTime: `SELECT c.assignee_id AS user_id, ${DURATION_STATS('c.resolution_seconds')}
         FROM report_conversations c WHERE ${where} AND c.resolved_at IS NOT NULL
          AND c.assignee_id IS NOT NULL
          AND c.resolved_at >= ${from} AND c.resolved_at < ${to} GROUP BY 1`,
      replyTime: `SELECT r.answered_by AS user_id, ${DURATION_STATS('r.seconds')}
         FROM report_replies r WHERE ${where} AND r.answered_at IS NOT NULL
          AND r.answered_at >= ${from} AND r.answered_at < ${to} GROUP BY 1`,
    }[kind];
    const rows = await this.db.query<Array<Record<string, unknown>>>(sql, p.values);
    return new Map(rows.map((r) => [String(r.user_id), durationRow(r)]));
  }

  /** People who started conversations in the period, and conversations per contact category. */
  async contactActivity(
    w: MetricsWindow,
  ): Promise<{ people: number; byCategory: Array<{ categoryId: string | null; n: number }> }> {
    const p = new Params();
    const rows = await this.db.query<
      Array<{ category_id: string | null; n: number; people: number; total: number }>
    >(
      `SELECT c.category_id, count(*)::int AS n, count(DISTINCT c.contact_id)::int AS people,
              GROUPING(c.category_id) AS total
         FROM report_conversations c
        WHERE ${conversationFilters(p, w.workspaceId, w.filters)}
          AND c.started_at >= ${p.add(w.from)} AND c.started_at < ${p.add(w.to)}
        GROUP BY ROLLUP (c.category_id)`,
      p.values,
    );
    return {
      people: rows.find((r) => r.total === 1)?.people ?? 0,
      byCategory: rows
        .filter((r) => r.total === 0)
        .map((r) => ({ categoryId: r.category_id, n: r.n })),
    };
  }
}
