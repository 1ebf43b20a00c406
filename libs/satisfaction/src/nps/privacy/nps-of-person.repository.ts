import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

/** A person's NPS emails and answers: what merging, exporting and erasing a person needs. */
@Injectable()
export class NpsOfPersonRepository {
  constructor(private readonly db: Db) {}

  async count(workspaceId: string, contactId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM nps_responses WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, contactId],
    );
    return row.n;
  }

  /** Both tables follow the survivor (its period rule counts the merged person's emails too). */
  async move(workspaceId: string, fromId: string, toId: string): Promise<void> {
    await this.db.query(
      `UPDATE nps_recipients SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, fromId, toId],
    );
    await this.db.query(
      `UPDATE nps_responses SET contact_id = $3 WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, fromId, toId],
    );
  }

  list(workspaceId: string, contactId: string): Promise<Array<Record<string, unknown>>> {
    return this.db.query(
      `SELECT s.name AS survey, p.score, p.comment, p.responded_at AS "respondedAt",
              p.updated_at AS "updatedAt"
         FROM nps_responses p JOIN nps_surveys s ON s.id = p.survey_id
        WHERE p.workspace_id = $1 AND p.contact_id = $2 ORDER BY p.responded_at`,
      [workspaceId, contactId],
    );
  }

  /**
   * The scores stay (they are the team's numbers); the person's words, address and the link to
   * them go, and whatever was still waiting to be sent to them is skipped.
   */
  async erase(workspaceId: string, contactId: string): Promise<void> {
    await this.db.query(
      `UPDATE nps_responses SET comment = NULL, contact_id = NULL
        WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, contactId],
    );
    await this.db.query(
      `UPDATE nps_recipients SET email = NULL, contact_id = NULL,
         status = CASE WHEN status = 'pending' THEN 'skipped' ELSE status END,
         reason = CASE WHEN status = 'pending' THEN 'erased' ELSE reason END
        WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, contactId],
    );
  }
}
