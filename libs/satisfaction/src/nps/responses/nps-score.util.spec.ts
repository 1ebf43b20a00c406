import { npsFromDistribution, npsGroup, npsScore, npsTotals, responseRate } from './nps-score.util';

describe('NPS arithmetic', () => {
  it('puts 9–10 in promoters, 7–8 in passives, 0–6 in detractors', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(npsGroup)).toEqual([
      ...Array(7).fill('detractors'),
      'passives',
      'passives',
      'promoters',
      'promoters',
    ]);
  });

  it('is promoters minus detractors in percent, from −100 to +100', () => {
    expect(npsScore({ promoters: 10, detractors: 0, responses: 10 })).toBe(100);
    expect(npsScore({ promoters: 0, detractors: 4, responses: 4 })).toBe(-100);
    expect(npsScore({ promoters: 5, detractors: 3, responses: 10 })).toBe(20);
    expect(npsScore({ promoters: 0, detractors: 0, responses: 3 })).toBe(0);
    expect(npsScore({ promoters: 2, detractors: 2, responses: 5 })).toBe(0);
  });

  it('rounds to whole points, halves away from zero', () => {
    expect(npsScore({ promoters: 1, detractors: 0, responses: 3 })).toBe(33);
    expect(npsScore({ promoters: 2, detractors: 0, responses: 3 })).toBe(67);
    expect(npsScore({ promoters: 1, detractors: 0, responses: 8 })).toBe(13);
    expect(npsScore({ promoters: 0, detractors: 1, responses: 8 })).toBe(-13);
    expect(npsScore({ promoters: 0, detractors: 1, responses: 3 })).toBe(-33);
  });

  it('has no score without responses', () => {
    expect(npsScore({ promoters: 0, detractors: 0, responses: 0 })).toBeNull();
    expect(npsTotals({ promoters: 0, passives: 0, detractors: 0 })).toEqual({
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      score: null,
    });
  });

  it('adds a distribution up', () => {
    // 2 detractors (0, 6), 1 passive (8), 3 promoters (9, 10, 10): (3 − 2) / 6 = 16.7 → 17.
    expect(npsFromDistribution([1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 2])).toEqual({
      responses: 6,
      promoters: 3,
      passives: 1,
      detractors: 2,
      score: 17,
    });
  });

  it('gives the response rate of the sent emails', () => {
    expect(responseRate(1, 3)).toBe(0.333);
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(2, 2)).toBe(1);
  });
});
