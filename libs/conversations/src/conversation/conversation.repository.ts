import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { Channel, ConversationStatus, MailboxKind } from '@sanad/contracts';
import { Conversation } from '../entities/conversation.entity';
import { Message } from '../entities/message.entity';

/** Lexemes one conversation's search vector may hold (about 1 MB is PostgreSQL's limit). */
const MAX_SEARCH_TERMS = 20_000;

/** What list views show next to a conversation, from tables of this library. */
export interface ConversationLabels {
  tags: string[];
  followers: string[];
  teamName: string | null;
}

/**
 * Conversations and their messages: the rows every part of the inbox writes and reads. Every
 * query is scoped by workspace; writes join the transaction open around the call.
 */
@Injectable()
export class ConversationRepository {
  constructor(private readonly db: Db) {}

  /**
   * The next conversation number, taken in its own short transaction: holding the workspace's
   * counter row until a conversation's whole transaction commits would make every new
   * conversation of a workspace wait for the previous one. A rolled-back conversation leaves a
   * gap in the numbers, which is harmless.
   *
   * Its commit does not wait for the disk: WAL is flushed in order, so the durable commit of the
   * conversation that uses the number flushes the number too, and a number lost in a crash was
   * never used.
   */
  async nextNumber(workspaceId: string): Promise<number> {
    const rows = await this.db.pool.query<Array<{ last_number: number }>>(
      `WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO conversation_numbers (workspace_id, last_number)
       SELECT $1, 1 FROM relaxed
       ON CONFLICT (workspace_id) DO UPDATE SET last_number = conversation_numbers.last_number + 1
       RETURNING last_number`,
      [workspaceId],
    );
    return rows[0].last_number;
  }

  insert(
    data: Partial<Conversation> &
      Pick<Conversation, 'workspaceId' | 'number' | 'subject' | 'channel' | 'mailboxId'>,
  ): Promise<Conversation> {
    return this.db.insertNew<Conversation>(Conversation, { id: randomUUID(), ...data });
  }

  /** With `lock`, the row stays locked until commit: changes to one conversation queue up. */
  find(workspaceId: string, id: string, lock = false): Promise<Conversation | null> {
    return this.db.manager.findOne(Conversation, {
      where: { workspaceId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findMany(workspaceId: string, ids: string[]): Promise<Conversation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager.find(Conversation, { where: { workspaceId, id: In(ids) } });
  }

  save(conversation: Conversation): Promise<Conversation> {
    return this.db.manager.save(Conversation, conversation);
  }

  /**
   * Adds index terms (`indexTerms` of @sanad/search) to the search vector, as lexemes taken
   * verbatim. A vector that already holds MAX_SEARCH_TERMS lexemes takes no more: PostgreSQL
   * refuses a tsvector over 1 MB, and a conversation that large is found by its first words.
   * Several ids take the same terms in one statement (a merged person's conversations).
   */
  async appendSearchTerms(conversationId: string | string[], terms: string[]): Promise<void> {
    const ids = Array.isArray(conversationId) ? conversationId : [conversationId];
    if (terms.length === 0 || ids.length === 0) return;
    await this.db.query(
      `UPDATE conversations SET search_vector = search_vector || array_to_tsvector($2::text[])
       WHERE id = ANY($1::uuid[]) AND length(search_vector) < ${MAX_SEARCH_TERMS}`,
      [ids, terms],
    );
  }

  /** Tag names, follower ids and team name of each conversation, in one query. */
  async labels(workspaceId: string, ids: string[]): Promise<Map<string, ConversationLabels>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<
      Array<{ id: string; tags: string[]; followers: string[]; team_name: string | null }>
    >(
      `SELECT c.id,
         ARRAY(SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
               WHERE ct.conversation_id = c.id ORDER BY t.name) AS tags,
         ARRAY(SELECT f.user_id::text FROM conversation_followers f
               WHERE f.conversation_id = c.id ORDER BY f.created_at) AS followers,
         (SELECT tm.name FROM teams tm WHERE tm.id = c.team_id) AS team_name
       FROM conversations c WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
    return new Map(
      rows.map((r) => [r.id, { tags: r.tags, followers: r.followers, teamName: r.team_name }]),
    );
  }

  insertMessage(
    data: Partial<Message> &
      Pick<Message, 'workspaceId' | 'conversationId' | 'kind' | 'authorType'>,
  ): Promise<Message> {
    return this.db.insertNew<Message>(Message, {
      id: randomUUID(),
      authorUserId: null,
      authorContactId: null,
      bodyHtml: null,
      emailMessageId: null,
      emailContentHash: null,
      data: {},
      ...data,
    });
  }

  listMessages(workspaceId: string, conversationId: string): Promise<Message[]> {
    return this.db.manager.find(Message, {
      where: { workspaceId, conversationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findMessage(workspaceId: string, conversationId: string, id: string): Promise<Message | null> {
    return this.db.manager.findOne(Message, { where: { workspaceId, conversationId, id } });
  }

  findMessages(workspaceId: string, ids: string[]): Promise<Message[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager.find(Message, { where: { workspaceId, id: In(ids) } });
  }

  async updateMessageDelivery(
    message: Pick<Message, 'id' | 'deliveryStatus' | 'deliveryError' | 'emailMessageId'>,
  ): Promise<void> {
    await this.db.manager.update(
      Message,
      { id: message.id },
      {
        deliveryStatus: message.deliveryStatus,
        deliveryError: message.deliveryError,
        emailMessageId: message.emailMessageId,
      },
    );
  }

  /**
   * Who wrote the newest public message that counts: a customer's, or an agent's reply that was
   * not refused by its channel (a failed reply has not answered anyone). Null with neither.
   */
  async lastPublicAuthor(conversationId: string): Promise<'contact' | 'user' | null> {
    const rows = await this.db.query<Array<{ author_type: 'contact' | 'user' }>>(
      `SELECT author_type FROM messages
       WHERE conversation_id = $1 AND kind = 'reply' AND author_type IN ('contact', 'user')
         AND delivery_status IS DISTINCT FROM 'failed'
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [conversationId],
    );
    return rows[0]?.author_type ?? null;
  }

  /** True when it changed something (a follow that existed, an unfollow of a non-follower). */
  async follow(
    workspaceId: string,
    conversationId: string,
    userId: string,
    follow: boolean,
  ): Promise<boolean> {
    const rows = follow
      ? await this.db.returning(
          'INSERT INTO conversation_followers (conversation_id, user_id, workspace_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id',
          [conversationId, userId, workspaceId],
        )
      : await this.db.returning(
          'DELETE FROM conversation_followers WHERE conversation_id = $1 AND user_id = $2 AND workspace_id = $3 RETURNING user_id',
          [conversationId, userId, workspaceId],
        );
    return rows.length > 0;
  }

  /**
   * What satisfaction needs of a conversation: where it is, who has it, its tags, and the newest
   * timeline entry that closed it (the close a rating request belongs to).
   */
  async satisfactionFacts(workspaceId: string, id: string): Promise<SatisfactionFactsRow | null> {
    const rows = await this.db.query<SatisfactionFactsRow[]>(
      `SELECT c.id, c.workspace_id AS "workspaceId", c.number, c.status, c.channel,
              c.mailbox_id AS "mailboxId", mb.kind AS "mailboxKind", c.contact_id AS "contactId",
              c.assignee_id AS "assigneeId", c.team_id AS "teamId", c.closed_at AS "closedAt",
              ARRAY(SELECT ct.tag_id::text FROM conversation_tags ct
                    WHERE ct.conversation_id = c.id ORDER BY ct.tag_id) AS "tagIds",
              (SELECT m.id FROM messages m
               WHERE m.conversation_id = c.id AND m.kind = 'activity'
                 AND m.data->>'action' = 'status' AND m.data->>'to' = 'closed'
               ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "closeEntryId"
       FROM conversations c JOIN mailboxes mb ON mb.id = c.mailbox_id
       WHERE c.workspace_id = $1 AND c.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** Names of this workspace's mailboxes, teams or tags by id (reports' group labels). */
  async namesOf(
    workspaceId: string,
    kind: 'mailbox' | 'team' | 'tag',
    ids: string[],
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const sql = {
      mailbox: 'SELECT id, name FROM mailboxes WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
      team: 'SELECT id, name FROM teams WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
      tag: 'SELECT id, name FROM tags WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
    }[kind];
    const rows = await this.db.query<Array<{ id: string; name: string }>>(sql, [workspaceId, ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/** See ConversationRepository.satisfactionFacts. */
export interface SatisfactionFactsRow {
  id: string;
  workspaceId: string;
  number: number;
  status: ConversationStatus;
  channel: Channel;
  mailboxId: string;
  mailboxKind: MailboxKind;
  contactId: string | null;
  assigneeId: string | null;
  teamId: string | null;
  closedAt: Date | null;
  tagIds: string[];
  closeEntryId: string | null;
}
