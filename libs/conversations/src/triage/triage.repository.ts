import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

/** Reads and moves that triage needs beyond one conversation row: spam origin, snoozes, merges. */
@Injectable()
export class TriageRepository {
  constructor(private readonly db: Db) {}

  /** The mailbox a conversation was in before it was last marked as spam. */
  async spamOrigin(conversationId: string): Promise<string | null> {
    const rows = await this.db.query<Array<{ origin: string }>>(
      `SELECT data->>'from' AS origin FROM messages
       WHERE conversation_id = $1 AND kind = 'activity' AND data->>'action' = 'spam'
       ORDER BY created_at DESC LIMIT 1`,
      [conversationId],
    );
    return rows[0]?.origin ?? null;
  }

  dueSnoozed(now: Date, limit: number): Promise<Array<{ workspaceId: string; id: string }>> {
    return this.db.query(
      `SELECT workspace_id AS "workspaceId", id FROM conversations
       WHERE snoozed_until IS NOT NULL AND snoozed_until <= $1 ORDER BY snoozed_until LIMIT $2`,
      [now, limit],
    );
  }

  /** Messages, tags, followers and search terms of `sourceId` go to `targetId`. */
  async moveContents(workspaceId: string, sourceId: string, targetId: string): Promise<void> {
    const params = [workspaceId, sourceId, targetId];
    await this.db.query(
      'UPDATE messages SET conversation_id = $3 WHERE workspace_id = $1 AND conversation_id = $2',
      params,
    );
    await this.db.query(
      `INSERT INTO conversation_tags (conversation_id, tag_id, workspace_id)
       SELECT $3, tag_id, workspace_id FROM conversation_tags WHERE workspace_id = $1 AND conversation_id = $2 ON CONFLICT DO NOTHING`,
      params,
    );
    await this.db.query(
      `INSERT INTO conversation_followers (conversation_id, user_id, workspace_id)
       SELECT $3, user_id, workspace_id FROM conversation_followers WHERE workspace_id = $1 AND conversation_id = $2 ON CONFLICT DO NOTHING`,
      params,
    );
    await this.db.query(
      `UPDATE conversations t SET search_vector = t.search_vector || s.search_vector FROM conversations s WHERE t.id = $3 AND s.id = $2 AND s.workspace_id = $1`,
      params,
    );
  }

  /** Followers first, so the view counters see them leave while the conversation still exists. */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.query(
      'DELETE FROM conversation_followers WHERE workspace_id = $1 AND conversation_id = $2',
      [workspaceId, id],
    );
    await this.db.query('DELETE FROM conversations WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
    ]);
  }
}
