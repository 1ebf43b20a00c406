import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { insertNew, returningRows } from '@sanad/database';
import { DataSource, In, type EntityManager } from 'typeorm';
import { REALTIME_EVENTS, type Role } from '@sanad/contracts';
import type { ConversationQuery } from './conversation-query';
import { Conversation } from './entities/conversation.entity';
import { Mailbox } from './entities/mailbox.entity';
import { Message } from './entities/message.entity';
import { Tag } from './entities/tag.entity';

/** A conversation row with what list views show next to it. */
export interface ConversationRow {
  conversation: Conversation;
  contact: {
    id: string;
    name: string | null;
    emails: string[];
    phones: string[];
    externalId: string | null;
  } | null;
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  tags: string[];
  followers: string[];
}

interface RawRow {
  c_id: string;
  contact_id: string | null;
  contact_name: string | null;
  contact_emails: string[] | null;
  contact_phones: string[] | null;
  contact_external_id: string | null;
  assignee_name: string | null;
  team_name: string | null;
  tags: string[];
  followers: string[];
  [key: string]: unknown;
}

const NOT_SPAM = `c.mailbox_id NOT IN (SELECT id FROM mailboxes WHERE workspace_id = $1 AND kind = 'spam')`;

/** The only file of the inbox that talks to PostgreSQL; every query is scoped by workspace. */
@Injectable()
export class ConversationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Creates الصندوق الوارد and المزعج once per workspace. */
  async ensureSystemMailboxes(
    workspaceId: string,
    names: { inbox: string; spam: string },
    manager?: EntityManager,
  ): Promise<void> {
    await this.m(manager).query(
      `INSERT INTO mailboxes (id, workspace_id, name, slug, kind) VALUES ($1, $3, $4, 'inbox', 'inbox'), ($2, $3, $5, 'spam', 'spam')
       ON CONFLICT DO NOTHING`,
      [randomUUID(), randomUUID(), workspaceId, names.inbox, names.spam],
    );
  }

  listMailboxes(workspaceId: string): Promise<Mailbox[]> {
    return this.m().find(Mailbox, { where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  findMailbox(workspaceId: string, id: string, manager?: EntityManager): Promise<Mailbox | null> {
    return this.m(manager).findOne(Mailbox, { where: { workspaceId, id } });
  }

  findMailboxByKind(
    workspaceId: string,
    kind: 'inbox' | 'spam',
    manager?: EntityManager,
  ): Promise<Mailbox | null> {
    return this.m(manager).findOne(Mailbox, { where: { workspaceId, kind } });
  }

  async mailboxSlugTaken(workspaceId: string, slug: string, exceptId?: string): Promise<boolean> {
    const found = await this.m().findOne(Mailbox, { where: { workspaceId, slug } });
    return !!found && found.id !== exceptId;
  }

  saveMailbox(mailbox: Mailbox, manager?: EntityManager): Promise<Mailbox> {
    return this.m(manager).save(Mailbox, mailbox);
  }

  newMailbox(data: Pick<Mailbox, 'workspaceId' | 'name' | 'slug' | 'kind' | 'signature'>): Mailbox {
    return this.m().create(Mailbox, { id: randomUUID(), archivedAt: null, ...data });
  }

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
    const rows = await this.m().query<Array<{ last_number: number }>>(
      `WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO conversation_numbers (workspace_id, last_number)
       SELECT $1, 1 FROM relaxed
       ON CONFLICT (workspace_id) DO UPDATE SET last_number = conversation_numbers.last_number + 1
       RETURNING last_number`,
      [workspaceId],
    );
    return rows[0].last_number;
  }

  insertConversation(
    data: Partial<Conversation> &
      Pick<Conversation, 'workspaceId' | 'number' | 'subject' | 'channel' | 'mailboxId'>,
    manager: EntityManager,
  ): Promise<Conversation> {
    return insertNew<Conversation>(manager, Conversation, { id: randomUUID(), ...data });
  }

  /** Locks the row: replies and changes to one conversation are applied one at a time. */
  findConversation(
    workspaceId: string,
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<Conversation | null> {
    return this.m(manager).findOne(Conversation, {
      where: { workspaceId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  saveConversation(conversation: Conversation, manager: EntityManager): Promise<Conversation> {
    return manager.save(Conversation, conversation);
  }

  /** Adds terms to the search vector: `simple` over stemmed text, `english` over the raw text. */
  async appendSearchText(
    conversationId: string,
    stemmed: string,
    raw: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE conversations SET search_vector = search_vector || to_tsvector('simple', $2) || to_tsvector('english', $3) WHERE id = $1`,
      [conversationId, stemmed, raw],
    );
  }

  insertMessage(
    data: Partial<Message> &
      Pick<Message, 'workspaceId' | 'conversationId' | 'kind' | 'authorType'>,
    manager: EntityManager,
  ): Promise<Message> {
    return insertNew<Message>(manager, Message, {
      id: randomUUID(),
      authorUserId: null,
      authorContactId: null,
      bodyHtml: null,
      emailMessageId: null,
      data: {},
      ...data,
    });
  }

  listMessages(
    workspaceId: string,
    conversationId: string,
    manager?: EntityManager,
  ): Promise<Message[]> {
    return this.m(manager).find(Message, {
      where: { workspaceId, conversationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The newest texts (replies and notes) of each listed conversation, for search snippets. */
  async snippetTexts(
    workspaceId: string,
    conversationIds: string[],
    perConversation: number,
  ): Promise<Map<string, string[]>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.m().query<Array<{ conversation_id: string; body_text: string }>>(
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
    for (const row of rows) {
      const list = texts.get(row.conversation_id) ?? [];
      list.push(row.body_text);
      texts.set(row.conversation_id, list);
    }
    return texts;
  }

  findMessage(
    workspaceId: string,
    conversationId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<Message | null> {
    return this.m(manager).findOne(Message, { where: { workspaceId, conversationId, id } });
  }

  findMessageById(
    workspaceId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<Message | null> {
    return this.m(manager).findOne(Message, { where: { workspaceId, id } });
  }

  async updateMessageDelivery(message: Message, manager: EntityManager): Promise<void> {
    await manager.update(
      Message,
      { id: message.id },
      {
        deliveryStatus: message.deliveryStatus,
        deliveryError: message.deliveryError,
        emailMessageId: message.emailMessageId,
      },
    );
  }

  /** Public replies in the conversation newer than message `seenId`, by anyone but `exceptUserId`. */
  newerPublicMessages(
    conversationId: string,
    seenId: string,
    exceptUserId: string,
    manager: EntityManager,
  ): Promise<Message[]> {
    return manager
      .createQueryBuilder(Message, 'm')
      .where(`m.conversation_id = :conversationId AND m.kind = 'reply' AND m.id <> :seenId`, {
        conversationId,
        seenId,
      })
      .andWhere('m.created_at >= (SELECT s.created_at FROM messages s WHERE s.id = :seenId)', {
        seenId,
      })
      .andWhere('(m.author_user_id IS NULL OR m.author_user_id <> :exceptUserId)', { exceptUserId })
      .orderBy('m.created_at', 'ASC')
      .getMany();
  }

  /** The mailbox a conversation was in before it was last marked as spam. */
  async spamOrigin(conversationId: string, manager: EntityManager): Promise<string | null> {
    const rows = await manager.query<Array<{ origin: string }>>(
      `SELECT data->>'from' AS origin FROM messages
       WHERE conversation_id = $1 AND kind = 'activity' AND data->>'action' = 'spam'
       ORDER BY created_at DESC LIMIT 1`,
      [conversationId],
    );
    return rows[0]?.origin ?? null;
  }

  dueSnoozed(now: Date, limit: number): Promise<Array<{ workspaceId: string; id: string }>> {
    return this.m().query(
      `SELECT workspace_id AS "workspaceId", id FROM conversations
       WHERE snoozed_until IS NOT NULL AND snoozed_until <= $1 ORDER BY snoozed_until LIMIT $2`,
      [now, limit],
    );
  }

  /** Messages, tags, followers and search terms of `sourceId` go to `targetId`. */
  async moveConversationContents(
    workspaceId: string,
    sourceId: string,
    targetId: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      'UPDATE messages SET conversation_id = $3 WHERE workspace_id = $1 AND conversation_id = $2',
      [workspaceId, sourceId, targetId],
    );
    await manager.query(
      `INSERT INTO conversation_tags (conversation_id, tag_id, workspace_id)
       SELECT $3, tag_id, workspace_id FROM conversation_tags WHERE workspace_id = $1 AND conversation_id = $2 ON CONFLICT DO NOTHING`,
      [workspaceId, sourceId, targetId],
    );
    await manager.query(
      `INSERT INTO conversation_followers (conversation_id, user_id, workspace_id)
       SELECT $3, user_id, workspace_id FROM conversation_followers WHERE workspace_id = $1 AND conversation_id = $2 ON CONFLICT DO NOTHING`,
      [workspaceId, sourceId, targetId],
    );
    await manager.query(
      `UPDATE conversations t SET search_vector = t.search_vector || s.search_vector FROM conversations s WHERE t.id = $3 AND s.id = $2 AND s.workspace_id = $1`,
      [workspaceId, sourceId, targetId],
    );
  }

  /** Followers first, so the view counters see them leave while the conversation still exists. */
  async deleteConversation(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'DELETE FROM conversation_followers WHERE workspace_id = $1 AND conversation_id = $2',
      [workspaceId, id],
    );
    await manager.query('DELETE FROM conversations WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
    ]);
  }

  async userNames(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.m().query<Array<{ id: string; name: string }>>(
      'SELECT id, name FROM users WHERE workspace_id = $1 AND id = ANY($2)',
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async teamNames(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.m().query<Array<{ id: string; name: string }>>(
      'SELECT id, name FROM teams WHERE workspace_id = $1 AND id = ANY($2)',
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async activeMembers(
    workspaceId: string,
    ids: string[],
  ): Promise<Array<{ id: string; name: string; role: Role; mailboxIds: string[] | null }>> {
    const rows = await this.m().query<
      Array<{ id: string; name: string; role: Role; mailbox_ids: string[] | null }>
    >(
      'SELECT id, name, role, mailbox_ids FROM users WHERE workspace_id = $1 AND id = ANY($2) AND active',
      [workspaceId, ids],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, mailboxIds: r.mailbox_ids }));
  }

  async upsertTags(workspaceId: string, names: string[], manager: EntityManager): Promise<Tag[]> {
    if (names.length === 0) return [];
    await manager.query(
      `INSERT INTO tags (id, workspace_id, name) SELECT gen_random_uuid(), $1, n FROM unnest($2::text[]) AS n ON CONFLICT DO NOTHING`,
      [workspaceId, names],
    );
    const lowered = names.map((n) => n.toLowerCase());
    const rows = await manager.query<Array<{ id: string; name: string }>>(
      'SELECT id, name FROM tags WHERE workspace_id = $1 AND lower(name) = ANY($2)',
      [workspaceId, lowered],
    );
    return rows.map((r) => manager.create(Tag, { id: r.id, name: r.name, workspaceId }));
  }

  async setConversationTags(
    workspaceId: string,
    conversationId: string,
    tagIds: string[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      'DELETE FROM conversation_tags WHERE conversation_id = $1 AND workspace_id = $2',
      [conversationId, workspaceId],
    );
    if (tagIds.length > 0) {
      await manager.query(
        'INSERT INTO conversation_tags (conversation_id, tag_id, workspace_id) SELECT $1, t, $2 FROM unnest($3::uuid[]) AS t',
        [conversationId, workspaceId, tagIds],
      );
    }
  }

  async follow(
    workspaceId: string,
    conversationId: string,
    userId: string,
    follow: boolean,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = follow
      ? await manager.query<unknown[]>(
          'INSERT INTO conversation_followers (conversation_id, user_id, workspace_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id',
          [conversationId, userId, workspaceId],
        )
      : await returningRows<unknown>(
          manager,
          'DELETE FROM conversation_followers WHERE conversation_id = $1 AND user_id = $2 AND workspace_id = $3 RETURNING user_id',
          [conversationId, userId, workspaceId],
        );
    return rows.length > 0;
  }

  /** Tag names and follower ids of each conversation, in one query for all of them. */
  async tagsAndFollowers(
    conversationIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, { tags: string[]; followers: string[] }>> {
    if (conversationIds.length === 0) return new Map();
    const rows = await this.m(manager).query<
      Array<{ id: string; tags: string[]; followers: string[] }>
    >(
      `SELECT c.id,
         ARRAY(SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
               WHERE ct.conversation_id = c.id ORDER BY t.name) AS tags,
         ARRAY(SELECT f.user_id::text FROM conversation_followers f
               WHERE f.conversation_id = c.id ORDER BY f.created_at) AS followers
       FROM unnest($1::uuid[]) AS c(id)`,
      [conversationIds],
    );
    return new Map(rows.map((r) => [r.id, { tags: r.tags, followers: r.followers }]));
  }

  async conversationTagNames(conversationId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.m(manager).query<Array<{ name: string }>>(
      'SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.conversation_id = $1 ORDER BY t.name',
      [conversationId],
    );
    return rows.map((r) => r.name);
  }

  /** One page of a view with its filters, newest activity first, keyset-paginated. */
  async list(
    workspaceId: string,
    userId: string,
    query: ConversationQuery,
  ): Promise<ConversationRow[]> {
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
    if (query.search) {
      where.push(
        `(c.search_vector @@ plainto_tsquery('simple', ${p(query.search.simple)}) OR c.search_vector @@ plainto_tsquery('english', ${p(query.search.english)}))`,
      );
    }
    if (query.cursor)
      where.push(
        `(c.last_message_at, c.id) < (${p(query.cursor.lastMessageAt)}::timestamptz, ${p(query.cursor.id)}::uuid)`,
      );
    const rows = await this.m().query<RawRow[]>(
      `SELECT c.id AS c_id, co.id AS contact_id, co.name AS contact_name, co.emails AS contact_emails, co.phones AS contact_phones,
              co.external_id AS contact_external_id, u.name AS assignee_name, tm.name AS team_name,
              ARRAY(SELECT t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.conversation_id = c.id ORDER BY t.name) AS tags,
              ARRAY(SELECT f.user_id::text FROM conversation_followers f WHERE f.conversation_id = c.id ORDER BY f.created_at) AS followers
       FROM conversations c
       LEFT JOIN contacts co ON co.id = c.contact_id
       LEFT JOIN users u ON u.id = c.assignee_id
       LEFT JOIN teams tm ON tm.id = c.team_id
       WHERE ${where.join(' AND ')}
       ORDER BY c.last_message_at DESC, c.id DESC
       LIMIT ${p(query.limit)}`,
      params,
    );
    const conversations = await this.m().find(Conversation, {
      where: { workspaceId, id: In(rows.map((r) => r.c_id)) },
    });
    const byId = new Map(conversations.map((c) => [c.id, c]));
    return rows.flatMap((row) => {
      const conversation = byId.get(row.c_id);
      if (!conversation) return [];
      return [
        {
          conversation,
          contact: row.contact_id
            ? {
                id: row.contact_id,
                name: row.contact_name,
                emails: row.contact_emails ?? [],
                phones: row.contact_phones ?? [],
                externalId: row.contact_external_id,
              }
            : null,
          assignee:
            conversation.assigneeId && row.assignee_name !== null
              ? { id: conversation.assigneeId, name: row.assignee_name }
              : null,
          team:
            conversation.teamId && row.team_name !== null
              ? { id: conversation.teamId, name: row.team_name }
              : null,
          tags: row.tags,
          followers: row.followers,
        },
      ];
    });
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
    const rows = await this.m().query<
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

  /** Idempotency-Key: claims the key (waiting for a concurrent holder) or returns what it answered. */
  async claimIdempotencyKey(
    workspaceId: string,
    key: string,
    requestHash: string,
    manager: EntityManager,
  ): Promise<{ claimed: true } | { claimed: false; requestHash: string; response: unknown }> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO idempotency_keys (workspace_id, key, request_hash, response) VALUES ($1, $2, $3, 'null'::jsonb) ON CONFLICT DO NOTHING RETURNING key`,
      [workspaceId, key, requestHash],
    );
    if (inserted.length > 0) return { claimed: true };
    const rows = await manager.query<Array<{ request_hash: string; response: unknown }>>(
      'SELECT request_hash, response FROM idempotency_keys WHERE workspace_id = $1 AND key = $2',
      [workspaceId, key],
    );
    return { claimed: false, requestHash: rows[0].request_hash, response: rows[0].response };
  }

  async storeIdempotentResponse(
    workspaceId: string,
    key: string,
    response: unknown,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      'UPDATE idempotency_keys SET response = $3 WHERE workspace_id = $1 AND key = $2',
      [workspaceId, key, JSON.stringify(response)],
    );
  }

  /** The newest committed sequence number (writers hold its row lock until they commit). */
  async lastEventSeq(workspaceId: string): Promise<number> {
    const rows = await this.m().query<Array<{ last_seq: string }>>(
      'SELECT last_seq FROM event_sequences WHERE workspace_id = $1',
      [workspaceId],
    );
    return rows.length > 0 ? Number(rows[0].last_seq) : 0;
  }

  /** Events of mailboxes the member cannot see are skipped (their seq numbers simply pass). */
  async eventsAfter(
    workspaceId: string,
    after: number,
    limit: number,
    mailboxIds: string[] | null,
  ): Promise<Array<{ seq: string; type: string; created_at: Date; payload: unknown }>> {
    return this.m().query(
      `SELECT seq, type, created_at, payload FROM outbox
       WHERE workspace_id = $1 AND seq > $2 AND seq IS NOT NULL AND type = ANY($5::text[])
         AND ($4::text[] IS NULL OR payload->>'mailboxId' IS NULL
              OR payload->>'mailboxId' = ANY($4::text[]) OR payload->>'previousMailboxId' = ANY($4::text[]))
       ORDER BY seq LIMIT $3`,
      [workspaceId, after, limit, mailboxIds, REALTIME_EVENTS],
    );
  }
}
