import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

/** Tags and which conversations carry them. */
@Injectable()
export class TagsRepository {
  constructor(private readonly db: Db) {}

  async list(workspaceId: string): Promise<Array<{ id: string; name: string; count: number }>> {
    const rows = await this.db.query<Array<{ id: string; name: string; count: string }>>(
      `SELECT t.id, t.name, count(ct.conversation_id) AS count
       FROM tags t LEFT JOIN conversation_tags ct ON ct.tag_id = t.id
       WHERE t.workspace_id = $1 GROUP BY t.id ORDER BY lower(t.name)`,
      [workspaceId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.count) }));
  }

  /** Locks the tag for a change; false when it is not in the workspace. */
  async lock(workspaceId: string, id: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      'SELECT 1 FROM tags WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
      [workspaceId, id],
    );
    return rows.length > 0;
  }

  async nameTaken(workspaceId: string, name: string, exceptId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      'SELECT 1 FROM tags WHERE workspace_id = $1 AND lower(name) = lower($2) AND id <> $3',
      [workspaceId, name, exceptId],
    );
    return rows.length > 0;
  }

  async rename(workspaceId: string, id: string, name: string): Promise<void> {
    await this.db.query('UPDATE tags SET name = $3 WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
      name,
    ]);
  }

  /** Every conversation tagged `id` gets `intoId` too. */
  async retag(workspaceId: string, id: string, intoId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO conversation_tags (conversation_id, tag_id, workspace_id)
       SELECT conversation_id, $3, workspace_id FROM conversation_tags WHERE tag_id = $2 AND workspace_id = $1
       ON CONFLICT DO NOTHING`,
      [workspaceId, id, intoId],
    );
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.query('DELETE FROM tags WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  }

  /** The tags of these names (created when new; an existing spelling stays), by id. */
  async upsert(workspaceId: string, names: string[]): Promise<string[]> {
    if (names.length === 0) return [];
    await this.db.query(
      `INSERT INTO tags (id, workspace_id, name) SELECT gen_random_uuid(), $1, n FROM unnest($2::text[]) AS n ON CONFLICT DO NOTHING`,
      [workspaceId, names],
    );
    const rows = await this.db.query<Array<{ id: string }>>(
      'SELECT id FROM tags WHERE workspace_id = $1 AND lower(name) = ANY($2)',
      [workspaceId, names.map((n) => n.toLowerCase())],
    );
    return rows.map((r) => r.id);
  }

  async setForConversation(
    workspaceId: string,
    conversationId: string,
    tagIds: string[],
  ): Promise<void> {
    await this.db.query(
      'DELETE FROM conversation_tags WHERE conversation_id = $1 AND workspace_id = $2',
      [conversationId, workspaceId],
    );
    if (tagIds.length > 0)
      await this.db.query(
        'INSERT INTO conversation_tags (conversation_id, tag_id, workspace_id) SELECT $1, t, $2 FROM unnest($3::uuid[]) AS t',
        [conversationId, workspaceId, tagIds],
      );
  }

  /** Adds the tags of these ids that still exist in the workspace. */
  async addExisting(workspaceId: string, conversationId: string, tagIds: string[]): Promise<void> {
    await this.db.query(
      `INSERT INTO conversation_tags (conversation_id, tag_id, workspace_id)
       SELECT $1, t.id, $2 FROM tags t WHERE t.workspace_id = $2 AND t.id = ANY($3::uuid[])
       ON CONFLICT DO NOTHING`,
      [conversationId, workspaceId, tagIds],
    );
  }

  async namesOf(workspaceId: string, conversationId: string): Promise<string[]> {
    const rows = await this.db.query<Array<{ name: string }>>(
      'SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.conversation_id = $1 AND ct.workspace_id = $2 ORDER BY t.name',
      [conversationId, workspaceId],
    );
    return rows.map((r) => r.name);
  }
}
