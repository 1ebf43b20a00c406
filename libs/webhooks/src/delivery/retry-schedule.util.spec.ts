import { nextAttemptAt } from './retry-schedule.util';

describe('nextAttemptAt', () => {
  const schedule = [0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400];
  const now = new Date('2026-03-01T12:00:00Z');
  const delay = (at: Date | null) => (at ? at.getTime() - now.getTime() : null);
  const middle = () => 0.5;

  it('takes the delay of the attempt after those made', () => {
    expect(delay(nextAttemptAt(schedule, 0, now, null, middle))).toBe(0);
    expect(delay(nextAttemptAt(schedule, 1, now, null, middle))).toBe(5_000);
    expect(delay(nextAttemptAt(schedule, 2, now, null, middle))).toBe(300_000);
    expect(delay(nextAttemptAt(schedule, 9, now, null, middle))).toBe(86_400_000);
  });

  it('is exhausted after the last attempt of the schedule', () => {
    expect(nextAttemptAt(schedule, 10, now, null)).toBeNull();
    expect(nextAttemptAt(schedule, 11, now, null)).toBeNull();
    expect(nextAttemptAt([], 0, now, null)).toBeNull();
  });

  it('adds ±10 % jitter to delays over 10 s, within its bounds', () => {
    expect(delay(nextAttemptAt(schedule, 2, now, null, () => 0))).toBe(270_000);
    expect(delay(nextAttemptAt(schedule, 2, now, null, () => 0.999999))).toBeLessThanOrEqual(
      330_000,
    );
    expect(delay(nextAttemptAt(schedule, 2, now, null, () => 0.999999))).toBeGreaterThan(329_000);
    for (let i = 0; i < 1000; i++) {
      const ms = delay(nextAttemptAt(schedule, 3, now, null))!;
      expect(ms).toBeGreaterThanOrEqual(1_620_000);
      expect(ms).toBeLessThanOrEqual(1_980_000);
    }
  });

  it('keeps short delays exact', () => {
    expect(delay(nextAttemptAt([0, 10], 1, now, null, () => 0))).toBe(10_000);
    expect(delay(nextAttemptAt(schedule, 1, now, null, () => 0))).toBe(5_000);
    expect(delay(nextAttemptAt(schedule, 0, now, null, () => 0))).toBe(0);
  });

  it('waits for a Retry-After later than the scheduled delay', () => {
    expect(delay(nextAttemptAt(schedule, 1, now, 60_000, middle))).toBe(60_000);
    expect(delay(nextAttemptAt(schedule, 0, now, 2_000, middle))).toBe(2_000);
  });

  it('never retries sooner for a Retry-After', () => {
    expect(delay(nextAttemptAt(schedule, 2, now, 1_000, middle))).toBe(300_000);
    expect(delay(nextAttemptAt(schedule, 2, now, 0, middle))).toBe(300_000);
  });

  it('caps Retry-After at 24 hours, without shortening a longer scheduled delay', () => {
    expect(delay(nextAttemptAt(schedule, 1, now, 7 * 86_400_000, middle))).toBe(86_400_000);
    expect(delay(nextAttemptAt([0, 100_000], 1, now, 7 * 86_400_000, middle))).toBe(100_000_000);
  });

  it('still ends with the schedule whatever Retry-After says', () => {
    expect(nextAttemptAt(schedule, 10, now, 5_000)).toBeNull();
  });
});
