import type { ApiTokenScope } from '@sanad/contracts';

/** Methods that only read: all a read-only token may send. */
const READ_METHODS = new Set(['GET', 'HEAD']);

/** Whether a token with this scope may send a request with this method. */
export function scopeAllows(scope: ApiTokenScope, method: string): boolean {
  return scope === 'write' || READ_METHODS.has(method.toUpperCase());
}

/** What a request spends from its token's per-minute budget: writes cost more, as they do to us. */
export function requestCost(method: string): number {
  return READ_METHODS.has(method.toUpperCase()) ? 1 : 2;
}

export interface TokenBudget {
  allowed: boolean;
  limit: number;
  /** Points left in this window (0 when refused). */
  remaining: number;
  /** Milliseconds until the window starts again. */
  msBeforeReset: number;
}

/**
 * The rate-limit headers every API-token answer carries (draft-ietf-httpapi-ratelimit-headers:
 * limit, remaining and seconds to the reset), and Retry-After when the request was refused.
 */
export function rateLimitHeaders(budget: TokenBudget): Record<string, string> {
  const reset = Math.max(1, Math.ceil(budget.msBeforeReset / 1000));
  return {
    'RateLimit-Limit': String(budget.limit),
    'RateLimit-Remaining': String(Math.max(0, budget.remaining)),
    'RateLimit-Reset': String(reset),
    'RateLimit-Policy': `${budget.limit};w=60`,
    ...(budget.allowed ? {} : { 'Retry-After': String(reset) }),
  };
}
