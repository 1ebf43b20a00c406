import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import {
  binnedStats,
  percentilePlaces,
  PERCENTILES,
  type BinCount,
  type BinPlace,
} from './binned-percentiles.util';
import type { DurationKind, DurationRow, MetricsWindow } from './report-metrics.repository';
import {
  DURATION_STATS,
  Params,
  conversationFilters,
  rollupFilters,
  readsRollups,
  spansSql,
} from './report-sql.util';

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

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const durationRow = (r: Record<string, unknown> | undefined): DurationRow => ({
  count: Number(r?.count ?? 0),
  median: toNumber(r?.median),
  average: toNumber(r?.average),
  p90: toNumber(r?.p90),
});

const NO_DURATIONS: DurationRow = { count: 0, median: null, average: null, p90: null };

/** Reply times are read from the replies themselves (`r`), the others from the conversation. */
function durationFilters(p: Params, w: MetricsWindow, kind: DurationKind): string {
  return conversationFilters(p, w.workspaceId, w.filters, kind === 'replyTime' ? 'r' : 'c');
}

/**
 * First response, reply and resolution times of a period: count, median, average and p90,
 * exact, for the workspace or per agent.
 */
@Injectable()
export class ReportDurationsRepository {
  /**
   * Durations are counted by bin for ranges of at least `fromMs` (shorter ones hold no whole
   * day, or few: they read the facts). The exactness spec sets it to 0 to check the binned way
   * on every range.
   */
  readonly binning = { fromMs: 7 * 86_400_000 };

  constructor(private readonly db: Db) {}

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
}
