import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

/** One key of one caller in one workspace. */
export interface IdempotencyScope {
  workspaceId: string;
  caller: string;
  key: string;
}

/** The answer kept for a key: the JSON text sent, sealed when it carries a secret. */
export interface StoredAnswer {
  requestHash: string;
  status: number;
  response: string;
  sealed: boolean;
}

/** Idempotency-Key rows of the routes without a key table of their own (http_idempotency_keys). */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: Db) {}

  /**
   * Takes the key in the open transaction, or returns the answer stored for it. A concurrent
   * request holding the key makes this wait until it commits (then its answer is returned) or
   * rolls back (then the key is taken here).
   */
  async claim(scope: IdempotencyScope, requestHash: string): Promise<StoredAnswer | null> {
    const taken = await this.db.query<unknown[]>(
      `INSERT INTO http_idempotency_keys (workspace_id, caller, key, request_hash, status, response)
       VALUES ($1, $2, $3, $4, 0, '') ON CONFLICT DO NOTHING RETURNING key`,
      [scope.workspaceId, scope.caller, scope.key, requestHash],
    );
    if (taken.length > 0) return null;
    const rows = await this.db.query<
      Array<{ request_hash: string; status: number; response: string; sealed: boolean }>
    >(
      `SELECT request_hash, status, response, sealed FROM http_idempotency_keys
       WHERE workspace_id = $1 AND caller = $2 AND key = $3`,
      [scope.workspaceId, scope.caller, scope.key],
    );
    const row = rows[0];
    return {
      requestHash: row.request_hash,
      status: row.status,
      response: row.response,
      sealed: row.sealed,
    };
  }

  /** The answer of the key taken in this transaction, committed with the request's work. */
  async store(
    scope: IdempotencyScope,
    answer: { status: number; response: string; sealed: boolean },
  ): Promise<void> {
    await this.db.query(
      `UPDATE http_idempotency_keys SET status = $4, response = $5, sealed = $6
       WHERE workspace_id = $1 AND caller = $2 AND key = $3`,
      [scope.workspaceId, scope.caller, scope.key, answer.status, answer.response, answer.sealed],
    );
  }

  /** Deletes up to `batch` keys older than `hours`; returns how many went. */
  async prune(hours: number, batch: number): Promise<number> {
    const rows = await this.db.returning<unknown>(
      `DELETE FROM http_idempotency_keys WHERE ctid IN (
         SELECT ctid FROM http_idempotency_keys
         WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)
       RETURNING 1`,
      [hours, batch],
    );
    return rows.length;
  }
}
