import { Injectable } from '@nestjs/common';
import type { ReportBucket, ReportFilters, WeekStart } from '@sanad/contracts';
import { Db, localBucketSql } from '@sanad/database';
import {
  binnedStats,
  percentilePlaces,
  PERCENTILES,
  type BinCount,
  type BinPlace,
} from './binned-percentiles.util';
import {
  DURATION_STATS,
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

/** Where each duration's values are: table, alias, when it counts, and the seconds. */
const DURATION_SOURCES = {
  firstResponse: {
    table: 'report_conversations',
    alias: 'c',
    at: 'first_response_at',
    seconds: 'first_response_seconds',
  },
  resolutionTime: {
    table: 'report_conversations',
    alias: 'c',
    at: 'resolved_at',
    seconds: 'resolution_seconds',
  },
  replyTime: { table: 'report_replies', alias: 'r', at: 'answered_at', seconds: 'seconds' },
} as const;

const placeKey = (k: number, at: BinPlace) => `${k}:${at.bin}:${at.offset}`;

/** The ranges of a statement as a row source `(k, b0, b1)`. */
const rangesSql = (p: Params, ranges: Array<{ k: number; from: Date; to: Date }>) =>
  `SELECT k, b0, b1 FROM jsonb_to_recordset(${p.add(
    JSON.stringify(ranges.map((r) => ({ k: r.k, b0: r.from, b1: r.to }))),
  )}::jsonb) AS r(k int, b0 timestamptz, b1 timestamptz)`;

const NO_DURATIONS: DurationRow = { count: 0, median: null, average: null, p90: null };

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
  /**
   * Durations are counted by bin for ranges of at least `fromMs` (shorter ones hold no whole
   * day, or few: they read the facts). The exactness spec sets it to 0 to check the binned way
   * on every range.
   */
  readonly binning = { fromMs: 7 * 86_400_000 };

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
   * Count, median, average and p90 of a duration in each of several ranges, exact. A range of
   * a week or more is counted by bin (report_durations for its whole UTC days, the facts for
   * the rest), then the values the percentiles interpolate between are read from their bins
   * (the range's values in a bin, through the value index by bin and time). Shorter ranges read
   * the facts.
   */
  async durationsIn(
    w: MetricsWindow,
    kind: DurationKind,
    ranges: Array<{ from: Date; to: Date }>,
  ): Promise<DurationRow[]> {
    const long = (r: { from: Date; to: Date }) => +r.to - +r.from >= this.binning.fromMs;
    const binned = ranges.flatMap((r, k) => (long(r) ? [{ k, ...r }] : []));
    const direct = ranges.flatMap((r, k) => (long(r) ? [] : [{ k, ...r }]));
    const [read, counts] = await Promise.all([
      this.durationsRead(w, kind, direct),
      this.binCounts(
        w,
        kind,
        binned.map(({ from, to }) => ({ from, to })),
      ),
    ]);
    const places = binned.flatMap(({ k }, i) =>
      PERCENTILES.flatMap((pct) => {
        const at = percentilePlaces(counts[i], pct);
        return at
          ? [
              { k, ...at.low },
              { k, ...at.high },
            ]
          : [];
      }),
    );
    const values = await this.valuesAt(w, kind, ranges, places);
    const result: DurationRow[] = ranges.map(() => ({ ...NO_DURATIONS }));
    binned.forEach(({ k }, i) => {
      const stats = binnedStats(counts[i], (at) => values.get(placeKey(k, at)) as number);
      result[k] = {
        count: stats.count,
        average: stats.average,
        median: stats.percentiles[0],
        p90: stats.percentiles[1],
      };
    });
    for (const [k, row] of read) result[k] = row;
    return result;
  }

  /** Each range's values counted by bin, in bin order, with their sums. */
  private async binCounts(
    w: MetricsWindow,
    kind: DurationKind,
    ranges: Array<{ from: Date; to: Date }>,
  ): Promise<BinCount[][]> {
    const binsOf = ranges.map((): BinCount[] => []);
    if (ranges.length === 0) return binsOf;
    const source = DURATION_SOURCES[kind];
    const p = new Params();
    const facts = durationFilters(p, w, kind);
    const v = source.alias;
    const rows = await this.db.query<Array<{ k: number; bin: number; n: number; seconds: number }>>(
      `WITH ranges AS (${rangesSql(
        p,
        ranges.map((r, k) => ({ k, ...r })),
      )}),
       ${spansSql(readsRollups(w.filters), 'day')}
       SELECT k, bin, sum(n)::int AS n, sum(seconds)::float8 AS seconds FROM (
         SELECT x.k, d.bin, d.n, d.seconds
           FROM spans x JOIN report_durations d
             ON ${rollupFilters(p, w.workspaceId, w.filters, 'd')} AND d.kind = ${p.add(kind)}
            AND d.day >= x.h0 AND d.day < x.h1
         UNION ALL
         SELECT e.k, report_duration_bin(${v}.${source.seconds}), 1, ${v}.${source.seconds}
           FROM edges e JOIN ${source.table} ${v} ON ${facts} AND ${v}.${source.at} IS NOT NULL
            AND ${v}.${source.at} >= e.e0 AND ${v}.${source.at} < e.e1) counted
        GROUP BY k, bin HAVING sum(n) <> 0 ORDER BY k, bin`,
      p.values,
    );
    for (const r of rows) binsOf[r.k].push({ bin: r.bin, n: r.n, seconds: r.seconds });
    return binsOf;
  }

  /** Each range's statistics read from the facts, by range index. */
  private async durationsRead(
    w: MetricsWindow,
    kind: DurationKind,
    ranges: Array<{ k: number; from: Date; to: Date }>,
  ): Promise<Map<number, DurationRow>> {
    if (ranges.length === 0) return new Map();
    const source = DURATION_SOURCES[kind];
    const v = source.alias;
    const p = new Params();
    const rows = await this.db.query<Array<Record<string, unknown>>>(
      `SELECT rg.k, ${DURATION_STATS(`${v}.${source.seconds}`)}
         FROM (${rangesSql(p, ranges)}) rg
         JOIN ${source.table} ${v} ON ${durationFilters(p, w, kind)} AND ${v}.${source.at} IS NOT NULL
          AND ${v}.${source.at} >= rg.b0 AND ${v}.${source.at} < rg.b1
        GROUP BY rg.k`,
      p.values,
    );
    return new Map(rows.map((r) => [Number(r.k), durationRow(r)]));
  }

  /**
   * The values at these places, by `placeKey`: one read per range and bin, of the range's values
   * in that bin (its value index is by bin, then time) in order, from the first place asked.
   */
  private async valuesAt(
    w: MetricsWindow,
    kind: DurationKind,
    ranges: Array<{ from: Date; to: Date }>,
    places: Array<{ k: number; bin: number; offset: number }>,
  ): Promise<Map<string, number>> {
    if (places.length === 0) return new Map();
    const source = DURATION_SOURCES[kind];
    const v = source.alias;
    const seconds = `${v}.${source.seconds}`;
    const reads = new Map<string, { k: number; bin: number; off: number; last: number }>();
    for (const x of places) {
      const key = `${x.k}:${x.bin}`;
      const read = reads.get(key) ?? { k: x.k, bin: x.bin, off: x.offset, last: x.offset };
      read.off = Math.min(read.off, x.offset);
      read.last = Math.max(read.last, x.offset);
      reads.set(key, read);
    }
    const p = new Params();
    const rows = await this.db.query<
      Array<{ k: number; bin: number; off: number; values: number[] }>
    >(
      `SELECT q.k, q.bin, q.off, ARRAY(
         SELECT ${seconds} FROM ${source.table} ${v}
          WHERE ${durationFilters(p, w, kind)} AND ${v}.${source.at} IS NOT NULL
            AND report_duration_bin(${seconds}) = q.bin
            AND ${v}.${source.at} >= q.b0 AND ${v}.${source.at} < q.b1
          ORDER BY ${seconds} OFFSET q.off LIMIT q.n) AS values
         FROM jsonb_to_recordset(${p.add(
           JSON.stringify(
             [...reads.values()].map((r) => ({
               k: r.k,
               bin: r.bin,
               off: r.off,
               n: r.last - r.off + 1,
               b0: ranges[r.k].from,
               b1: ranges[r.k].to,
             })),
           ),
         )}::jsonb) AS q(k int, bin int, off int, n int, b0 timestamptz, b1 timestamptz)`,
      p.values,
    );
    return new Map(
      rows.flatMap((r) =>
        r.values.map((value, i) => [
          placeKey(r.k, { bin: r.bin, offset: r.off + i }),
          Number(value),
        ]),
      ),
    );
  }

  /**
   * Every bucket of the period (empty ones too), in the workspace's time zone: each bucket's
   * whole UTC hours from report_hours and the rest from the facts (a zone half an hour off UTC
   * has an edge at each bucket's ends; most zones have none); each bucket's median first
   * response as `durationsIn` finds it.
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
    const starts = rows.map((r) => r.start as Date);
    const firstResponses = await this.durationsIn(
      w,
      'firstResponse',
      starts.map((start, i) => ({
        from: start < w.from ? w.from : start,
        to: starts[i + 1] ?? w.to,
      })),
    );
    return rows.map((r, i) => ({
      start: r.start as Date,
      new: Number(r.new),
      closed: Number(r.closed),
      reopened: Number(r.reopened),
      firstResponseMedian: firstResponses[i].median,
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
