import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import type { MailboxKind } from '@sanad/contracts';
import type { Language } from '@sanad/core';

/** What a channel (email) reads to thread, dedupe and compose messages. */
export interface OutboundContext {
  messageId: string;
  workspaceId: string;
  text: string;
  emailMessageId: string | null;
  authorUserId: string | null;
  conversationId: string;
  subject: string;
  number: number;
  mailboxId: string;
  mailboxName: string;
  mailboxKind: MailboxKind;
  signature: string | null;
  /** The language the message was written in, when it was recorded (auto-acknowledgements). */
  language: Language | null;
  /** The message's data (an automatic message's one-click choices, see the mail composer). */
  data: Record<string, unknown>;
}

/** Lookups channels need in conversations and messages, by their own identifiers. */
@Injectable()
export class IntakeRepository {
  constructor(private readonly db: Db) {}

  /**
   * Whether this copy was taken in already: the same Message-ID with the same content (or, for
   * messages kept before content was hashed, with none).
   */
  async hasEmailCopy(
    workspaceId: string,
    emailMessageId: string,
    contentHash: string,
  ): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM messages WHERE workspace_id = $1 AND email_message_id = $2
         AND (email_content_hash = $3 OR email_content_hash IS NULL) LIMIT 1`,
      [workspaceId, emailMessageId, contentHash],
    );
    return rows.length > 0;
  }

  /**
   * Holds this Message-ID for the rest of the transaction: concurrent copies of one email wait
   * for each other, so the second sees the first as a duplicate instead of failing on the index.
   */
  async lockEmailMessageId(workspaceId: string, emailMessageId: string): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `${workspaceId}:${emailMessageId}`,
    ]);
  }

  /** The conversation holding the newest of these Message-IDs (ours or the customer's). */
  async conversationByEmailMessageIds(workspaceId: string, ids: string[]): Promise<string | null> {
    if (ids.length === 0) return null;
    const rows = await this.db.query<Array<{ conversation_id: string }>>(
      `SELECT conversation_id FROM messages
       WHERE workspace_id = $1 AND email_message_id = ANY($2) ORDER BY created_at DESC LIMIT 1`,
      [workspaceId, ids],
    );
    return rows[0]?.conversation_id ?? null;
  }

  /** The message that left or arrived with this Message-ID. */
  async messageByEmailMessageId(
    workspaceId: string,
    emailMessageId: string,
  ): Promise<{ id: string; conversationId: string } | null> {
    const rows = await this.db.query<Array<{ id: string; conversation_id: string }>>(
      'SELECT id, conversation_id FROM messages WHERE workspace_id = $1 AND email_message_id = $2 LIMIT 1',
      [workspaceId, emailMessageId],
    );
    return rows[0] ? { id: rows[0].id, conversationId: rows[0].conversation_id } : null;
  }

  /** What an outgoing message is made of: the message, its conversation and mailbox. */
  async outboundContext(messageId: string): Promise<OutboundContext | null> {
    const rows = await this.db.query<OutboundContext[]>(
      `SELECT m.id AS "messageId", m.workspace_id AS "workspaceId", m.body_text AS "text",
              m.email_message_id AS "emailMessageId", m.author_user_id AS "authorUserId",
              c.id AS "conversationId", c.subject, c.number,
              mb.id AS "mailboxId", mb.name AS "mailboxName", mb.kind AS "mailboxKind",
              mb.signature,
              CASE WHEN m.data->>'language' IN ('ar', 'en') THEN m.data->>'language' END
                AS "language",
              m.data
       FROM messages m
       JOIN conversations c ON c.id = m.conversation_id
       JOIN mailboxes mb ON mb.id = c.mailbox_id
       WHERE m.id = $1`,
      [messageId],
    );
    return rows[0] ?? null;
  }

  /** The conversation's email Message-IDs up to a message, oldest first, with their authors. */
  emailIdsBefore(
    conversationId: string,
    beforeMessageId: string,
  ): Promise<Array<{ email_message_id: string; author_type: string }>> {
    return this.db.query(
      `SELECT email_message_id, author_type FROM messages
       WHERE conversation_id = $1 AND email_message_id IS NOT NULL AND id <> $2
         AND created_at <= (SELECT created_at FROM messages WHERE id = $2)
       ORDER BY created_at, id`,
      [conversationId, beforeMessageId],
    );
  }

  /** The address the customer last wrote from in this conversation. */
  async lastCustomerAddress(conversationId: string): Promise<string | null> {
    const rows = await this.db.query<Array<{ address: string | null }>>(
      `SELECT data->'email'->>'from' AS address FROM messages
       WHERE conversation_id = $1 AND author_type = 'contact' AND data->'email'->>'from' IS NOT NULL
       ORDER BY created_at DESC LIMIT 1`,
      [conversationId],
    );
    return rows[0]?.address ?? null;
  }

  /** How many conversations a person has (a merge preview shows what moves). */
  /** The conversations whose customer this person is (also their merged-away messages' ones). */
  async contactConversationIds(workspaceId: string, contactId: string): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM conversations WHERE workspace_id = $1 AND contact_id = $2
       UNION SELECT conversation_id FROM messages WHERE workspace_id = $1 AND author_contact_id = $2`,
      [workspaceId, contactId],
    );
    return rows.map((r) => r.id);
  }

  async contactConversationCount(workspaceId: string, contactId: string): Promise<number> {
    const rows = await this.db.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM conversations WHERE workspace_id = $1 AND contact_id = $2',
      [workspaceId, contactId],
    );
    return rows[0].n;
  }

  /**
   * A merged person's conversations and the messages they wrote now belong to the survivor.
   * The moved conversations, for their search terms and events.
   */
  async moveContact(
    workspaceId: string,
    fromId: string,
    toId: string,
  ): Promise<Array<{ id: string; mailboxId: string }>> {
    const moved = await this.db.returning<{ id: string; mailbox_id: string }>(
      `UPDATE conversations SET contact_id = $3
       WHERE workspace_id = $1 AND contact_id = $2 RETURNING id, mailbox_id`,
      [workspaceId, fromId, toId],
    );
    await this.db.query(
      'UPDATE messages SET author_contact_id = $3 WHERE workspace_id = $1 AND author_contact_id = $2',
      [workspaceId, fromId, toId],
    );
    return moved.map((r) => ({ id: r.id, mailboxId: r.mailbox_id }));
  }
}
