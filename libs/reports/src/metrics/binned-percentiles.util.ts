/** How many values of a range fall in one bin, and their sum. */
export interface BinCount {
  bin: number;
  n: number;
  seconds: number;
}

/** A value to read: the `offset`-th smallest (0-based) of the range's values in `bin`. */
export interface BinPlace {
  bin: number;
  offset: number;
}

/** The percentiles every duration shows (median and p90), as PostgreSQL's percentile_cont. */
export const PERCENTILES = [0.5, 0.9] as const;

/**
 * Where the values a percentile interpolates between lie, from a range's bin counts in bin
 * order: percentile_cont(p) over N sorted values is v[lo] + (v[hi] − v[lo]) × (r − lo) with
 * r = p × (N − 1), lo = ⌊r⌋, hi = ⌈r⌉. Returns the two places and the fraction.
 */
export function percentilePlaces(
  bins: BinCount[],
  p: number,
): { low: BinPlace; high: BinPlace; fraction: number } | null {
  const total = bins.reduce((n, b) => n + b.n, 0);
  if (total === 0) return null;
  const rank = p * (total - 1);
  const lo = Math.floor(rank);
  return { low: place(bins, lo), high: place(bins, Math.ceil(rank)), fraction: rank - lo };
}

function place(bins: BinCount[], index: number): BinPlace {
  let before = 0;
  for (const b of bins) {
    if (index < before + b.n) return { bin: b.bin, offset: index - before };
    before += b.n;
  }
  throw new Error(`rank ${index} is beyond the ${before} values counted`);
}

/** Count, average and the percentiles, once the places' values are read. */
export function binnedStats(
  bins: BinCount[],
  valueAt: (place: BinPlace) => number,
): { count: number; average: number | null; percentiles: Array<number | null> } {
  const count = bins.reduce((n, b) => n + b.n, 0);
  const sum = bins.reduce((n, b) => n + b.seconds, 0);
  return {
    count,
    average: count === 0 ? null : sum / count,
    percentiles: PERCENTILES.map((p) => {
      const at = percentilePlaces(bins, p);
      if (!at) return null;
      const low = valueAt(at.low);
      return low + (valueAt(at.high) - low) * at.fraction;
    }),
  };
}
