import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

/** A person's ratings: what merging, exporting and erasing a person needs of them. */
@Injectable()
export class RatingsOfPersonRepository {
  constructor(private readonly db: Db) {}

  async count(workspaceId: string, contactId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ratings WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, contactId],
    );
    return row.n;
  }

  async move(workspaceId: string, fromId: string, toId: string): Promise<void> {
    await this.db.query(
      `UPDATE ratings SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, fromId, toId],
    );
  }

  list(workspaceId: string, contactId: string): Promise<Array<Record<string, unknown>>> {
    return this.db.query(
      `SELECT conversation_number AS "conversationNumber", score, manner, speed, clarity,
              happiness, comment, first_rated_at AS "firstRatedAt", updated_at AS "updatedAt"
         FROM ratings WHERE workspace_id = $1 AND contact_id = $2 ORDER BY first_rated_at`,
      [workspaceId, contactId],
    );
  }

  /** The scores stay (they are the team's numbers); the person's own words go. */
  async eraseComments(workspaceId: string, contactId: string): Promise<void> {
    await this.db.query(
      `UPDATE ratings SET comment = NULL, contact_id = NULL
        WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, contactId],
    );
  }
}
