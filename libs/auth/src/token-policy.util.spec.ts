import { rateLimitHeaders, requestCost, scopeAllows } from './token-policy.util';

describe('API token policy', () => {
  it.each([
    ['read', 'GET', true],
    ['read', 'HEAD', true],
    ['read', 'get', true],
    ['read', 'POST', false],
    ['read', 'PATCH', false],
    ['read', 'PUT', false],
    ['read', 'DELETE', false],
    ['read', 'OPTIONS', false],
    ['write', 'POST', true],
    ['write', 'DELETE', true],
    ['write', 'GET', true],
  ] as const)('a %s token may send %s: %s', (scope, method, allowed) => {
    expect(scopeAllows(scope, method)).toBe(allowed);
  });

  it('charges writes twice what reads cost', () => {
    expect(requestCost('GET')).toBe(1);
    expect(requestCost('HEAD')).toBe(1);
    expect(requestCost('POST')).toBe(2);
    expect(requestCost('DELETE')).toBe(2);
  });

  it('gives limit, remaining and whole seconds to the reset', () => {
    expect(
      rateLimitHeaders({ allowed: true, limit: 600, remaining: 597, msBeforeReset: 41_200 }),
    ).toEqual({
      'RateLimit-Limit': '600',
      'RateLimit-Remaining': '597',
      'RateLimit-Reset': '42',
      'RateLimit-Policy': '600;w=60',
    });
  });

  it('adds Retry-After when refused, never a negative or zero wait', () => {
    expect(
      rateLimitHeaders({ allowed: false, limit: 10, remaining: -1, msBeforeReset: 0 }),
    ).toMatchObject({ 'RateLimit-Remaining': '0', 'RateLimit-Reset': '1', 'Retry-After': '1' });
  });
});
