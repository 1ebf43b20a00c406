import { Injectable } from '@nestjs/common';
import type { NpsGroup } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { NPS_GROUP_RANGES } from './nps-score.util';

export interface NpsResponseRow {
  id: string;
  workspaceId: string;
  surveyId: string;
  surveyName: string;
  recipientId: string;
  contactId: string | null;
  score: number;
  comment: string | null;
  respondedAt: Date;
  updatedAt: Date;
}

const COLUMNS = `p.id, p.workspace_id AS "workspaceId", p.survey_id AS "surveyId", s.name AS "surveyName",
  p.recipient_id AS "recipientId", p.contact_id AS "contactId", p.score, p.comment,
  p.responded_at AS "respondedAt", p.updated_at AS "updatedAt"`;
const FROM = 'nps_responses p JOIN nps_surveys s ON s.id = p.survey_id';

/** Responses, one per recipient; written by the public page. */
@Injectable()
export class NpsResponsesRepository {
  constructor(private readonly db: Db) {}

  /** The recipient's response, locked until commit (two posts queue up). */
  async byRecipient(recipientId: string): Promise<NpsResponseRow | null> {
    const rows = await this.db.query<NpsResponseRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE p.recipient_id = $1 FOR UPDATE OF p`,
      [recipientId],
    );
    return rows[0] ?? null;
  }

  async view(workspaceId: string, id: string): Promise<NpsResponseRow | null> {
    const rows = await this.db.query<NpsResponseRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE p.workspace_id = $1 AND p.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** Null when the recipient has answered already (two posts at once: the other one won). */
  async insert(input: {
    workspaceId: string;
    surveyId: string;
    recipientId: string;
    contactId: string | null;
    categoryId: string | null;
    score: number;
    comment: string | null;
    at: Date;
  }): Promise<string | null> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO nps_responses (id, workspace_id, survey_id, recipient_id, contact_id, category_id,
         score, comment, responded_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (recipient_id) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        input.workspaceId,
        input.surveyId,
        input.recipientId,
        input.contactId,
        input.categoryId,
        input.score,
        input.comment,
        input.at,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async update(
    workspaceId: string,
    id: string,
    answer: { score: number; comment: string | null },
    at: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE nps_responses SET score = $3, comment = $4, updated_at = $5
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, answer.score, answer.comment, at],
    );
  }

  /** A survey's responses, newest first, after the cursor's (responded at, id). */
  async list(
    workspaceId: string,
    surveyId: string,
    group: NpsGroup | undefined,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<NpsResponseRow[]> {
    const params: unknown[] = [workspaceId, surveyId];
    let where = 'p.workspace_id = $1 AND p.survey_id = $2';
    if (group) {
      params.push(...NPS_GROUP_RANGES[group]);
      where += ` AND p.score BETWEEN $${params.length - 1} AND $${params.length}`;
    }
    if (after) {
      params.push(after.at, after.id);
      where += ` AND (p.responded_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit);
    return this.db.query<NpsResponseRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where}
       ORDER BY p.responded_at DESC, p.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
