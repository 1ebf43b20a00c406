import { Injectable } from '@nestjs/common';
import type { Language, NpsSegment, NpsSurveyStatus } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';

/** A survey row with what its view counts: recipients by status and responses by group. */
export interface NpsSurveyRow {
  id: string;
  workspaceId: string;
  name: string;
  status: NpsSurveyStatus;
  segment: NpsSegment;
  questionAr: string;
  questionEn: string;
  createdBy: string | null;
  createdAt: Date;
  recipients: number;
  sent: number;
  skipped: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NewRecipient {
  contactId: string;
  email: string;
  language: Language;
}

const SURVEY = `s.id, s.workspace_id AS "workspaceId", s.name, s.status, s.segment,
  s.question_ar AS "questionAr", s.question_en AS "questionEn", s.created_by AS "createdBy",
  s.created_at AS "createdAt",
  (SELECT count(*)::int FROM nps_recipients r WHERE r.survey_id = s.id) AS recipients,
  (SELECT count(*)::int FROM nps_recipients r WHERE r.survey_id = s.id AND r.status = 'sent') AS sent,
  (SELECT count(*)::int FROM nps_recipients r
    WHERE r.survey_id = s.id AND r.status IN ('skipped', 'failed')) AS skipped,
  (SELECT count(*)::int FROM nps_responses p WHERE p.survey_id = s.id) AS responses,
  (SELECT count(*)::int FROM nps_responses p WHERE p.survey_id = s.id AND p.score >= 9) AS promoters,
  (SELECT count(*)::int FROM nps_responses p
    WHERE p.survey_id = s.id AND p.score BETWEEN 7 AND 8) AS passives,
  (SELECT count(*)::int FROM nps_responses p WHERE p.survey_id = s.id AND p.score <= 6) AS detractors`;

/** Surveys and the recipients snapshotted with them, always within one workspace. */
@Injectable()
export class NpsSurveysRepository {
  constructor(private readonly db: Db) {}

  async insert(input: {
    workspaceId: string;
    name: string;
    segment: NpsSegment;
    question: { ar: string; en: string };
    createdBy: string | null;
  }): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO nps_surveys (id, workspace_id, name, segment, question_ar, question_en, created_by)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
      [
        id,
        input.workspaceId,
        input.name,
        JSON.stringify(input.segment),
        input.question.ar,
        input.question.en,
        input.createdBy,
      ],
    );
    return id;
  }

  /** One pending row per person, in one statement. */
  async insertRecipients(
    workspaceId: string,
    surveyId: string,
    people: readonly NewRecipient[],
  ): Promise<void> {
    if (people.length === 0) return;
    await this.db.query(
      `INSERT INTO nps_recipients (id, workspace_id, survey_id, contact_id, email, language)
       SELECT gen_random_uuid(), $1, $2, p.contact_id, p.email, p.language
       FROM unnest($3::uuid[], $4::text[], $5::text[]) AS p(contact_id, email, language)`,
      [
        workspaceId,
        surveyId,
        people.map((p) => p.contactId),
        people.map((p) => p.email),
        people.map((p) => p.language),
      ],
    );
  }

  /**
   * People who had an NPS email since `since`, or who wait for one of a survey still sending:
   * the period rule keeps them out of another survey.
   */
  async recentlySurveyed(workspaceId: string, since: Date): Promise<Set<string>> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT DISTINCT r.contact_id AS id FROM nps_recipients r
       WHERE r.workspace_id = $1 AND r.contact_id IS NOT NULL
         AND (r.sent_at >= $2 OR r.status = 'pending')`,
      [workspaceId, since],
    );
    return new Set(rows.map((r) => r.id));
  }

  async find(workspaceId: string, id: string, lock = false): Promise<NpsSurveyRow | null> {
    if (lock)
      await this.db.query(
        'SELECT 1 FROM nps_surveys WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
        [workspaceId, id],
      );
    const rows = await this.db.query<NpsSurveyRow[]>(
      `SELECT ${SURVEY} FROM nps_surveys s WHERE s.workspace_id = $1 AND s.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** Newest first, after the cursor's (created at, id). */
  async list(
    workspaceId: string,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<NpsSurveyRow[]> {
    const params: unknown[] = [workspaceId];
    let where = 's.workspace_id = $1';
    if (after) {
      params.push(after.at, after.id);
      where += ` AND (s.created_at, s.id) < ($2::timestamptz, $3::uuid)`;
    }
    params.push(limit);
    return this.db.query<NpsSurveyRow[]>(
      `SELECT ${SURVEY} FROM nps_surveys s WHERE ${where}
       ORDER BY s.created_at DESC, s.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** Names of surveys by id (the report's list). */
  async names(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<Array<{ id: string; name: string }>>(
      'SELECT id, name FROM nps_surveys WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Cancelled: what waits is skipped (what was sent stays valid). False when it was not sending. */
  async cancel(workspaceId: string, id: string, at: Date): Promise<boolean> {
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE nps_surveys SET status = 'cancelled', cancelled_at = $3
       WHERE workspace_id = $1 AND id = $2 AND status = 'sending' RETURNING id`,
      [workspaceId, id, at],
    );
    if (rows.length === 0) return false;
    await this.db.query(
      `UPDATE nps_recipients SET status = 'skipped', reason = 'cancelled'
       WHERE workspace_id = $1 AND survey_id = $2 AND status = 'pending'`,
      [workspaceId, id],
    );
    return true;
  }

  /** Surveys of the workspace that have nobody left to send to are sent. */
  async finishSent(workspaceId: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE nps_surveys s SET status = 'sent', finished_at = $2
       WHERE s.workspace_id = $1 AND s.status = 'sending' AND NOT EXISTS (
         SELECT 1 FROM nps_recipients r WHERE r.survey_id = s.id AND r.status = 'pending')`,
      [workspaceId, at],
    );
  }

  /** Responses per score 0..10. */
  async distribution(workspaceId: string, surveyId: string): Promise<number[]> {
    const rows = await this.db.query<Array<{ score: number; n: number }>>(
      `SELECT score, count(*)::int AS n FROM nps_responses
       WHERE workspace_id = $1 AND survey_id = $2 GROUP BY score`,
      [workspaceId, surveyId],
    );
    const out = Array<number>(11).fill(0);
    for (const r of rows) out[r.score] = r.n;
    return out;
  }
}
