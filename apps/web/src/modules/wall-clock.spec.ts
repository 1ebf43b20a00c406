import { daysAheadAt, instantAt, localInputInstant, wallTime } from './wall-clock';

describe('wall clock in a time zone', () => {
  it('reads the wall clock there', () => {
    expect(wallTime(new Date('2026-12-02T21:30:00Z'), 'Asia/Riyadh')).toEqual({
      year: 2026,
      month: 12,
      day: 3,
      hour: 0,
      minute: 30,
    });
  });

  it('finds "tomorrow at 9" in the zone, not in the browser', () => {
    // 00:30 on 3 December in Riyadh: tomorrow is the 4th, 09:00 there is 06:00 UTC.
    expect(daysAheadAt(new Date('2026-12-02T21:30:00Z'), 1, 9, 'Asia/Riyadh').toISOString()).toBe(
      '2026-12-04T06:00:00.000Z',
    );
    // New York springs forward on 8 March 2026: 9:00 that day is EDT (13:00 UTC), not EST.
    expect(
      daysAheadAt(new Date('2026-03-07T15:00:00Z'), 1, 9, 'America/New_York').toISOString(),
    ).toBe('2026-03-08T13:00:00.000Z');
    // A week ahead crosses the end of the month.
    expect(daysAheadAt(new Date('2026-12-28T12:00:00Z'), 7, 9, 'Asia/Riyadh').toISOString()).toBe(
      '2027-01-04T06:00:00.000Z',
    );
  });

  it('reads a date-time field on the zone’s clock', () => {
    expect(localInputInstant('2026-12-03T09:30', 'Asia/Riyadh')?.toISOString()).toBe(
      '2026-12-03T06:30:00.000Z',
    );
    expect(localInputInstant('not a date', 'Asia/Riyadh')).toBeNull();
    expect(
      instantAt(
        { year: 2026, month: 7, day: 1, hour: 12, minute: 0 },
        'Europe/London',
      ).toISOString(),
    ).toBe('2026-07-01T11:00:00.000Z');
  });
});
