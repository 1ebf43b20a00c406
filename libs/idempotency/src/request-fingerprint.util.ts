import { DomainError, sha256Hex } from '@sanad/core';

/** Idempotency keys are opaque strings up to 200 characters (an empty header is no key). */
export function idempotencyKey(value: string | string[] | undefined): string | undefined {
  const key = Array.isArray(value) ? value[0] : value;
  if (key === undefined || key === '') return undefined;
  if (key.length > 200)
    throw new DomainError('request/validation', {}, [
      { field: 'Idempotency-Key', code: 'maxLength', params: { max: 200 } },
    ]);
  return key;
}

/**
 * JSON with every object's keys sorted, so the same body sent with its fields in another order
 * is the same request.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What makes two requests "the same" for one key: the method, the path (with its ids and query)
 * and the body. The same key on another route is another request, like another body.
 */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return sha256Hex(canonicalJson({ method: method.toUpperCase(), url, body: body ?? null }));
}

/** Who a key belongs to: the API token, or the member behind a session (across their logins). */
export function callerOf(principal: {
  via: 'session' | 'token';
  userId: string;
  tokenId?: string | null;
}): string {
  return principal.via === 'token' && principal.tokenId
    ? `token:${principal.tokenId}`
    : `user:${principal.userId}`;
}
