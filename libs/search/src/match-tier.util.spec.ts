import { indexTerms } from './index-terms.util';
import { isMatchingWord, matchTier } from './match-tier.util';
import { COMPLETED, EXACT, STEMMED, parseSearchQuery } from './search-query.util';

const tier = (query: string, text: string): number => {
  const parsed = parseSearchQuery(query, { complete: true });
  return parsed ? matchTier(parsed, new Set(indexTerms(text))) : 0;
};

describe('matchTier: exact, then other spellings and stems, then completion', () => {
  it.each([
    ['فاتورة', 'الفاتورة جاهزة', STEMMED],
    ['الفاتورة', 'الفاتورة جاهزة', EXACT],
    ['فاتوره', 'فاتورة', EXACT],
    ['مسئول', 'المسؤول مسؤول', EXACT],
    ['فاتورة invoices', 'الفاتورة and the invoice', STEMMED],
    ['محم', 'محمد', COMPLETED],
    ['مستش', 'مستشفى', COMPLETED],
    ['refu', 'refund', COMPLETED],
    ['sara.jo', 'sara.johnson@example.com', COMPLETED],
    ['عبد الله', 'عبدالله', STEMMED],
    ['عبدالله', 'عبد الله', STEMMED],
    ['فيصل', 'يصل', 0],
    ['لبنان', 'اللبن', 0],
    ['فاتورة refund', 'الفاتورة', 0],
  ])('%s in «%s» → %s', (query, text, expected) => {
    expect(tier(query, text)).toBe(expected);
  });
});

describe('isMatchingWord: what a snippet marks', () => {
  it.each([
    ['فاتورة', 'فاتورتي', true],
    ['فاتورة', 'فاتن', false],
    ['sara', 'sara.johnson@example.com', true],
    ['invoices', 'Invoice', true],
  ])('%s marks %s: %s', (query, word, expected) => {
    expect(isMatchingWord(parseSearchQuery(query)!, word)).toBe(expected);
  });
});
