import { allOf, anyOf, lexeme } from './tsquery.util';

describe('tsquery text', () => {
  it('quotes lexemes, doubling quotes and escaping backslashes', () => {
    expect(lexeme("it's")).toBe("'it''s'");
    expect(lexeme('a\\b')).toBe("'a\\\\b'");
    expect(lexeme('=فاتوره', true)).toBe("'=فاتوره':*");
  });

  it('groups alternatives and conjunctions', () => {
    expect(anyOf(["'a'"])).toBe("'a'");
    expect(anyOf(["'a'", "'b'"])).toBe("('a' | 'b')");
    expect(allOf(["'a'", "('b' | 'c')"])).toBe("('a' & ('b' | 'c'))");
  });
});
