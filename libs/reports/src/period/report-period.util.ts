import {
  REPORT_MAX_YEARS,
  type ReportBucket,
  type ReportPeriodView,
  type ReportPreset,
} from '@sanad/contracts';
import { dayStart, localDay } from '@sanad/core';

const DAY_MS = 86_400_000;

/** Days in each preset, ending today (today itself counts). */
const PRESET_DAYS: Record<Exclude<ReportPreset, 'custom'>, number> = {
  today: 1,
  week: 7,
  month: 30,
  year: 365,
};

export type PeriodProblem = 'missing_dates' | 'end_before_start' | 'too_long';

export class PeriodError extends Error {
  constructor(readonly problem: PeriodProblem) {
    super(problem);
  }
}

/** `YYYY-MM-DD` plus whole days (calendar arithmetic, no zones involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Hours for a day or two, days up to two months, weeks up to a year, then months. */
export function bucketFor(days: number): ReportBucket {
  if (days <= 2) return 'hour';
  if (days <= 62) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}

/**
 * The period a report covers, in the workspace's time zone: local dates `fromDate`…`toDate`
 * (inclusive) as the instants [from, to), and the period of the same length just before it.
 */
export function resolvePeriod(
  ask: { preset?: ReportPreset; from?: string; to?: string },
  timeZone: string,
  now: Date,
): ReportPeriodView {
  const preset = ask.preset ?? (ask.from || ask.to ? 'custom' : 'week');
  let fromDate: string;
  let toDate: string;
  if (preset === 'custom') {
    if (!ask.from || !ask.to) throw new PeriodError('missing_dates');
    fromDate = ask.from;
    toDate = ask.to;
    if (toDate < fromDate) throw new PeriodError('end_before_start');
    if (toDate > addDays(fromDate, REPORT_MAX_YEARS * 366)) throw new PeriodError('too_long');
  } else {
    toDate = localDay(now, timeZone);
    fromDate = addDays(toDate, 1 - PRESET_DAYS[preset]);
  }
  const days = daysBetween(fromDate, toDate) + 1;
  const previousTo = addDays(fromDate, -1);
  const previousFrom = addDays(fromDate, -days);
  return {
    preset,
    fromDate,
    toDate,
    from: dayStart(fromDate, timeZone).toISOString(),
    to: dayStart(addDays(toDate, 1), timeZone).toISOString(),
    timeZone,
    bucket: bucketFor(days),
    previous: {
      fromDate: previousFrom,
      toDate: previousTo,
      from: dayStart(previousFrom, timeZone).toISOString(),
      to: dayStart(fromDate, timeZone).toISOString(),
    },
  };
}
