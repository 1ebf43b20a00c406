import { binnedStats, percentilePlaces, type BinCount } from './binned-percentiles.util';

/** SQL's report_duration_bin: 16 bins per factor e. */
const durationBin = (seconds: number): number =>
  Math.floor(Math.log(1 + Math.max(seconds, 0)) * 16);

/** PostgreSQL's percentile_cont over sorted values. */
function percentileCont(sorted: number[], p: number): number {
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  return sorted[lo] + (sorted[Math.ceil(rank)] - sorted[lo]) * (rank - lo);
}

/** The values binned as the rollups keep them, and a reader of a bin's k-th value. */
function binned(values: number[]) {
  const byBin = new Map<number, number[]>();
  for (const v of values) byBin.set(durationBin(v), [...(byBin.get(durationBin(v)) ?? []), v]);
  const bins: BinCount[] = [...byBin.entries()]
    .sort(([a], [b]) => a - b)
    .map(([bin, vs]) => ({ bin, n: vs.length, seconds: vs.reduce((a, b) => a + b, 0) }));
  const valueAt = ({ bin, offset }: { bin: number; offset: number }) =>
    [...(byBin.get(bin) ?? [])].sort((a, b) => a - b)[offset];
  return { bins, valueAt };
}

describe('binned percentiles', () => {
  it('equal percentile_cont over the values, for odd, even, tied and spread sets', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const sets = [
      [42],
      [10, 20],
      [5, 5, 5, 5],
      [0, 0, 1, 3600, 86_400],
      Array.from({ length: 1001 }, () => Math.floor(Math.exp(next() * 14))),
      Array.from({ length: 2000 }, () => 420 + 60 * Math.floor(next() * 50)),
    ];
    for (const values of sets) {
      const sorted = [...values].sort((a, b) => a - b);
      const { bins, valueAt } = binned(values);
      const stats = binnedStats(bins, valueAt);
      expect(stats.count).toBe(values.length);
      expect(stats.average).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
      expect(stats.percentiles[0]).toBeCloseTo(percentileCont(sorted, 0.5), 9);
      expect(stats.percentiles[1]).toBeCloseTo(percentileCont(sorted, 0.9), 9);
    }
  });

  it('has nothing to say of no values', () => {
    expect(percentilePlaces([], 0.5)).toBeNull();
    expect(binnedStats([], () => 0)).toEqual({
      count: 0,
      average: null,
      percentiles: [null, null],
    });
  });

  it('places a rank between two bins on each side', () => {
    const bins = [
      { bin: 3, n: 2, seconds: 0 },
      { bin: 9, n: 2, seconds: 0 },
    ];
    // Four values: the median lies between the 2nd (bin 3) and the 3rd (bin 9).
    expect(percentilePlaces(bins, 0.5)).toEqual({
      low: { bin: 3, offset: 1 },
      high: { bin: 9, offset: 0 },
      fraction: 0.5,
    });
  });
});
