import { Injectable } from '@nestjs/common';
import type { Channel, RatingView } from '@sanad/contracts';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import type { RatingAnswers } from './rating-answers.util';

/** A rating's attribution: the conversation as it was when the customer first rated it. */
export interface RatingAttribution {
  workspaceId: string;
  requestId: string;
  conversationId: string;
  conversationNumber: number;
  contactId: string | null;
  agentId: string | null;
  teamId: string | null;
  mailboxId: string;
  channel: Channel;
  tagIds: string[];
  categoryId: string | null;
}

interface Row {
  id: string;
  conversation_id: string;
  conversation_number: number;
  contact_id: string | null;
  agent_id: string | null;
  team_id: string | null;
  mailbox_id: string;
  channel: Channel;
  tag_ids: string[];
  category_id: string | null;
  score: number;
  manner: number | null;
  speed: number | null;
  clarity: number | null;
  happiness: number | null;
  comment: string | null;
  first_rated_at: Date;
  updated_at: Date;
}

/** Ratings, one per request; written by the public rating page. */
@Injectable()
export class RatingsRepository {
  constructor(private readonly db: Db) {}

  /** The request's rating, locked until commit (a click and a post queue up). */
  async byRequest(requestId: string): Promise<RatingView | null> {
    const rows = await this.db.query<Row[]>(
      'SELECT * FROM ratings WHERE request_id = $1 FOR UPDATE',
      [requestId],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async view(workspaceId: string, id: string): Promise<RatingView | null> {
    const rows = await this.db.query<Row[]>(
      'SELECT * FROM ratings WHERE workspace_id = $1 AND id = $2',
      [workspaceId, id],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Null when the request has its rating already (two clicks at once: the other one won). */
  async insert(a: RatingAttribution, score: number, at: Date): Promise<RatingView | null> {
    const rows = await this.db.query<Row[]>(
      `INSERT INTO ratings (id, workspace_id, request_id, conversation_id, conversation_number,
         contact_id, agent_id, team_id, mailbox_id, channel, tag_ids, category_id, score,
         first_rated_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12, $13, $14, $14)
       ON CONFLICT (request_id) DO NOTHING RETURNING *`,
      [
        randomUUID(),
        a.workspaceId,
        a.requestId,
        a.conversationId,
        a.conversationNumber,
        a.contactId,
        a.agentId,
        a.teamId,
        a.mailboxId,
        a.channel,
        a.tagIds,
        a.categoryId,
        score,
        at,
      ],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async setScore(workspaceId: string, id: string, score: number, at: Date): Promise<RatingView> {
    const rows = await this.db.returning<Row>(
      `UPDATE ratings SET score = $3, updated_at = $4 WHERE workspace_id = $1 AND id = $2
       RETURNING *`,
      [workspaceId, id, score, at],
    );
    return toView(rows[0]);
  }

  async setAnswers(
    workspaceId: string,
    id: string,
    answers: RatingAnswers,
    at: Date,
  ): Promise<RatingView> {
    const d = answers.dimensions;
    const rows = await this.db.returning<Row>(
      `UPDATE ratings SET score = $3, manner = $4, speed = $5, clarity = $6, happiness = $7,
         comment = $8, updated_at = $9
       WHERE workspace_id = $1 AND id = $2 RETURNING *`,
      [
        workspaceId,
        id,
        answers.score,
        d.manner,
        d.speed,
        d.clarity,
        d.happiness,
        answers.comment,
        at,
      ],
    );
    return toView(rows[0]);
  }
}

function toView(r: Row): RatingView {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    conversationNumber: r.conversation_number,
    contactId: r.contact_id,
    agentId: r.agent_id,
    teamId: r.team_id,
    mailboxId: r.mailbox_id,
    channel: r.channel,
    tagIds: r.tag_ids,
    categoryId: r.category_id,
    score: r.score,
    dimensions: {
      manner: r.manner,
      speed: r.speed,
      clarity: r.clarity,
      happiness: r.happiness,
    },
    comment: r.comment,
    firstRatedAt: new Date(r.first_rated_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
