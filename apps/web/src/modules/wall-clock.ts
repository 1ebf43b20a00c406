/** Wall-clock dates and times in a time zone, whatever the browser's own zone is. */

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** What the clock on the wall in `timeZone` shows at `instant`. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    partsFormat.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(format.formatToParts(instant).find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows this date and time. Two passes settle
 * the zone's offset on that day (daylight saving changes it).
 */
export function instantAt(time: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute);
  let guess = asUtc;
  for (let pass = 0; pass < 2; pass++) {
    const shown = wallTime(new Date(guess), timeZone);
    const shownUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute);
    guess += asUtc - shownUtc;
  }
  return new Date(guess);
}

/** `days` days after today in `timeZone`, at `hour`:00 there ("tomorrow at 9"). */
export function daysAheadAt(now: Date, days: number, hour: number, timeZone: string): Date {
  const today = wallTime(now, timeZone);
  // Calendar arithmetic on the date alone (UTC has no daylight saving to skip over).
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return instantAt(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour,
      minute: 0,
    },
    timeZone,
  );
}

/** A `datetime-local` value (`2026-12-03T09:30`) read on the wall clock of `timeZone`. */
export function localInputInstant(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  return instantAt({ year, month, day, hour, minute }, timeZone);
}
