import { indexTerms } from './index-terms.util';
import {
  COMPLETED,
  EXACT,
  MAX_QUERY_WORDS,
  STEMMED,
  completionTsquery,
  exactTsquery,
  isMatchingWord,
  lastWordTsquery,
  matchTier,
  parseSearchQuery,
  stemTsquery,
} from './search-query.util';

const tier = (query: string, text: string): number => {
  const parsed = parseSearchQuery(query, { complete: true });
  return parsed ? matchTier(parsed, new Set(indexTerms(text))) : 0;
};

describe('parseSearchQuery', () => {
  it.each([
    ['only marks and tatweel', 'ًٌٍَُِّْـــ'],
    ['only punctuation and tsquery syntax', '&|!:*()\'"\\'],
    ['only stop words', 'في من على the of'],
    ['NUL and control characters', '\u0000\u0001\u001f'],
    ['nothing', ''],
  ])('has nothing to search in %s', (_name, text) => {
    expect(parseSearchQuery(text)).toBeNull();
  });

  it('keeps the first words of a 10,000-character query, quickly', () => {
    const started = performance.now();
    const query = parseSearchQuery('فاتورة '.repeat(1_000) + 'كلمة '.repeat(1_000));
    expect(query?.words.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
    const many = parseSearchQuery(Array.from({ length: 2_000 }, (_, i) => `w${i}`).join(' '));
    expect(many?.words).toHaveLength(MAX_QUERY_WORDS);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('completes the last word only when it was the last thing typed and long enough', () => {
    expect(parseSearchQuery('محم', { complete: true })?.completes).toBe(true);
    expect(parseSearchQuery('محم')?.completes).toBe(false);
    expect(parseSearchQuery('مح', { complete: true })?.completes).toBe(false);
    expect(parseSearchQuery('محم في', { complete: true })?.completes).toBe(false);
  });

  it('builds tsqueries from quoted lexemes only, whatever was typed', () => {
    const query = parseSearchQuery("invoice's & ! | :* (refu) \\", { complete: true })!;
    for (const text of [exactTsquery(query), stemTsquery(query), completionTsquery(query)!])
      expect(text.replace(/'(?:[^']|'')*'(:\*)?/g, '').replace(/[()|& ]/g, '')).toBe('');
    expect(lastWordTsquery(query)).toBe("('refu' | '=refu')");
  });
});

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
