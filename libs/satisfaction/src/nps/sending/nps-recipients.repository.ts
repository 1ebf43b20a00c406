import { Injectable } from '@nestjs/common';
import type { Language, NpsRecipientStatus, NpsSurveyStatus } from '@sanad/contracts';
import { Db } from '@sanad/database';

export interface NpsRecipientRow {
  id: string;
  workspaceId: string;
  surveyId: string;
  surveyStatus: NpsSurveyStatus;
  surveyName: string;
  questionAr: string;
  questionEn: string;
  contactId: string | null;
  email: string | null;
  language: Language;
  status: NpsRecipientStatus;
  attempts: number;
  sentAt: Date | null;
}

const COLUMNS = `r.id, r.workspace_id AS "workspaceId", r.survey_id AS "surveyId",
  s.status AS "surveyStatus", s.name AS "surveyName", s.question_ar AS "questionAr",
  s.question_en AS "questionEn", r.contact_id AS "contactId", r.email, r.language, r.status,
  r.attempts, r.sent_at AS "sentAt"`;

/**
 * Recipients as the sender and the public page see them: pending until sent (at the workspace's
 * pace), then sent, skipped or failed with the reason. A row lock around each send means two
 * runs never send to one recipient, and a sent one is never sent again.
 */
@Injectable()
export class NpsRecipientsRepository {
  constructor(private readonly db: Db) {}

  /** Workspaces with recipients due by `now`. */
  async workspacesDue(now: Date): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT DISTINCT workspace_id AS id FROM nps_recipients
       WHERE status = 'pending' AND next_attempt_at <= $1`,
      [now],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Takes up to the workspace's allowance of due recipients for one run: under the workspace's
   * lock, what was sent in the last minute and what another run claimed and is still sending
   * count against `perMinute`. Call it in a transaction (the lock ends with it).
   */
  async claimDue(workspaceId: string, now: Date, perMinute: number): Promise<string[]> {
    await this.db.query("SELECT pg_advisory_xact_lock(hashtextextended('nps-send:' || $1, 0))", [
      workspaceId,
    ]);
    const minuteAgo = new Date(now.getTime() - 60_000);
    const rows = await this.db.returning<{ id: string }>(
      `WITH used AS (
         SELECT count(*)::int AS n FROM nps_recipients
          WHERE workspace_id = $1 AND ((status = 'sent' AND sent_at > $3)
             OR (status = 'pending' AND claimed_at > $3)))
       UPDATE nps_recipients SET claimed_at = $2
        WHERE id IN (
          SELECT id FROM nps_recipients
           WHERE workspace_id = $1 AND status = 'pending' AND next_attempt_at <= $2
             AND (claimed_at IS NULL OR claimed_at <= $3)
           ORDER BY next_attempt_at, created_at, id
           LIMIT GREATEST(0, $4::int - (SELECT n FROM used)))
       RETURNING id`,
      [workspaceId, now, minuteAgo, perMinute],
    );
    return rows.map((r) => r.id);
  }

  /** The recipient, locked until commit; one another process holds is skipped (null). */
  async lockPending(workspaceId: string, id: string): Promise<NpsRecipientRow | null> {
    const rows = await this.db.query<NpsRecipientRow[]>(
      `SELECT ${COLUMNS} FROM nps_recipients r JOIN nps_surveys s ON s.id = r.survey_id
       WHERE r.workspace_id = $1 AND r.id = $2 AND r.status = 'pending'
       FOR UPDATE OF r SKIP LOCKED`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** By id alone: a signed link names it (the workspace comes from the row). */
  async find(id: string): Promise<NpsRecipientRow | null> {
    const rows = await this.db.query<NpsRecipientRow[]>(
      `SELECT ${COLUMNS} FROM nps_recipients r JOIN nps_surveys s ON s.id = r.survey_id
       WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Whether the person had an NPS email from another survey since `since` (the period rule). */
  async otherSentSince(
    workspaceId: string,
    contactId: string,
    recipientId: string,
    since: Date,
  ): Promise<boolean> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM nps_recipients
       WHERE workspace_id = $1 AND contact_id = $2 AND id <> $3 AND sent_at >= $4 LIMIT 1`,
      [workspaceId, contactId, recipientId, since],
    );
    return rows.length > 0;
  }

  async markSent(workspaceId: string, id: string, at: Date, response: string): Promise<void> {
    await this.db.query(
      `UPDATE nps_recipients SET status = 'sent', sent_at = $3, smtp_response = $4,
         attempts = attempts + 1, reason = NULL
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, at, response],
    );
  }

  async markSkipped(workspaceId: string, id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE nps_recipients SET status = 'skipped', reason = $3 WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, reason],
    );
  }

  async markFailed(workspaceId: string, id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE nps_recipients SET status = 'failed', reason = $3, attempts = attempts + 1
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, reason],
    );
  }

  /** A failure worth retrying: the reason kept, the next attempt later. */
  async retryLater(workspaceId: string, id: string, reason: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE nps_recipients SET attempts = attempts + 1, reason = $3, next_attempt_at = $4,
         claimed_at = NULL
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, reason, at],
    );
  }
}
