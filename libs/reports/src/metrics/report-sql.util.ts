import type { ReportFilters } from '@sanad/contracts';

/** Collects bound parameters while a statement is written: `p.add(x)` answers `$n`. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The conditions every report applies, to the conversation facts `c` or to a reply, agent reply
 * or status change (each carries its conversation's filters).
 */
export function conversationFilters(
  p: Params,
  workspaceId: string,
  filters: ReportFilters,
  alias = 'c',
): string {
  const where = [...keptFilters(p, workspaceId, filters, alias), `NOT ${alias}.excluded`];
  if (filters.tagId) where.push(`${p.add(filters.tagId)}::uuid = ANY(${alias}.tag_ids)`);
  return where.join(' AND ');
}

/** The workspace and the filters both the facts and the rollups keep. */
function keptFilters(p: Params, workspaceId: string, f: ReportFilters, a: string): string[] {
  const where = [`${a}.workspace_id = ${p.add(workspaceId)}`];
  if (f.mailboxId) where.push(`${a}.mailbox_id = ${p.add(f.mailboxId)}`);
  if (f.teamId) where.push(`${a}.team_id = ${p.add(f.teamId)}`);
  if (f.agentId) where.push(`${a}.assignee_id = ${p.add(f.agentId)}`);
  if (f.channel) where.push(`${a}.channel = ${p.add(f.channel)}`);
  if (f.categoryId) where.push(`${a}.category_id = ${p.add(f.categoryId)}`);
  return where;
}

/** Median, average and p90 of a seconds column, as the DurationStatsView wants them. */
export const DURATION_STATS = (column: string) => `
  count(${column})::int AS count,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}) AS median,
  avg(${column}) AS average,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${column}) AS p90`;

/**
 * The rollups' conditions (report_hours, report_durations): the conversation filters they are
 * kept by. A tag filter cannot be read from them (see `readsRollups`).
 */
export function rollupFilters(
  p: Params,
  workspaceId: string,
  filters: ReportFilters,
  alias = 'h',
): string {
  return keptFilters(p, workspaceId, filters, alias).join(' AND ');
}

/** Whether the rollups can answer for these filters (they are not kept by tag). */
export const readsRollups = (filters: ReportFilters): boolean => !filters.tagId;

/**
 * CTEs `spans` and `edges` for a CTE `ranges (k, b0, b1)` of instants [b0, b1): each range's
 * whole UTC hours (or days) [h0, h1), added up from a rollup, and the parts at its ends
 * (e0, e1), counted from the facts. Without rollups, the edge is the whole range.
 */
export function spansSql(rollups: boolean, unit: 'hour' | 'day' = 'hour'): string {
  const h0 = rollups
    ? `date_trunc('${unit}', b0, 'UTC') + CASE WHEN date_trunc('${unit}', b0, 'UTC') = b0
         THEN interval '0' ELSE interval '1 ${unit}' END`
    : 'b1';
  const h1 = rollups ? `date_trunc('${unit}', b1, 'UTC')` : 'b1';
  return `spans AS (SELECT k, b0, b1, ${h0} AS h0, ${h1} AS h1 FROM ranges),
       edges AS (
         SELECT k, b0 AS e0, LEAST(h0, b1) AS e1 FROM spans WHERE b0 < LEAST(h0, b1)
         UNION ALL
         SELECT k, GREATEST(h1, h0, b0), b1 FROM spans WHERE GREATEST(h1, h0, b0) < b1)`;
}

/** Whether the zone's offset is whole hours throughout [from, to] (checked at each day's start). */
export function wholeHoursOffUtc(timeZone: string, from: Date, to: Date): boolean {
  const format = new Intl.DateTimeFormat('en', { timeZone, minute: 'numeric' });
  for (let t = from.getTime(); ; t = Math.min(t + 86_400_000, to.getTime())) {
    if (Number(format.format(new Date(t))) !== new Date(t).getUTCMinutes()) return false;
    if (t >= to.getTime()) return true;
  }
}
