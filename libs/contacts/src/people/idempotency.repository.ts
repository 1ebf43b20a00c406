import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

/** Idempotency-Key rows of contact creates: claimed first in the creating transaction. */
@Injectable()
export class ContactIdempotencyRepository {
  constructor(private readonly db: Db) {}

  /** Claimed, or what the first request with this key stored (a duplicate waits for it). */
  async claim(
    workspaceId: string,
    key: string,
    requestHash: string,
  ): Promise<{ claimed: true } | { claimed: false; requestHash: string; response: unknown }> {
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO contact_idempotency_keys (workspace_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [workspaceId, key, requestHash],
    );
    if (inserted.length > 0) return { claimed: true };
    const rows = await this.db.query<Array<{ request_hash: string; response: unknown }>>(
      'SELECT request_hash, response FROM contact_idempotency_keys WHERE workspace_id = $1 AND key = $2',
      [workspaceId, key],
    );
    return { claimed: false, requestHash: rows[0].request_hash, response: rows[0].response };
  }

  /** Deletes up to `batch` keys older than `hours`; returns how many went. */
  async prune(hours: number, batch: number): Promise<number> {
    const rows = await this.db.returning<unknown>(
      `DELETE FROM contact_idempotency_keys WHERE ctid IN (
         SELECT ctid FROM contact_idempotency_keys
         WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)
       RETURNING 1`,
      [hours, batch],
    );
    return rows.length;
  }

  async store(workspaceId: string, key: string, response: unknown): Promise<void> {
    await this.db.query(
      'UPDATE contact_idempotency_keys SET response = $3 WHERE workspace_id = $1 AND key = $2',
      [workspaceId, key, JSON.stringify(response)],
    );
  }
}
