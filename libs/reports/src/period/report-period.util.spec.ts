import { PeriodError, addDays, bucketFor, resolvePeriod } from './report-period.util';

describe('report periods', () => {
  const now = new Date('2026-12-02T21:30:00Z'); // 00:30 on 3 December in Riyadh

  it('presets end today in the workspace time zone, which may be tomorrow in UTC', () => {
    const week = resolvePeriod({ preset: 'week' }, 'Asia/Riyadh', now);
    expect([week.fromDate, week.toDate]).toEqual(['2026-11-27', '2026-12-03']);
    expect(week.from).toBe('2026-11-26T21:00:00.000Z');
    expect(week.to).toBe('2026-12-03T21:00:00.000Z');
    expect(week.bucket).toBe('day');
    expect(week.previous).toEqual({
      fromDate: '2026-11-20',
      toDate: '2026-11-26',
      from: '2026-11-19T21:00:00.000Z',
      to: '2026-11-26T21:00:00.000Z',
    });
    const today = resolvePeriod({ preset: 'today' }, 'Asia/Riyadh', now);
    expect([today.fromDate, today.toDate, today.bucket]).toEqual([
      '2026-12-03',
      '2026-12-03',
      'hour',
    ]);
    expect(resolvePeriod({ preset: 'today' }, 'UTC', now).fromDate).toBe('2026-12-02');
  });

  it('a day with a DST change is 23 or 25 hours long', () => {
    const spring = resolvePeriod({ from: '2026-03-08', to: '2026-03-08' }, 'America/New_York', now);
    expect(Date.parse(spring.to) - Date.parse(spring.from)).toBe(23 * 3600_000);
    const autumn = resolvePeriod({ from: '2026-11-01', to: '2026-11-01' }, 'America/New_York', now);
    expect(Date.parse(autumn.to) - Date.parse(autumn.from)).toBe(25 * 3600_000);
  });

  it('month and year presets, with buckets that keep charts readable', () => {
    expect(resolvePeriod({ preset: 'month' }, 'UTC', now).fromDate).toBe('2026-11-03');
    const year = resolvePeriod({ preset: 'year' }, 'UTC', now);
    expect([year.fromDate, year.bucket]).toEqual(['2025-12-03', 'week']);
    expect(bucketFor(2)).toBe('hour');
    expect(bucketFor(62)).toBe('day');
    expect(bucketFor(800)).toBe('month');
  });

  it('custom ranges: both dates, in order, at most five years', () => {
    const range = resolvePeriod({ from: '2026-01-01', to: '2026-01-31' }, 'UTC', now);
    expect(range.preset).toBe('custom');
    expect(range.previous.fromDate).toBe('2025-12-01');
    expect(() => resolvePeriod({ preset: 'custom', from: '2026-01-01' }, 'UTC', now)).toThrow(
      new PeriodError('missing_dates'),
    );
    expect(() => resolvePeriod({ from: '2026-02-01', to: '2026-01-01' }, 'UTC', now)).toThrow(
      new PeriodError('end_before_start'),
    );
    expect(() => resolvePeriod({ from: '2020-01-01', to: '2026-01-02' }, 'UTC', now)).toThrow(
      new PeriodError('too_long'),
    );
    expect(resolvePeriod({ from: '2021-01-01', to: '2025-12-31' }, 'UTC', now).bucket).toBe(
      'month',
    );
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
