import { dayStart, localDay, localTimestamp } from './local-time.util';

describe('local time', () => {
  const instant = new Date('2026-12-02T21:30:05.250Z');

  it('shows an instant on the wall clock of the time zone, with its offset', () => {
    expect(localTimestamp(instant, 'Asia/Riyadh')).toBe('2026-12-03 00:30:05 +03:00');
    expect(localTimestamp(instant, 'UTC')).toBe('2026-12-02 21:30:05 +00:00');
    expect(localTimestamp(instant, 'America/New_York')).toBe('2026-12-02 16:30:05 -05:00');
    // Summer time in New York: four hours behind.
    expect(localTimestamp(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(
      '2026-07-01 08:00:00 -04:00',
    );
    expect(localTimestamp(instant, 'Asia/Kolkata')).toBe('2026-12-03 03:00:05 +05:30');
  });

  it('gives the calendar day there', () => {
    expect(localDay(instant, 'Asia/Riyadh')).toBe('2026-12-03');
    expect(localDay(instant, 'Europe/London')).toBe('2026-12-02');
  });
});

describe('dayStart', () => {
  it('is local midnight in the zone, across a DST change', () => {
    expect(dayStart('2026-12-03', 'Asia/Riyadh').toISOString()).toBe('2026-12-02T21:00:00.000Z');
    expect(dayStart('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(dayStart('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(dayStart('2026-11-01', 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(dayStart('2026-12-03', 'UTC').toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});
