import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@sanad/queue';
import { DataSource, type EntityManager } from 'typeorm';
import { InboundEmail } from './entities/inbound-email.entity';

export type InboundToProcess = Pick<
  InboundEmail,
  'id' | 'workspaceId' | 'mailboxId' | 'envelopeFrom' | 'envelopeTo' | 'raw' | 'status'
>;

export interface RecipientRoute {
  workspaceId: string;
  mailboxId: string;
  archived: boolean;
}

/** The only file of the email channel that talks to PostgreSQL. */
@Injectable()
export class MailRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async route(kind: 'inbound' | 'custom', address: string): Promise<RecipientRoute | null> {
    const rows = await this.m().query<
      Array<{ workspace_id: string; mailbox_id: string; archived: boolean }>
    >(
      `SELECT a.workspace_id, a.mailbox_id, m.archived_at IS NOT NULL AS archived
       FROM mailbox_addresses a JOIN mailboxes m ON m.id = a.mailbox_id
       WHERE a.kind = $1 AND a.address = $2`,
      [kind, address],
    );
    const row = rows[0];
    return row
      ? { workspaceId: row.workspace_id, mailboxId: row.mailbox_id, archived: row.archived }
      : null;
  }

  async mailboxAddresses(
    workspaceId: string,
    mailboxId: string,
  ): Promise<Array<{ kind: 'inbound' | 'custom'; address: string }>> {
    return this.m().query(
      'SELECT kind, address FROM mailbox_addresses WHERE workspace_id = $1 AND mailbox_id = $2 ORDER BY kind, created_at',
      [workspaceId, mailboxId],
    );
  }

  /** False when the address already routes somewhere. */
  async addAddress(workspaceId: string, mailboxId: string, address: string): Promise<boolean> {
    const rows = await this.m().query<unknown[]>(
      `INSERT INTO mailbox_addresses (workspace_id, mailbox_id, kind, address)
       VALUES ($1, $2, 'custom', $3) ON CONFLICT DO NOTHING RETURNING id`,
      [workspaceId, mailboxId, address],
    );
    return rows.length > 0;
  }

  async removeAddress(workspaceId: string, mailboxId: string, address: string): Promise<void> {
    await this.m().query(
      `DELETE FROM mailbox_addresses WHERE workspace_id = $1 AND mailbox_id = $2 AND kind = 'custom' AND address = $3`,
      [workspaceId, mailboxId, address],
    );
  }

  /**
   * Stores a message as it arrived, one row per mailbox it reaches (the raw bytes are sent once),
   * with its processing event: one statement, no transaction round trips (this runs before every
   * `250`). Returns the stored ids.
   */
  storeInbound(
    input: {
      rows: Array<Pick<InboundEmail, 'id' | 'workspaceId' | 'mailboxId' | 'envelopeTo'>>;
      envelopeFrom: string;
      remoteIp: string | null;
      raw: Buffer;
    },
    event: { type: string; payloadKey: string },
  ): Promise<string[]> {
    const sql = `INSERT INTO inbound_emails
        (id, workspace_id, mailbox_id, envelope_to, envelope_from, remote_ip, size, raw)
      SELECT r.id, r.workspace_id, r.mailbox_id, r.envelope_to, $2, $3, $4, $5
      FROM jsonb_to_recordset($1::jsonb)
        AS r(id uuid, workspace_id uuid, mailbox_id uuid, envelope_to text[])
      RETURNING id`;
    const params = [
      JSON.stringify(
        input.rows.map((row) => ({
          id: row.id,
          workspace_id: row.workspaceId,
          mailbox_id: row.mailboxId,
          envelope_to: row.envelopeTo,
        })),
      ),
      input.envelopeFrom,
      input.remoteIp,
      input.raw.length,
      input.raw,
    ];
    return this.outbox.insertWithEvents(this.m(), { sql, params }, event);
  }

  /** The stored message to process, locked, with only what processing reads (plain SQL: hot path). */
  async lockInbound(id: string, manager: EntityManager): Promise<InboundToProcess | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        workspace_id: string;
        mailbox_id: string;
        envelope_from: string;
        envelope_to: string[];
        raw: Buffer;
        status: InboundEmail['status'];
      }>
    >(
      `SELECT id, workspace_id, mailbox_id, envelope_from, envelope_to, raw, status
       FROM inbound_emails WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          workspaceId: row.workspace_id,
          mailboxId: row.mailbox_id,
          envelopeFrom: row.envelope_from,
          envelopeTo: row.envelope_to,
          raw: row.raw,
          status: row.status,
        }
      : null;
  }

  async finishInbound(
    id: string,
    patch: Pick<InboundEmail, 'status'> &
      Partial<Pick<InboundEmail, 'conversationId' | 'messageId' | 'error'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE inbound_emails SET status = $2, conversation_id = $3, message_id = $4, error = $5,
         processed_at = now()
       WHERE id = $1`,
      [
        id,
        patch.status,
        patch.conversationId ?? null,
        patch.messageId ?? null,
        patch.error ?? null,
      ],
    );
  }

  async findInbound(workspaceId: string, id: string): Promise<InboundEmail | null> {
    return this.m().findOne(InboundEmail, { where: { workspaceId, id } });
  }

  /**
   * Whether this Message-ID was taken in already (a duplicate delivery) and whether the sender
   * or their domain is blocked, in one round trip.
   */
  async screen(
    workspaceId: string,
    emailMessageId: string,
    from: string,
    manager: EntityManager,
  ): Promise<{ duplicate: boolean; blocked: boolean }> {
    const domain = from.slice(from.lastIndexOf('@'));
    const rows = await manager.query<Array<{ duplicate: boolean; blocked: boolean }>>(
      `SELECT
         EXISTS (SELECT 1 FROM messages WHERE workspace_id = $1 AND email_message_id = $2) AS duplicate,
         EXISTS (SELECT 1 FROM blocked_senders WHERE workspace_id = $1 AND pattern = ANY($3)) AS blocked`,
      [workspaceId, emailMessageId, [from, domain]],
    );
    return rows[0];
  }

  /** The conversation holding the newest of these Message-IDs (ours or the customer's). */
  async conversationByMessageIds(
    workspaceId: string,
    ids: string[],
    manager: EntityManager,
  ): Promise<string | null> {
    if (ids.length === 0) return null;
    const rows = await manager.query<Array<{ conversation_id: string }>>(
      `SELECT conversation_id FROM messages
       WHERE workspace_id = $1 AND email_message_id = ANY($2) ORDER BY created_at DESC LIMIT 1`,
      [workspaceId, ids],
    );
    return rows[0]?.conversation_id ?? null;
  }

  /** A conversation with the emails of its contact, for the sender check (R13). */
  async conversationContact(
    workspaceId: string,
    conversationId: string,
    manager: EntityManager,
  ): Promise<{ id: string; contactEmails: string[] } | null> {
    const rows = await manager.query<Array<{ id: string; emails: string[] | null }>>(
      `SELECT c.id, co.emails FROM conversations c LEFT JOIN contacts co ON co.id = c.contact_id
       WHERE c.workspace_id = $1 AND c.id = $2`,
      [workspaceId, conversationId],
    );
    return rows[0] ? { id: rows[0].id, contactEmails: rows[0].emails ?? [] } : null;
  }

  /** The contact's recent email conversations in a mailbox, newest first (subject fallback). */
  recentConversations(
    workspaceId: string,
    mailboxId: string,
    contactId: string,
    since: Date,
    manager: EntityManager,
  ): Promise<Array<{ id: string; subject: string }>> {
    return manager.query(
      `SELECT id, subject FROM conversations
       WHERE workspace_id = $1 AND mailbox_id = $2 AND contact_id = $3 AND channel = 'email' AND last_message_at >= $4
       ORDER BY last_message_at DESC LIMIT 20`,
      [workspaceId, mailboxId, contactId, since],
    );
  }
}
