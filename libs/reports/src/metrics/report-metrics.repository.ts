import { Injectable } from '@nestjs/common';
import type { ReportBucket, ReportFilters, WeekStart } from '@sanad/contracts';
import { Db, localBucketSql } from '@sanad/database';
import {
  Params,
  conversationFilters,
  rollupFilters,
  readsRollups,
  spansSql,
  wholeHoursOffUtc,
} from './report-sql.util';

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
}

export interface AgentRow {
  userId: string;
  handled: number;
  replies: number;
}

export type DurationKind = 'firstResponse' | 'replyTime' | 'resolutionTime';

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
    const ranges = `ranges AS (SELECT 0 AS k, ${p.add(w.from)}::timestamptz AS b0,
                                      ${p.add(w.to)}::timestamptz AS b1)`;
    const rows = await this.db.query<Array<{ n: number }>>(
      `WITH ${ranges}, ${spansSql(readsRollups(w.filters))}
       SELECT (SELECT COALESCE(sum(h.started), 0) FROM spans s JOIN report_hours h
                 ON ${rollupFilters(p, w.workspaceId, w.filters)}
                AND h.hour >= s.h0 AND h.hour < s.h1)
            + (SELECT count(*) FROM edges e JOIN report_conversations c
                 ON ${conversationFilters(p, w.workspaceId, w.filters)}
                AND c.started_at >= e.e0 AND c.started_at < e.e1) AS n`,
      p.values,
    );
    return Number(rows[0].n);
  }

  /**
   * Conversations closed (or reopened) at least once in the period: every close in it, less
   * those whose conversation's previous close is in it too.
   */
  async statusChanges(w: MetricsWindow, kind: 'closed' | 'reopened'): Promise<number> {
    const p = new Params();
    const from = p.add(w.from);
    const to = p.add(w.to);
    const k = p.add(kind);
    const facts = conversationFilters(p, w.workspaceId, w.filters, 's');
    const rows = await this.db.query<Array<{ n: number }>>(
      `WITH ranges AS (SELECT 0 AS k, ${from}::timestamptz AS b0, ${to}::timestamptz AS b1),
       ${spansSql(readsRollups(w.filters))}
       SELECT (SELECT COALESCE(sum(${kind === 'closed' ? 'h.closes' : 'h.reopens'}), 0)
                 FROM spans x JOIN report_hours h ON ${rollupFilters(p, w.workspaceId, w.filters)}
                  AND h.hour >= x.h0 AND h.hour < x.h1)
            + (SELECT count(*) FROM edges e JOIN report_status_changes s
                 ON ${facts} AND s.kind = ${k} AND s.at >= e.e0 AND s.at < e.e1)
            - (SELECT count(*) FROM report_status_changes s
                WHERE ${facts} AND s.kind = ${k} AND s.prev_at IS NOT NULL
                  AND s.prev_at >= ${from} AND s.prev_at < ${to} AND s.at < ${to}) AS n`,
      p.values,
    );
    return Number(rows[0].n);
  }

  /**
   * Conversations open or pending at each moment T: started before it and not closed then.
   * Worked back from the present state (report_open) over what happened since T:
   * open now, less those started since, plus the closes since, less the closes ended (by a
   * reopen) since. A close is one of its conversation's closed spans, so at most one is in
   * force at a time. A moment still to come has nothing since: it is the present state.
   * So a past moment reads a period of hourly counts, not the history.
   */
  async ongoingAt(w: MetricsWindow, moments: Date[]): Promise<number[]> {
    const p = new Params();
    const ranges = moments
      .map(
        (at, i) => `SELECT ${i} AS k, ${p.add(at)}::timestamptz AS b0,
                              'infinity'::timestamptz AS b1`,
      )
      .join(' UNION ALL ');
    const facts = conversationFilters(p, w.workspaceId, w.filters);
    const changes = conversationFilters(p, w.workspaceId, w.filters, 's');
    const openNow = readsRollups(w.filters)
      ? `SELECT COALESCE(sum(o.n), 0) AS n FROM report_open o
          WHERE ${rollupFilters(p, w.workspaceId, w.filters, 'o')}`
      : `SELECT count(*) AS n FROM report_conversations c WHERE ${facts} AND c.status <> 'closed'`;
    const rows = await this.db.query<Array<{ k: number; n: string }>>(
      `WITH open_now AS (${openNow}),
       ranges AS (${ranges}),
       ${spansSql(readsRollups(w.filters))},
       hours AS (
         SELECT x.k, sum(h.started) AS started, sum(h.closes) AS closes,
                sum(h.close_ends) AS ends
           FROM spans x JOIN report_hours h ON ${rollupFilters(p, w.workspaceId, w.filters)}
            AND h.hour >= x.h0 AND h.hour < x.h1 GROUP BY x.k),
       started AS (
         SELECT e.k, count(*) AS n FROM edges e JOIN report_conversations c
             ON ${facts} AND c.started_at >= e.e0 AND c.started_at < e.e1 GROUP BY e.k),
       closes AS (
         SELECT e.k, count(*) AS n FROM edges e JOIN report_status_changes s
             ON ${changes} AND s.kind = 'closed' AND s.at >= e.e0 AND s.at < e.e1
          GROUP BY e.k),
       ends AS (
         SELECT e.k, count(*) AS n FROM edges e JOIN report_status_changes s
             ON ${changes} AND s.kind = 'closed' AND s.until >= e.e0 AND s.until < e.e1
          GROUP BY e.k)
       SELECT r.k, (SELECT n FROM open_now)
                 - COALESCE(h.started, 0) - COALESCE(st.n, 0)
                 + COALESCE(h.closes, 0) + COALESCE(cl.n, 0)
                 - COALESCE(h.ends, 0) - COALESCE(en.n, 0) AS n
         FROM ranges r LEFT JOIN hours h USING (k) LEFT JOIN started st USING (k)
         LEFT JOIN closes cl USING (k) LEFT JOIN ends en USING (k)`,
      p.values,
    );
    const byMoment = new Map(rows.map((r) => [Number(r.k), Number(r.n)]));
    return moments.map((_, i) => byMoment.get(i) ?? 0);
  }

  /**
   * Every bucket of the period (empty ones too), in the workspace's time zone: each bucket's
   * whole UTC hours from report_hours and the rest from the facts (a zone half an hour off UTC
   * has an edge at each bucket's ends; most zones have none).
   */
  async series(w: MetricsWindow): Promise<SeriesRow[]> {
    const p = new Params();
    const where = conversationFilters(p, w.workspaceId, w.filters);
    const changes = conversationFilters(p, w.workspaceId, w.filters, 's');
    const hours = rollupFilters(p, w.workspaceId, w.filters);
    const tz = p.add(w.timeZone);
    const from = p.add(w.from);
    const to = p.add(w.to);
    const bucket = (column: string) => localBucketSql(column, w.bucket, tz, w.weekStart);
    const step = `interval '1 ${w.bucket}'`;
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      `WITH ranges AS (
         SELECT b AS k, GREATEST(b AT TIME ZONE ${tz}, ${from}::timestamptz) AS b0,
                LEAST((b + ${step}) AT TIME ZONE ${tz}, ${to}::timestamptz) AS b1
           FROM generate_series(${bucket(`${from}::timestamptz`)},
                                (${to}::timestamptz AT TIME ZONE ${tz}) - interval '1 microsecond',
                                ${step}) AS b),
       ${spansSql(readsRollups(w.filters))},
       counted AS (
         SELECT x.k, sum(h.started) AS started, sum(h.closes) AS closes,
                sum(h.reopens) AS reopens
           FROM spans x JOIN report_hours h ON ${hours} AND h.hour >= x.h0 AND h.hour < x.h1
          GROUP BY x.k),
       started AS (
         SELECT e.k, count(*) AS n FROM edges e JOIN report_conversations c
             ON ${where} AND c.started_at >= e.e0 AND c.started_at < e.e1 GROUP BY e.k),
       statuses AS (
         SELECT e.k, count(*) FILTER (WHERE s.kind = 'closed') AS closes,
                count(*) FILTER (WHERE s.kind = 'reopened') AS reopens
           FROM edges e JOIN report_status_changes s
             ON ${changes} AND s.kind IN ('closed', 'reopened')
            AND s.at >= e.e0 AND s.at < e.e1 GROUP BY e.k),
       repeats AS ( -- a conversation closed twice in a bucket is one closed conversation
         SELECT r.k, count(*) FILTER (WHERE s.kind = 'closed') AS closes,
                count(*) FILTER (WHERE s.kind = 'reopened') AS reopens
           FROM ranges r JOIN report_status_changes s
             ON ${changes} AND s.kind IN ('closed', 'reopened') AND s.prev_at IS NOT NULL
            AND s.prev_at >= r.b0 AND s.prev_at < r.b1 AND s.at < r.b1 GROUP BY r.k)
       SELECT (r.k AT TIME ZONE ${tz}) AS start,
              COALESCE(n.started, 0) + COALESCE(st.n, 0) AS new,
              COALESCE(n.closes, 0) + COALESCE(x.closes, 0) - COALESCE(rp.closes, 0) AS closed,
              COALESCE(n.reopens, 0) + COALESCE(x.reopens, 0) - COALESCE(rp.reopens, 0)
                AS reopened
         FROM ranges r
         LEFT JOIN counted n USING (k) LEFT JOIN started st USING (k)
         LEFT JOIN statuses x USING (k) LEFT JOIN repeats rp USING (k)
        ORDER BY r.k`,
      p.values,
    );
    return rows.map((r) => ({
      start: r.start as Date,
      new: Number(r.new),
      closed: Number(r.closed),
      reopened: Number(r.reopened),
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

  /**
   * New conversations by local weekday (0 = Sunday) and hour. Read from report_hours when each
   * UTC hour is one local hour (the zone is whole hours off UTC), else from the facts.
   */
  async busiestHours(w: MetricsWindow): Promise<Array<{ dow: number; hour: number; n: number }>> {
    const p = new Params();
    const where = conversationFilters(p, w.workspaceId, w.filters);
    const tz = p.add(w.timeZone);
    const local = (column: string) =>
      `date_part('dow', ${column} AT TIME ZONE ${tz})::int AS dow,
       date_part('hour', ${column} AT TIME ZONE ${tz})::int AS hour`;
    const ranges = `ranges AS (SELECT 0 AS k, ${p.add(w.from)}::timestamptz AS b0,
                                      ${p.add(w.to)}::timestamptz AS b1)`;
    const hours = readsRollups(w.filters) && wholeHoursOffUtc(w.timeZone, w.from, w.to);
    const rows = await this.db.query<Array<{ dow: number; hour: number; n: number }>>(
      `WITH ${ranges}, ${spansSql(hours)}
       SELECT dow, hour, sum(n)::int AS n FROM (
         SELECT ${local('hour')}, n FROM (
           SELECT h.hour, sum(h.started) AS n
             FROM spans x JOIN report_hours h ON ${rollupFilters(p, w.workspaceId, w.filters)}
              AND h.hour >= x.h0 AND h.hour < x.h1 GROUP BY h.hour) by_hour
         UNION ALL
         SELECT ${local('c.started_at')}, 1
           FROM edges e JOIN report_conversations c
             ON ${where} AND c.started_at >= e.e0 AND c.started_at < e.e1) cells
        GROUP BY 1, 2 HAVING sum(n) <> 0`,
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
