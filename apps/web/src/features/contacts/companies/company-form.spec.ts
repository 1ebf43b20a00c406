import { domainsForApi, normalizeDomain } from './company-form';

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
});
