import { withoutNul } from './nul-free.client';

describe('withoutNul', () => {
  it.each([
    ['plain text', 'a\u0000b', 'ab'],
    ['untouched text', 'مرحبا', 'مرحبا'],
    ['a JSON escape', JSON.stringify({ subject: 'a\u0000b' }), '{"subject":"ab"}'],
    [
      'an escaped backslash before u0000 stays',
      JSON.stringify({ code: '\\u0000' }),
      '{"code":"\\\\u0000"}',
    ],
    ['text that only mentions the escape', 'see \\u0000 in C', 'see \\u0000 in C'],
    ['repeated escapes', '["\\u0000\\u0000x"]', '["x"]'],
  ])('%s', (_name, input, output) => {
    expect(withoutNul(input)).toBe(output);
  });

  it('cleans arrays (text[] and jsonb[] parameters) and leaves other values', () => {
    const buffer = Buffer.from([0, 1, 2]);
    expect(withoutNul(['a\u0000', 'b'])).toEqual(['a', 'b']);
    expect(withoutNul(buffer)).toBe(buffer);
    expect(withoutNul(42)).toBe(42);
    expect(withoutNul(null)).toBeNull();
  });
});
