import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import type { DerivedFacts } from '../definitions/conversation-facts.util';

/** The conversation's filters each reply, agent reply and status change carries. */
const DIMENSIONS = 'excluded, channel, mailbox_id, team_id, assignee_id, category_id, tag_ids';
const DIMENSION_VALUES = `r.excluded, r.channel, r."mailboxId", r."teamId", r."assigneeId",
  r."categoryId", ARRAY(SELECT jsonb_array_elements_text(r."tagIds"))::uuid[]`;
const DIMENSION_TYPES = `excluded boolean, channel text, "mailboxId" uuid, "teamId" uuid,
  "assigneeId" uuid, "categoryId" uuid, "tagIds" jsonb`;

/** NOTIFY channel: a workspace's report facts changed (payload: its id). */
export const REPORTS_CHANNEL = 'sanad_reports';

/**
 * Stores the facts derived from conversations: each conversation's rows are replaced whole, so
 * deriving twice (a redelivered event, the backfill) writes the same rows.
 */
@Injectable()
export class ReportFactsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Holds these conversations' facts until commit (in id order, so two holders never deadlock):
   * a refresh that started earlier, reading an older timeline, cannot write after a later one.
   */
  async lock(ids: string[]): Promise<void> {
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('report:' || id, 0))
         FROM unnest($1::text[]) AS id ORDER BY id`,
      [[...ids].sort()],
    );
  }

  async replace(facts: DerivedFacts[]): Promise<void> {
    if (facts.length === 0) return;
    const ids = facts.map((f) => f.conversation.conversationId);
    await this.db.query(
      `INSERT INTO report_conversations (conversation_id, workspace_id, started_at, channel,
         mailbox_id, team_id, assignee_id, contact_id, category_id, tag_ids, status, excluded,
         first_response_at, first_response_seconds, first_responder_id, resolved_at,
         resolution_seconds, computed_at)
       SELECT r."conversationId", r."workspaceId", r."startedAt", r.channel, r."mailboxId",
              r."teamId", r."assigneeId", r."contactId", r."categoryId",
              ARRAY(SELECT jsonb_array_elements_text(r."tagIds"))::uuid[], r.status, r.excluded,
              r."firstResponseAt", r."firstResponseSeconds", r."firstResponderId",
              r."resolvedAt", r."resolutionSeconds", now()
         FROM jsonb_to_recordset($1::jsonb) AS r("conversationId" uuid, "workspaceId" uuid,
              "startedAt" timestamptz, channel text, "mailboxId" uuid, "teamId" uuid,
              "assigneeId" uuid, "contactId" uuid, "categoryId" uuid, "tagIds" jsonb,
              status text, excluded boolean, "firstResponseAt" timestamptz,
              "firstResponseSeconds" integer, "firstResponderId" uuid, "resolvedAt" timestamptz,
              "resolutionSeconds" integer)
       ON CONFLICT (conversation_id) DO UPDATE SET
         workspace_id = EXCLUDED.workspace_id, started_at = EXCLUDED.started_at,
         channel = EXCLUDED.channel, mailbox_id = EXCLUDED.mailbox_id,
         team_id = EXCLUDED.team_id, assignee_id = EXCLUDED.assignee_id,
         contact_id = EXCLUDED.contact_id, category_id = EXCLUDED.category_id,
         tag_ids = EXCLUDED.tag_ids, status = EXCLUDED.status, excluded = EXCLUDED.excluded,
         first_response_at = EXCLUDED.first_response_at,
         first_response_seconds = EXCLUDED.first_response_seconds,
         first_responder_id = EXCLUDED.first_responder_id, resolved_at = EXCLUDED.resolved_at,
         resolution_seconds = EXCLUDED.resolution_seconds, computed_at = now()`,
      [JSON.stringify(facts.map((f) => f.conversation))],
    );
    for (const table of ['report_replies', 'report_agent_replies', 'report_status_changes'])
      await this.db.query(`DELETE FROM ${table} WHERE conversation_id = ANY($1::uuid[])`, [ids]);
    // Each row carries its conversation's filters (the reports read them without a join).
    const withConversation = <T>(pick: (f: DerivedFacts) => T[]) =>
      JSON.stringify(
        facts.flatMap((f) => {
          const c = f.conversation;
          return pick(f).map((row) => ({
            ...row,
            conversationId: c.conversationId,
            workspaceId: c.workspaceId,
            excluded: c.excluded,
            channel: c.channel,
            mailboxId: c.mailboxId,
            teamId: c.teamId,
            assigneeId: c.assigneeId,
            categoryId: c.categoryId,
            tagIds: c.tagIds,
          }));
        }),
      );
    await this.db.query(
      `INSERT INTO report_replies (message_id, conversation_id, workspace_id, asked_at,
         answered_at, answered_by, seconds, ${DIMENSIONS})
       SELECT r."messageId", r."conversationId", r."workspaceId", r."askedAt", r."answeredAt",
              r."answeredBy", r.seconds, ${DIMENSION_VALUES}
         FROM jsonb_to_recordset($1::jsonb) AS r("messageId" uuid, "conversationId" uuid,
              "workspaceId" uuid, "askedAt" timestamptz, "answeredAt" timestamptz,
              "answeredBy" uuid, seconds integer, ${DIMENSION_TYPES})
        WHERE r."conversationId" IN (SELECT conversation_id FROM report_conversations
                                      WHERE conversation_id = ANY($2::uuid[]))`,
      [withConversation((f) => f.replies), ids],
    );
    await this.db.query(
      `INSERT INTO report_agent_replies (message_id, conversation_id, workspace_id, user_id, at,
         ${DIMENSIONS})
       SELECT r."messageId", r."conversationId", r."workspaceId", r."userId", r.at,
              ${DIMENSION_VALUES}
         FROM jsonb_to_recordset($1::jsonb) AS r("messageId" uuid, "conversationId" uuid,
              "workspaceId" uuid, "userId" uuid, at timestamptz, ${DIMENSION_TYPES})
        WHERE r."conversationId" IN (SELECT conversation_id FROM report_conversations
                                      WHERE conversation_id = ANY($2::uuid[]))`,
      [withConversation((f) => f.agentReplies), ids],
    );
    await this.db.query(
      `INSERT INTO report_status_changes (entry_id, conversation_id, workspace_id, kind, at,
         until, prev_at, user_id, by_agent, ${DIMENSIONS})
       SELECT r.id, r."conversationId", r."workspaceId", r.kind, r.at, r.until,
              lag(r.at) OVER (PARTITION BY r."conversationId", r.kind ORDER BY r.at, r.id),
              r."userId", r."byAgent", ${DIMENSION_VALUES}
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "conversationId" uuid,
              "workspaceId" uuid, kind text, at timestamptz, until timestamptz, "userId" uuid,
              "byAgent" boolean, ${DIMENSION_TYPES})
        WHERE r."conversationId" IN (SELECT conversation_id FROM report_conversations
                                      WHERE conversation_id = ANY($2::uuid[]))`,
      [withConversation((f) => f.statuses), ids],
    );
  }

  /** Conversations that are gone (merged away): their facts go too. */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `DELETE FROM report_conversations WHERE conversation_id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Folds the signed rows the fact triggers appended into one row per hour (report_hours), per
   * workspace (report_open) or per day and bin (report_durations) and filters, up to `limit`
   * of each a call; returns how many it folded. Safe beside writers and another compaction: a row is moved by the
   * statement that deleted it, and rows appended meanwhile stay for the next call.
   */
  async compactRollups(limit: number): Promise<number> {
    const filters = 'mailbox_id, team_id, assignee_id, channel, category_id';
    const fold = async (table: string, at: string | null, key: string, sums: string[]) => {
      const place = at ? `workspace_id, ${at}` : 'workspace_id';
      const rows = await this.db.query<Array<{ n: number }>>(
        `WITH loose AS (SELECT DISTINCT ${place} FROM ${table} WHERE NOT compacted LIMIT $1),
         gone AS (
           DELETE FROM ${table} t USING loose l
            WHERE t.workspace_id = l.workspace_id ${at ? `AND t.${at} = l.${at}` : ''}
           RETURNING t.*),
         folded AS (
           INSERT INTO ${table} (${key}, ${sums.join(', ')}, compacted)
           SELECT ${key}, ${sums.map((c) => `sum(${c})`).join(', ')}, true
             FROM gone GROUP BY ${key}
           HAVING ${sums.map((c) => `sum(${c}) <> 0`).join(' OR ')})
         SELECT count(*)::int AS n FROM loose`,
        [limit],
      );
      return rows[0].n;
    };
    return (
      (await fold('report_hours', 'hour', `workspace_id, hour, ${filters}`, [
        'started',
        'closes',
        'close_ends',
        'reopens',
      ])) +
      (await fold('report_open', null, `workspace_id, ${filters}`, ['n'])) +
      (await fold('report_durations', 'day', `workspace_id, day, kind, bin, ${filters}`, [
        'n',
        'seconds',
      ]))
    );
  }

  /** Conversations to derive again (once each, however often they are named before that). */
  async queue(workspaceId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `INSERT INTO report_pending (conversation_id, workspace_id)
       SELECT id, $1 FROM unnest($2::uuid[]) AS id ON CONFLICT DO NOTHING`,
      [workspaceId, [...new Set(ids)]],
    );
  }

  /**
   * Takes the longest-waiting queued conversations, until commit (another worker takes others).
   * A conversation queued again meanwhile waits for this commit and is queued anew.
   */
  async takePending(
    limit: number,
  ): Promise<Array<{ conversationId: string; workspaceId: string }>> {
    return this.db.returning(
      `DELETE FROM report_pending WHERE conversation_id IN (
         SELECT conversation_id FROM report_pending ORDER BY queued_at
          LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING conversation_id AS "conversationId", workspace_id AS "workspaceId"`,
      [limit],
    );
  }

  /** Announces at commit that this workspace's numbers changed. */
  announce(workspaceId: string): Promise<void> {
    return this.db.notify(REPORTS_CHANNEL, workspaceId);
  }

  /** Where the backfill stopped: null when it has finished. */
  async backfillPosition(): Promise<{ afterId: string | null } | null> {
    const [row] = await this.db.query<Array<{ after_id: string | null; finished_at: Date | null }>>(
      `SELECT after_id, finished_at FROM report_backfill`,
    );
    return !row || row.finished_at ? null : { afterId: row.after_id };
  }

  async backfillReached(afterId: string | null, finished: boolean): Promise<void> {
    await this.db.query(
      `UPDATE report_backfill SET after_id = $1, finished_at = CASE WHEN $2 THEN now() END`,
      [afterId, finished],
    );
  }
}
