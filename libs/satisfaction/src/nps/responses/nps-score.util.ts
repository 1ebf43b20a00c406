import type { NpsGroup, NpsTotals } from '@sanad/contracts';

/** Promoters answer 9–10, passives 7–8, detractors 0–6. */
export function npsGroup(score: number): NpsGroup {
  if (score >= 9) return 'promoters';
  if (score >= 7) return 'passives';
  return 'detractors';
}

/** The scores each group spans, for queries (inclusive bounds). */
export const NPS_GROUP_RANGES: Record<NpsGroup, [number, number]> = {
  promoters: [9, 10],
  passives: [7, 8],
  detractors: [0, 6],
};

/**
 * The Net Promoter Score: promoters' share minus detractors' share, in whole percent
 * (−100…+100, rounded half away from zero so +12.5 is 13 and −12.5 is −13); null without
 * responses.
 */
export function npsScore(counts: {
  promoters: number;
  detractors: number;
  responses: number;
}): number | null {
  if (counts.responses <= 0) return null;
  const exact = ((counts.promoters - counts.detractors) * 100) / counts.responses;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return rounded === 0 ? 0 : rounded;
}

/** Totals from the count of each group. */
export function npsTotals(counts: {
  promoters: number;
  passives: number;
  detractors: number;
}): NpsTotals {
  const responses = counts.promoters + counts.passives + counts.detractors;
  return { responses, ...counts, score: npsScore({ ...counts, responses }) };
}

/** Totals of a distribution (responses per score 0..10). */
export function npsFromDistribution(distribution: readonly number[]): NpsTotals {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  distribution.forEach((n, score) => (counts[npsGroup(score)] += n));
  return npsTotals(counts);
}

/** Responses per sent email (0..1, three decimals); null before any was sent. */
export function responseRate(responses: number, sent: number): number | null {
  return sent > 0 ? Math.round((responses / sent) * 1000) / 1000 : null;
}
