import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { Message } from '../entities/message.entity';

/** The reply guard's read and the API's idempotency keys. */
@Injectable()
export class ThreadRepository {
  constructor(private readonly db: Db) {}

  /** Public replies in the conversation newer than message `seenId`, by anyone but `exceptUserId`. */
  newerPublicMessages(
    conversationId: string,
    seenId: string,
    exceptUserId: string,
  ): Promise<Message[]> {
    return this.db.manager
      .createQueryBuilder(Message, 'm')
      .where(`m.conversation_id = :conversationId AND m.kind = 'reply' AND m.id <> :seenId`, {
        conversationId,
        seenId,
      })
      .andWhere('m.created_at >= (SELECT s.created_at FROM messages s WHERE s.id = :seenId)', {
        seenId,
      })
      .andWhere('(m.author_user_id IS NULL OR m.author_user_id <> :exceptUserId)', { exceptUserId })
      .orderBy('m.created_at', 'ASC')
      .getMany();
  }

  /** Idempotency-Key: claims the key (waiting for a concurrent holder) or returns what it answered. */
  async claimIdempotencyKey(
    workspaceId: string,
    key: string,
    requestHash: string,
  ): Promise<{ claimed: true } | { claimed: false; requestHash: string; response: unknown }> {
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO idempotency_keys (workspace_id, key, request_hash, response) VALUES ($1, $2, $3, 'null'::jsonb) ON CONFLICT DO NOTHING RETURNING key`,
      [workspaceId, key, requestHash],
    );
    if (inserted.length > 0) return { claimed: true };
    const rows = await this.db.query<Array<{ request_hash: string; response: unknown }>>(
      'SELECT request_hash, response FROM idempotency_keys WHERE workspace_id = $1 AND key = $2',
      [workspaceId, key],
    );
    return { claimed: false, requestHash: rows[0].request_hash, response: rows[0].response };
  }

  /** Deletes up to `batch` keys older than `hours`; returns how many went. */
  async pruneIdempotencyKeys(hours: number, batch: number): Promise<number> {
    const rows = await this.db.returning<unknown>(
      `DELETE FROM idempotency_keys WHERE ctid IN (
         SELECT ctid FROM idempotency_keys
         WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)
       RETURNING 1`,
      [hours, batch],
    );
    return rows.length;
  }

  async storeIdempotentResponse(
    workspaceId: string,
    key: string,
    response: unknown,
  ): Promise<void> {
    await this.db.query(
      'UPDATE idempotency_keys SET response = $3 WHERE workspace_id = $1 AND key = $2',
      [workspaceId, key, JSON.stringify(response)],
    );
  }
}
