import { Injectable } from '@nestjs/common';
import type { Language } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';

export interface RatingRequestRow {
  id: string;
  workspaceId: string;
  conversationId: string;
  closeEntryId: string;
  language: Language;
  status: 'pending' | 'sent' | 'skipped';
  dueAt: Date;
  sentAt: Date | null;
}

const COLUMNS = `id, workspace_id AS "workspaceId", conversation_id AS "conversationId",
  close_entry_id AS "closeEntryId", language, status, due_at AS "dueAt", sent_at AS "sentAt"`;

/** Rating requests: one per conversation close, pending until due, then sent or skipped. */
@Injectable()
export class RatingRequestsRepository {
  constructor(private readonly db: Db) {}

  /** Null when this close has its request already (an event delivered twice). */
  async insert(input: {
    workspaceId: string;
    conversationId: string;
    closeEntryId: string;
    language: Language;
    dueAt: Date;
  }): Promise<string | null> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO rating_requests (id, workspace_id, conversation_id, close_entry_id, language, due_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (workspace_id, close_entry_id) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        input.workspaceId,
        input.conversationId,
        input.closeEntryId,
        input.language,
        input.dueAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Pending requests due by `now`, oldest first. */
  async due(now: Date, limit: number): Promise<Array<{ id: string; workspaceId: string }>> {
    return this.db.query(
      `SELECT id, workspace_id AS "workspaceId" FROM rating_requests
       WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
  }

  /** The request, locked until commit; a request another process holds is skipped (null). */
  async lockPending(workspaceId: string, id: string): Promise<RatingRequestRow | null> {
    const rows = await this.db.query<RatingRequestRow[]>(
      `SELECT ${COLUMNS} FROM rating_requests
       WHERE workspace_id = $1 AND id = $2 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** By id alone: a signed link names it (the workspace comes from the row). */
  async find(id: string): Promise<RatingRequestRow | null> {
    const rows = await this.db.query<RatingRequestRow[]>(
      `SELECT ${COLUMNS} FROM rating_requests WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markSent(workspaceId: string, id: string, messageId: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE rating_requests SET status = 'sent', sent_at = $3, message_id = $4
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, at, messageId],
    );
  }

  async markSkipped(workspaceId: string, id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE rating_requests SET status = 'skipped', skip_reason = $3
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, reason],
    );
  }

  /** For tests and the admin's view: a conversation's requests, oldest first. */
  async forConversation(
    workspaceId: string,
    conversationId: string,
  ): Promise<Array<RatingRequestRow & { skipReason: string | null }>> {
    return this.db.query(
      `SELECT ${COLUMNS}, skip_reason AS "skipReason" FROM rating_requests
       WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY created_at, id`,
      [workspaceId, conversationId],
    );
  }
}
