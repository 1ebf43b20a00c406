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
  const a = alias;
  const where = [`${a}.workspace_id = ${p.add(workspaceId)}`, `NOT ${a}.excluded`];
  if (filters.mailboxId) where.push(`${a}.mailbox_id = ${p.add(filters.mailboxId)}`);
  if (filters.teamId) where.push(`${a}.team_id = ${p.add(filters.teamId)}`);
  if (filters.agentId) where.push(`${a}.assignee_id = ${p.add(filters.agentId)}`);
  if (filters.tagId) where.push(`${p.add(filters.tagId)}::uuid = ANY(${a}.tag_ids)`);
  if (filters.channel) where.push(`${a}.channel = ${p.add(filters.channel)}`);
  if (filters.categoryId) where.push(`${a}.category_id = ${p.add(filters.categoryId)}`);
  return where.join(' AND ');
}

/** Median, average and p90 of a seconds column, as the DurationStatsView wants them. */
export const DURATION_STATS = (column: string) => `
  count(${column})::int AS count,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}) AS median,
  avg(${column}) AS average,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${column}) AS p90`;
