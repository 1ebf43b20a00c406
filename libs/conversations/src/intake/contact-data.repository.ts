import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

export interface ContactConversationRow {
  id: string;
  number: number;
  subject: string;
  status: string;
  channel: string;
  created_at: Date;
  closed_at: Date | null;
}

export interface ContactMessageRow {
  id: string;
  conversation_id: string;
  kind: string;
  author_type: string;
  author_user_id: string | null;
  author_contact_id: string | null;
  body_text: string;
  body_html: string | null;
  created_at: Date;
}

export interface ContactAttachmentRow {
  id: string;
  conversation_id: string | null;
  message_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  storage_key: string;
}

/**
 * A person's conversations and what they wrote elsewhere (messages they authored in a
 * conversation merged into another's), for their personal-data export and their erasure.
 */
@Injectable()
export class ContactDataRepository {
  constructor(private readonly db: Db) {}

  conversations(workspaceId: string, contactId: string): Promise<ContactConversationRow[]> {
    return this.db.query(
      `SELECT id, number, subject, status, channel, created_at, closed_at FROM conversations
       WHERE workspace_id = $1 AND contact_id = $2 ORDER BY created_at, id`,
      [workspaceId, contactId],
    );
  }

  /** Messages of the person's conversations and the person's own messages anywhere. */
  messages(workspaceId: string, contactId: string): Promise<ContactMessageRow[]> {
    return this.db.query(
      `SELECT m.id, m.conversation_id, m.kind, m.author_type, m.author_user_id, m.author_contact_id,
         m.body_text, m.body_html, m.created_at
       FROM messages m
       WHERE m.workspace_id = $1 AND (m.author_contact_id = $2 OR m.conversation_id IN
         (SELECT c.id FROM conversations c WHERE c.workspace_id = $1 AND c.contact_id = $2))
       ORDER BY m.created_at, m.id`,
      [workspaceId, contactId],
    );
  }

  /** Attachments of those messages; `customerOnly`: of the person's own messages only. */
  attachments(
    workspaceId: string,
    contactId: string,
    customerOnly: boolean,
  ): Promise<ContactAttachmentRow[]> {
    return this.db.query(
      `SELECT a.id, a.conversation_id, a.message_id, a.file_name, a.content_type, a.size, a.storage_key
       FROM attachments a JOIN messages m ON m.id = a.message_id
       WHERE a.workspace_id = $1 AND (m.author_contact_id = $2 OR (NOT $3::boolean AND m.conversation_id IN
         (SELECT c.id FROM conversations c WHERE c.workspace_id = $1 AND c.contact_id = $2)))
       ORDER BY a.created_at, a.id`,
      [workspaceId, contactId, customerOnly],
    );
  }

  /**
   * Everything goes: create-once keys that answered with the conversations, the person's
   * messages elsewhere, the conversations (their messages, attachments, tags, followers and
   * deliveries with them, by cascade; the counts by trigger).
   */
  async deleteAll(workspaceId: string, contactId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM idempotency_keys k WHERE k.workspace_id = $1 AND k.response ->> 'conversationId' IN
         (SELECT c.id::text FROM conversations c WHERE c.workspace_id = $1 AND c.contact_id = $2)`,
      [workspaceId, contactId],
    );
    await this.db.query('DELETE FROM messages WHERE workspace_id = $1 AND author_contact_id = $2', [
      workspaceId,
      contactId,
    ]);
    await this.db.query('DELETE FROM conversations WHERE workspace_id = $1 AND contact_id = $2', [
      workspaceId,
      contactId,
    ]);
  }

  /**
   * Conversations stay for the team's statistics; what the person wrote is replaced by the
   * marker, their attachments go, the subject (theirs) too, and the search vector is emptied
   * (the caller indexes the team's remaining words again). Returns the conversations' ids.
   */
  async redact(workspaceId: string, contactId: string, marker: string): Promise<string[]> {
    await this.db.query(
      `DELETE FROM attachments a USING messages m
       WHERE a.message_id = m.id AND a.workspace_id = $1 AND m.author_contact_id = $2`,
      [workspaceId, contactId],
    );
    await this.db.query(
      `UPDATE messages SET body_text = $3, body_html = NULL, data = '{}'::jsonb
       WHERE workspace_id = $1 AND (author_contact_id = $2 OR (author_type = 'contact'
         AND conversation_id IN (SELECT c.id FROM conversations c WHERE c.workspace_id = $1 AND c.contact_id = $2)))`,
      [workspaceId, contactId, marker],
    );
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE conversations SET subject = $3, last_public_from = NULL,
         search_vector = ''::tsvector, updated_at = now()
       WHERE workspace_id = $1 AND contact_id = $2 RETURNING id`,
      [workspaceId, contactId, marker],
    );
    return rows.map((r) => r.id);
  }

  /** The team's words left in these conversations (replies and notes), to index again. */
  async remainingText(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.query<Array<{ id: string; text: string }>>(
      `SELECT m.conversation_id AS id, string_agg(m.body_text, ' ') AS text FROM messages m
       WHERE m.workspace_id = $1 AND m.conversation_id = ANY($2::uuid[])
         AND m.author_type = 'user' GROUP BY m.conversation_id`,
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.text]));
  }
}
