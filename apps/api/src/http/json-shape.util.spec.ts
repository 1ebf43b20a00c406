import { checkJsonShape } from './json-shape.util';

const limits = { maxDepth: 8, maxKeys: 5 };

describe('checkJsonShape', () => {
  it.each([
    ['a flat object', '{"a":1,"b":"x"}'],
    ['nested within the limit', '{"a":{"b":{"c":[1,[2,[3]]]}}}'],
    ['braces and quotes inside strings', '{"a":"{{{[[[\\"}}}","b":"\\\\"}'],
    ['the same key in two objects', '[{"a":1},{"a":2}]'],
    ['arrays of values are not keys', '[1,2,3,4,5,6,7,8,9,10]'],
    ['malformed JSON (left to the parser)', '{"a":'],
  ])('accepts %s', (_name, text) => {
    expect(checkJsonShape(text, limits)).toBeNull();
  });

  it.each([
    ['too deep', '['.repeat(9) + ']'.repeat(9), { kind: 'depth', limit: 8 }],
    ['very deep (no recursion)', '['.repeat(100_000), { kind: 'depth', limit: 8 }],
    ['too many keys', '{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}', { kind: 'keys', limit: 5 }],
    ['a duplicate key', '{"role":"agent","role":"owner"}', { kind: 'duplicate_key', key: 'role' }],
    ['a nested duplicate', '{"a":{"x":1,"y":{},"x":2}}', { kind: 'duplicate_key', key: 'x' }],
  ])('refuses %s', (_name, text, problem) => {
    expect(checkJsonShape(text, limits)).toEqual(problem);
  });

  it('checks a hostile megabyte in milliseconds', () => {
    const body = `{${Array.from({ length: 90_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    const started = performance.now();
    expect(checkJsonShape(body, { maxDepth: 32, maxKeys: 2000 })).toEqual({
      kind: 'keys',
      limit: 2000,
    });
    const deep = '['.repeat(1_000_000);
    expect(checkJsonShape(deep, { maxDepth: 32, maxKeys: 2000 })?.kind).toBe('depth');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
