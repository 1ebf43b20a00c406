import type { ReportBucket, WeekStart } from '@sanad/contracts';

/** Days to shift a local time so that PostgreSQL's Monday weeks start on the workspace's day. */
const WEEK_SHIFT: Record<WeekStart, number> = { monday: 0, sunday: 1, saturday: 2 };

/**
 * SQL for the local start of the bucket holding `column`, as a local timestamp (no zone): hours,
 * days, weeks starting on the workspace's day, months, all in the time zone `tz` (a bound
 * parameter's placeholder). Reports of every library bucket with it.
 */
export function localBucketSql(
  column: string,
  bucket: ReportBucket,
  tz: string,
  weekStart: WeekStart,
): string {
  const local = `(${column} AT TIME ZONE ${tz})`;
  if (bucket !== 'week') return `date_trunc('${bucket}', ${local})`;
  const shift = WEEK_SHIFT[weekStart];
  return shift === 0
    ? `date_trunc('week', ${local})`
    : `(date_trunc('week', ${local} + interval '${shift} days') - interval '${shift} days')`;
}
