/** `2026-12-02 18:04:05 +03:00`: an instant as the clock on the wall in `timeZone` shows it. */
export function localTimestamp(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  // `GMT+03:00`, or plain `GMT` at UTC.
  const offset = part('timeZoneName').replace('GMT', '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${offset}`;
}

/** The calendar day (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function localDay(date: Date, timeZone: string): string {
  return localTimestamp(date, timeZone).slice(0, 10);
}

/** The instant a calendar day (`YYYY-MM-DD`) begins in `timeZone` (DST days included). */
export function dayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  // The zone's offset at the guess, then again at the corrected instant (a DST change between).
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(date: Date, timeZone: string): number {
  const stamp = localTimestamp(date, timeZone);
  const sign = stamp.endsWith('+00:00') ? 1 : stamp.slice(-6, -5) === '-' ? -1 : 1;
  const [hours, minutes] = stamp.slice(-5).split(':').map(Number);
  return sign * (hours * 60 + minutes) * 60_000;
}
