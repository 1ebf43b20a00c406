import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { InboundEmail } from './entities/inbound-email.entity';

export type InboundToProcess = Pick<
  InboundEmail,
  'id' | 'workspaceId' | 'mailboxId' | 'envelopeFrom' | 'envelopeTo' | 'raw' | 'status'
> & {
  /** Whether its mailbox sends an auto-acknowledgement (read with the row: one statement less). */
  autoAck: boolean;
};

export interface RecipientRoute {
  workspaceId: string;
  mailboxId: string;
  archived: boolean;
}

/** Inbound mail and mailbox addresses. */
@Injectable()
export class MailRepository {
  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxWriter,
  ) {}

  async route(
    kind: 'inbound' | 'custom',
    address: string,
  ): Promise<{ workspaceId: string; mailboxId: string } | null> {
    const rows = await this.db.query<Array<{ workspace_id: string; mailbox_id: string }>>(
      'SELECT workspace_id, mailbox_id FROM mailbox_addresses WHERE kind = $1 AND address = $2',
      [kind, address],
    );
    const row = rows[0];
    return row ? { workspaceId: row.workspace_id, mailboxId: row.mailbox_id } : null;
  }

  async mailboxAddresses(
    workspaceId: string,
    mailboxId: string,
  ): Promise<Array<{ kind: 'inbound' | 'custom'; address: string }>> {
    return this.db.query(
      'SELECT kind, address FROM mailbox_addresses WHERE workspace_id = $1 AND mailbox_id = $2 ORDER BY kind, created_at',
      [workspaceId, mailboxId],
    );
  }

  /** False when the address already routes somewhere. */
  async addAddress(workspaceId: string, mailboxId: string, address: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `INSERT INTO mailbox_addresses (workspace_id, mailbox_id, kind, address)
       VALUES ($1, $2, 'custom', $3) ON CONFLICT DO NOTHING RETURNING id`,
      [workspaceId, mailboxId, address],
    );
    return rows.length > 0;
  }

  async removeAddress(workspaceId: string, mailboxId: string, address: string): Promise<void> {
    await this.db.query(
      `DELETE FROM mailbox_addresses WHERE workspace_id = $1 AND mailbox_id = $2 AND kind = 'custom' AND address = $3`,
      [workspaceId, mailboxId, address],
    );
  }

  /**
   * Stores a message as it arrived, one row per mailbox it reaches (the raw bytes are sent once),
   * with its processing event: one statement, no transaction round trips (this runs before every
   * `250`). Returns the stored ids.
   */
  storeInbound(input: {
    rows: Array<Pick<InboundEmail, 'id' | 'workspaceId' | 'mailboxId' | 'envelopeTo'>>;
    envelopeFrom: string;
    remoteIp: string | null;
    raw: Buffer;
  }): Promise<string[]> {
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
    return this.outbox.insertWithEvents(
      { sql, params },
      { type: 'email.received', payloadKey: 'inboundEmailId' },
    );
  }

  /** The stored message to process, locked, with only what processing reads (plain SQL: hot path). */
  async lockInbound(id: string): Promise<InboundToProcess | null> {
    const rows = await this.db.query<
      Array<{
        id: string;
        workspace_id: string;
        mailbox_id: string;
        envelope_from: string;
        envelope_to: string[];
        raw: Buffer;
        status: InboundEmail['status'];
        auto_ack: boolean | null;
      }>
    >(
      `SELECT i.id, i.workspace_id, i.mailbox_id, i.envelope_from, i.envelope_to, i.raw, i.status,
              s.auto_ack_enabled AS auto_ack
       FROM inbound_emails i LEFT JOIN mailbox_email_settings s ON s.mailbox_id = i.mailbox_id
       WHERE i.id = $1 FOR UPDATE OF i`,
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
          autoAck: row.auto_ack === true,
        }
      : null;
  }

  async finishInbound(
    id: string,
    patch: Pick<InboundEmail, 'status'> &
      Partial<Pick<InboundEmail, 'conversationId' | 'messageId' | 'error'>>,
  ): Promise<void> {
    await this.db.query(
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
    return this.db.manager.findOne(InboundEmail, { where: { workspaceId, id } });
  }

  /** Whether any mail has arrived for the workspace (the first-run guide's email step). */
  async anyInbound(workspaceId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      'SELECT 1 FROM inbound_emails WHERE workspace_id = $1 LIMIT 1',
      [workspaceId],
    );
    return rows.length > 0;
  }

  /** Whether the sender or their domain is blocked in the workspace. */
  async blocked(workspaceId: string, from: string): Promise<boolean> {
    const domain = from.slice(from.lastIndexOf('@'));
    const rows = await this.db.query<unknown[]>(
      'SELECT 1 FROM blocked_senders WHERE workspace_id = $1 AND pattern = ANY($2) LIMIT 1',
      [workspaceId, [from, domain]],
    );
    return rows.length > 0;
  }
}
