import { randomSecret, safeEqual, sha256Hex } from './secret.util';
import { cleanText, normaliseEmail, slugify } from './text.util';

describe('secrets', () => {
  it('makes distinct url-safe secrets', () => {
    const a = randomSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomSecret()).not.toBe(a);
  });

  it('compares in constant time, including different lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(sha256Hex('x')).toHaveLength(64);
  });
});

describe('text', () => {
  it.each([
    ['  أحمد\u0000 ', 'أحمد'],
    ['e\u0301', '\u00e9'],
  ])('cleans %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('normalises emails and slugs', () => {
    expect(normaliseEmail(' Sara@Example.COM ')).toBe('sara@example.com');
    expect(slugify('Acme Support — KSA')).toBe('acme-support-ksa');
    expect(slugify('شركة سند')).toBe('');
  });
});
