import {
  domainsForApi,
  fieldValuesCreate,
  fieldValuesPatch,
  normalizeDomain,
} from './company-form';

describe('company form', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['https://www.example.com/about?x=1', 'example.com'],
    ['http://shop.example.sa:8080/', 'shop.example.sa'],
    ['@example.com', 'example.com'],
    ['sales@example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['', ''],
  ])('reads the domain %j as %j', (typed, domain) => {
    expect(normalizeDomain(typed)).toBe(domain);
  });

  it('sends each domain once, blanks dropped, in the order typed', () => {
    expect(domainsForApi(['b.com', '', 'www.B.com', 'a.com', '  '])).toEqual(['b.com', 'a.com']);
  });

  it('patches every defined field, cleared ones as null, and leaves kept-aside keys alone', () => {
    const fields = [{ key: 'plan' }, { key: 'size' }, { key: 'tags' }];
    expect(
      fieldValuesPatch(fields, { plan: 'gold', size: '', tags: [], plan__previous: 'x' }),
    ).toEqual({ plan: 'gold', size: null, tags: null });
  });

  it('creates with the filled values only', () => {
    expect(fieldValuesCreate({ a: 1, b: null, c: '', d: [], e: false, f: ['x'] })).toEqual({
      a: 1,
      e: false,
      f: ['x'],
    });
  });
});
