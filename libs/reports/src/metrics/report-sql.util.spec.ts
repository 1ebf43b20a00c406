import { wholeHoursOffUtc } from './report-sql.util';

describe('wholeHoursOffUtc', () => {
  const year = [new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z')] as const;

  it('is true for zones whole hours off UTC, across their summer time too', () => {
    for (const zone of ['Asia/Riyadh', 'UTC', 'America/New_York', 'Africa/Casablanca'])
      expect([zone, wholeHoursOffUtc(zone, ...year)]).toEqual([zone, true]);
  });

  it('is false for zones half or three quarters of an hour off', () => {
    for (const zone of ['Asia/Kolkata', 'Asia/Tehran', 'Asia/Kathmandu', 'America/St_Johns'])
      expect([zone, wholeHoursOffUtc(zone, ...year)]).toEqual([zone, false]);
  });

  it('sees a half-hour summer time inside the range (Lord Howe Island)', () => {
    // +10:30 in winter, +11:00 in summer: never whole hours in a whole year.
    expect(wholeHoursOffUtc('Australia/Lord_Howe', ...year)).toBe(false);
  });
});
