import { DomainError } from '@sanad/core';
import {
  callerOf,
  canonicalJson,
  idempotencyKey,
  requestFingerprint,
} from './request-fingerprint.util';

describe('request fingerprints', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is the same for the same request whatever the field order', () => {
    const url = '/api/v1/teams';
    expect(requestFingerprint('post', url, { name: 'A', memberIds: [] })).toBe(
      requestFingerprint('POST', url, { memberIds: [], name: 'A' }),
    );
  });

  it('differs for another body, route or method', () => {
    const base = requestFingerprint('POST', '/api/v1/teams', { name: 'A' });
    expect(requestFingerprint('POST', '/api/v1/teams', { name: 'B' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/tags', { name: 'A' })).not.toBe(base);
    expect(requestFingerprint('PUT', '/api/v1/teams', { name: 'A' })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/teams', ['name', 'A'])).not.toBe(base);
  });

  it('reads the key header: absent or empty is no key, over 200 characters a 400', () => {
    expect(idempotencyKey(undefined)).toBeUndefined();
    expect(idempotencyKey('')).toBeUndefined();
    expect(idempotencyKey(['k1', 'k2'])).toBe('k1');
    expect(idempotencyKey('x'.repeat(200))).toHaveLength(200);
    expect(() => idempotencyKey('x'.repeat(201))).toThrow(DomainError);
  });

  it('scopes keys to the token, or to the member behind a session', () => {
    expect(callerOf({ via: 'token', userId: 'u', tokenId: 't' })).toBe('token:t');
    expect(callerOf({ via: 'session', userId: 'u', tokenId: null })).toBe('user:u');
  });
});
