export const IDEMPOTENT = 'sanad:idempotent';

export interface IdempotentOptions {
  /** The answer carries a secret (a new token, an invite link): it is kept sealed. */
  secret?: boolean;
  /**
   * Who takes the key when not the interceptor: `service` — the route's service keeps its own
   * key table in its transaction; `handler` — the handler calls IdempotentRequests itself, once
   * it has read a body the interceptor cannot see (a file upload).
   */
  by?: 'service' | 'handler';
}
