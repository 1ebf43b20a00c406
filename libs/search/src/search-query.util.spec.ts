import { MAX_QUERY_WORDS, parseSearchQuery } from './search-query.util';

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
});
