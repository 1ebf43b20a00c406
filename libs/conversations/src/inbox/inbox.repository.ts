import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { Conversation } from '../entities/conversation.entity';
import type { ConversationLabels } from '../conversation/conversation.repository';
import type { ConversationQuery } from './conversation-query';

const NOT_SPAM = `c.mailbox_id NOT IN (SELECT id FROM mailboxes WHERE workspace_id = $1 AND kind = 'spam')`;

/** Conversations a search page first looks through in list order (see `list`). */
const SEARCH_WINDOW = 4000;

/** The columns of a conversation, named as the entity names them. */
const COLUMNS = `c.id, c.workspace_id AS "workspaceId", c.number, c.subject, c.status, c.channel,
  c.mailbox_id AS "mailboxId", c.contact_id AS "contactId", c.assignee_id AS "assigneeId",
  c.team_id AS "teamId", c.priority, c.snoozed_until AS "snoozedUntil",
  c.last_public_from AS "lastPublicFrom", c.last_message_at AS "lastMessageAt",
  c.first_agent_reply_at AS "firstAgentReplyAt", c.last_customer_message_at AS "lastCustomerMessageAt",
  c.last_agent_reply_at AS "lastAgentReplyAt", c.closed_at AS "closedAt", c.reopened_at AS "reopenedAt",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

/** What list views show next to each row, from this library's tables. */
const LABELS = `ARRAY(SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
    WHERE ct.conversation_id = c.id ORDER BY t.name) AS tags,
  ARRAY(SELECT f.user_id::text FROM conversation_followers f
    WHERE f.conversation_id = c.id ORDER BY f.created_at) AS followers,
  (SELECT tm.name FROM teams tm WHERE tm.id = c.team_id) AS "teamName"`;

/** The select list of a page of conversations (also the baseline `npm run bench:inbox` times). */
export const LIST_SELECT = `${COLUMNS}, ${LABELS}`;

/** Lists, counts and search snippets of the inbox. */
@Injectable()
export class InboxRepository {
  constructor(private readonly db: Db) {}

  /**
   * One page of a view with its filters, newest activity first, keyset-paginated; with each
   * row its tags, followers and team name (read by the same query).
   *
   * A search page is read in two steps, because PostgreSQL cannot know how many rows a tsquery
   * matches in one workspace (a word it has never seen is estimated at thousands of rows, and
   * walking the list for it reads every conversation): first the newest SEARCH_WINDOW
   * conversations in list order, which fills the page when the words are common; else every
   * match through the GIN index (`conversation_search_hits`, migration 1764700000000), sorted.
   * Either costs what the matches cost, not what the workspace holds.
   */
  async list(
    workspaceId: string,
    userId: string,
    query: ConversationQuery,
  ): Promise<{ conversations: Conversation[]; labels: Map<string, ConversationLabels> }> {
    const params: unknown[] = [workspaceId];
    const where: string[] = ['c.workspace_id = $1'];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.mailboxIds) where.push(`c.mailbox_id = ANY(${p(query.mailboxIds)}::uuid[])`);
    if (query.mailboxId) where.push(`c.mailbox_id = ${p(query.mailboxId)}`);
    else if (!query.contactId) where.push(NOT_SPAM);
    if (query.contactId) where.push(`c.contact_id = ${p(query.contactId)}`);
    if (query.contactCategoryId || query.companyId)
      where.push(
        `c.contact_id IN (SELECT contacts_in_segment($1, ${p(query.contactCategoryId ?? null)}::uuid, ${p(query.companyId ?? null)}::uuid))`,
      );
    if (query.view === 'ongoing') where.push(`c.status <> 'closed'`);
    if (query.view === 'unanswered')
      where.push(`c.status <> 'closed' AND c.last_public_from = 'contact'`);
    if (query.view === 'mine') where.push(`c.status <> 'closed' AND c.assignee_id = ${p(userId)}`);
    if (query.view === 'following') {
      // Driven from the member's follow rows (few), not by probing every recent conversation.
      where.push(
        `c.status <> 'closed' AND c.id IN (SELECT f.conversation_id FROM conversation_followers f WHERE f.workspace_id = $1 AND f.user_id = ${p(userId)})`,
      );
    }
    if (query.view === 'unassigned') where.push(`c.status <> 'closed' AND c.assignee_id IS NULL`);
    if (query.statuses?.length) where.push(`c.status = ANY(${p(query.statuses)})`);
    if (query.channel) where.push(`c.channel = ${p(query.channel)}`);
    if (query.assigneeId === 'none') where.push('c.assignee_id IS NULL');
    else if (query.assigneeId) where.push(`c.assignee_id = ${p(query.assigneeId)}`);
    if (query.priority) where.push(`c.priority = ${p(query.priority)}`);
    if (query.teamId) where.push(`c.team_id = ${p(query.teamId)}`);
    if (query.number) where.push(`c.number = ${p(query.number)}`);
    if (query.tag) {
      where.push(
        `EXISTS (SELECT 1 FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.conversation_id = c.id AND lower(t.name) = lower(${p(query.tag)}))`,
      );
    }
    if (query.createdFrom) where.push(`c.created_at >= ${p(query.createdFrom)}`);
    if (query.createdTo) where.push(`c.created_at < ${p(query.createdTo)}`);
    if (query.cursor)
      where.push(
        `(c.last_message_at, c.id) < (${p(query.cursor.lastMessageAt)}::timestamptz, ${p(query.cursor.id)}::uuid)`,
      );
    const filters = where.join(' AND ');
    const limit = p(query.limit);
    if (!query.search)
      return this.read(
        `SELECT ${LIST_SELECT} FROM conversations c WHERE ${filters}
         ORDER BY c.last_message_at DESC, c.id DESC LIMIT ${limit}`,
        params,
      );
    const match = `${p(query.search.match)}::tsquery`;
    const exclude = `${p(query.search.exclude)}::tsquery`;
    const matches = `c.search_vector @@ ${match} AND (${exclude} IS NULL OR NOT c.search_vector @@ ${exclude})`;
    const recent = await this.read(
      `SELECT ${LIST_SELECT} FROM (
         SELECT * FROM conversations c WHERE ${filters}
         ORDER BY c.last_message_at DESC, c.id DESC LIMIT ${SEARCH_WINDOW}
       ) c
       WHERE ${matches} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ${limit}`,
      params,
    );
    if (recent.conversations.length >= query.limit) return recent;
    const hits = `conversation_search_hits($1, ${match}, ${exclude})`;
    return this.read(
      `WITH page AS (
         SELECT c.id FROM ${hits} h JOIN conversations c ON c.id = h.id
         WHERE ${filters} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ${limit}
       )
       SELECT ${LIST_SELECT} FROM page JOIN conversations c ON c.id = page.id
       ORDER BY c.last_message_at DESC, c.id DESC`,
      params,
    );
  }

  private async read(
    sql: string,
    params: unknown[],
  ): Promise<{ conversations: Conversation[]; labels: Map<string, ConversationLabels> }> {
    const rows = await this.db.query<Array<Record<string, unknown>>>(sql, params);
    const labels = new Map<string, ConversationLabels>();
    const conversations = rows.map(({ tags, followers, teamName, ...row }) => {
      labels.set(row.id as string, {
        tags: tags as string[],
        followers: followers as string[],
        teamName: teamName as string | null,
      });
      return Object.assign(new Conversation(), row);
    });
    return { conversations, labels };
  }

  /**
   * Whether any conversation the member may see has this term (a tsquery): a word that is one
   * is taken as typed in full, not as the beginning of longer ones.
   */
  async hasTerm(workspaceId: string, mailboxIds: string[] | null, term: string): Promise<boolean> {
    const rows = await this.db.query<Array<{ found: boolean }>>(
      `SELECT conversation_has_term($1, $2::uuid[], $3::tsquery) AS found`,
      [workspaceId, mailboxIds, term],
    );
    return rows[0].found;
  }

  /**
   * Counts kept per mailbox (in 16 shards) by the conversation_counts triggers: one indexed read,
   * whatever the volume. Views add up the non-spam mailboxes the member may see.
   */
  async viewCounts(
    workspaceId: string,
    userId: string,
    mailboxIds: string[] | null,
  ): Promise<{ views: Record<string, number>; mailboxes: Record<string, number> }> {
    const mine = `assignee:${userId}`;
    const following = `following:${userId}`;
    const rows = await this.db.query<
      Array<{ mailbox_id: string; spam: boolean; key: string; n: string }>
    >(
      `SELECT cc.mailbox_id, m.kind = 'spam' AS spam, cc.key, sum(cc.n) AS n
       FROM conversation_counts cc JOIN mailboxes m ON m.id = cc.mailbox_id
       WHERE cc.workspace_id = $1 AND cc.key IN ('all', 'ongoing', 'unanswered', 'unassigned', $2, $3)
         AND ($4::uuid[] IS NULL OR cc.mailbox_id = ANY($4::uuid[]))
       GROUP BY cc.mailbox_id, m.kind, cc.key`,
      [workspaceId, mine, following, mailboxIds],
    );
    const views: Record<string, number> = {
      all: 0,
      ongoing: 0,
      unanswered: 0,
      mine: 0,
      following: 0,
      unassigned: 0,
    };
    const viewOfKey: Record<string, string> = {
      all: 'all',
      ongoing: 'ongoing',
      unanswered: 'unanswered',
      unassigned: 'unassigned',
      [mine]: 'mine',
      [following]: 'following',
    };
    const mailboxes: Record<string, number> = {};
    for (const row of rows) {
      const n = Number(row.n);
      if (row.key === 'ongoing') mailboxes[row.mailbox_id] = n;
      if (!row.spam) views[viewOfKey[row.key]] += n;
    }
    return { views, mailboxes };
  }

  /** The newest texts (replies and notes) of each listed conversation, for search snippets. */
  async snippetTexts(
    workspaceId: string,
    conversationIds: string[],
    perConversation: number,
  ): Promise<Map<string, string[]>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.db.query<Array<{ conversation_id: string; body_text: string }>>(
      `SELECT c.id AS conversation_id, m.body_text
       FROM unnest($2::uuid[]) AS c(id)
       CROSS JOIN LATERAL (
         SELECT body_text FROM messages
         WHERE conversation_id = c.id AND workspace_id = $1 AND kind <> 'activity' AND body_text <> ''
         ORDER BY created_at DESC, id DESC LIMIT $3
       ) m`,
      [workspaceId, conversationIds, perConversation],
    );
    const texts = new Map<string, string[]>();
    for (const row of rows)
      texts.set(row.conversation_id, [...(texts.get(row.conversation_id) ?? []), row.body_text]);
    return texts;
  }
}
