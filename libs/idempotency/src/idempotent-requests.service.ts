import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { DomainError, openSecret, sealSecret } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { IdempotencyRepository, type IdempotencyScope } from './idempotency.repository';
import { callerOf, idempotencyKey, requestFingerprint } from './request-fingerprint.util';

/** Keys are kept at least this long (the worker prunes older ones). */
export const IDEMPOTENCY_KEY_HOURS = 24;
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer replayed from a key's first request. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** A request that carried an Idempotency-Key: whose key, what request, what its answer is. */
export interface IdempotentCall extends IdempotencyScope {
  requestHash: string;
  status: number;
  /** The answer carries a secret (a token, an invite link): it is kept sealed. */
  secret: boolean;
}

export interface IdempotentOutcome<T> {
  body: T;
  replayed: boolean;
}

/** Who is calling, as far as keys go (the Principal's fields this needs). */
export interface KeyOwner {
  workspaceId: string;
  userId: string;
  via: 'session' | 'token';
  tokenId?: string | null;
}

/**
 * Idempotency-Key for any creating request: the key is taken in the request's transaction
 * before its work, and the answer is stored in it before commit. A repeat with the same body
 * gets the stored answer; with another body 409; a concurrent repeat waits on the key and then
 * gets the answer (or, when the first failed and rolled back, does the work itself).
 */
@Injectable()
export class IdempotentRequests {
  private readonly appSecret: string;

  constructor(
    private readonly repo: IdempotencyRepository,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.appSecret = config.appSecret;
  }

  /**
   * The call of a request, or null when it sent no key (or nobody is logged in). `body` is what
   * identifies the request besides its method and URL: the JSON body, or a file's digest.
   */
  callFor(
    request: {
      method: string;
      originalUrl: string;
      headers: Record<string, string | string[] | undefined>;
    },
    owner: KeyOwner | undefined,
    status: number,
    body: unknown,
    secret = false,
  ): IdempotentCall | null {
    const key = idempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER]);
    if (!key || !owner) return null;
    return {
      workspaceId: owner.workspaceId,
      caller: callerOf(owner),
      key,
      requestHash: requestFingerprint(request.method, request.originalUrl, body),
      status,
      secret,
    };
  }

  /** Runs `work` once per key: in one transaction with the key, or replays what it answered. */
  run<T>(call: IdempotentCall, work: () => Promise<T>): Promise<IdempotentOutcome<T>> {
    return this.tx.run(async () => {
      const stored = await this.repo.claim(call, call.requestHash);
      if (stored) {
        if (stored.requestHash !== call.requestHash)
          throw new DomainError('request/idempotency_conflict');
        const text = stored.sealed ? openSecret(this.appSecret, stored.response) : stored.response;
        // Sealed under an APP_SECRET this server no longer has: the answer cannot be given again.
        if (text === null) throw new DomainError('request/idempotency_conflict');
        return { body: JSON.parse(text) as T, replayed: true };
      }
      const body = await work();
      const text = JSON.stringify(body ?? null);
      await this.repo.store(call, {
        status: call.status,
        response: call.secret ? sealSecret(this.appSecret, text) : text,
        sealed: call.secret,
      });
      return { body, replayed: false };
    });
  }

  /** Removes keys past their retention, in batches; returns how many went. */
  async prune(batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const removed = await this.repo.prune(IDEMPOTENCY_KEY_HOURS, batch);
      total += removed;
      if (removed < batch) return total;
    }
  }
}
