import type { ReportFilters } from '@sanad/contracts';

/** Collects bound parameters while a statement is written: `p.add(x)` answers `$n`. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The conditions every report applies to the conversation facts `c`. */
export function conversationFilters(
  p: Params,
  workspaceId: string,
  filters: ReportFilters,
): string {
  const where = [`c.workspace_id = ${p.add(workspaceId)}`, 'NOT c.excluded'];
  if (filters.mailboxId) where.push(`c.mailbox_id = ${p.add(filters.mailboxId)}`);
  if (filters.teamId) where.push(`c.team_id = ${p.add(filters.teamId)}`);
  if (filters.agentId) where.push(`c.assignee_id = ${p.add(filters.agentId)}`);
  if (filters.tagId) where.push(`${p.add(filters.tagId)}::uuid = ANY(c.tag_ids)`);
  if (filters.channel) where.push(`c.channel = ${p.add(filters.channel)}`);
  if (filters.categoryId) where.push(`c.category_id = ${p.add(filters.categoryId)}`);
  return where.join(' AND ');
}

/** Median, average and p90 of a seconds column, as the DurationStatsView wants them. */
export const DURATION_STATS = (column: string) => `
  count(${column})::int AS count,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}) AS median,
  avg(${column}) AS average,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${column}) AS p90`;
