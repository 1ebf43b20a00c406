import { parseSearchQuery } from './search-query.util';
import { completionTsquery, exactTsquery, lastWordTsquery, stemTsquery } from './tier-tsquery.util';

describe('tier tsqueries', () => {
  it('builds tsqueries from quoted lexemes only, whatever was typed', () => {
    const query = parseSearchQuery("invoice's & ! | :* (refu) \\", { complete: true })!;
    for (const text of [exactTsquery(query), stemTsquery(query), completionTsquery(query)!])
      expect(text.replace(/'(?:[^']|'')*'(:\*)?/g, '').replace(/[()|& ]/g, '')).toBe('');
    expect(lastWordTsquery(query)).toBe("('refu' | '=refu')");
  });

  it('asks the completion tier for beginnings of the last word only', () => {
    const query = parseSearchQuery('فاتورة محم', { complete: true })!;
    expect(exactTsquery(query)).toBe("('فاتوره' & 'محم')");
    expect(completionTsquery(query)).toMatch(/& \('محم':\* \| '=محم':\*\)\)$/);
    expect(stemTsquery(query)).toContain("'~فاتوره'");
    expect(parseSearchQuery('محم') && completionTsquery(parseSearchQuery('محم')!)).toBeNull();
  });
});
