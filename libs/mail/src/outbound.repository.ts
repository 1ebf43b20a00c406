import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { BlockedSender } from './entities/blocked-sender.entity';
import { EmailDelivery } from './entities/email-delivery.entity';
import { MailboxEmailSettings } from './entities/mailbox-email-settings.entity';

export interface SendContext {
  messageId: string;
  workspaceId: string;
  text: string;
  emailMessageId: string | null;
  authorName: string | null;
  conversationId: string;
  subject: string;
  number: number;
  mailboxId: string;
  mailboxName: string;
  signature: string | null;
  inboundLocalPart: string | null;
}

/** PostgreSQL for the sending side: deliveries, mailbox settings, blocked senders. */
@Injectable()
export class OutboundRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  settings(mailboxId: string, manager?: EntityManager): Promise<MailboxEmailSettings | null> {
    return this.m(manager).findOne(MailboxEmailSettings, { where: { mailboxId } });
  }

  saveSettings(settings: MailboxEmailSettings): Promise<MailboxEmailSettings> {
    return this.m().save(MailboxEmailSettings, settings);
  }

  newSettings(workspaceId: string, mailboxId: string): MailboxEmailSettings {
    return this.m().create(MailboxEmailSettings, {
      workspaceId,
      mailboxId,
      smtpHost: null,
      smtpPort: null,
      smtpSecurity: 'starttls',
      smtpUser: null,
      smtpPasswordEnc: null,
      fromName: null,
      fromAddress: null,
      autoAckEnabled: false,
      autoAckAr: null,
      autoAckEn: null,
    });
  }

  async insertDelivery(
    data: Pick<
      EmailDelivery,
      'messageId' | 'workspaceId' | 'conversationId' | 'mailboxId' | 'kind' | 'recipients'
    > &
      Partial<Pick<EmailDelivery, 'status' | 'error'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(EmailDelivery, {
      status: 'queued',
      attempts: 0,
      error: null,
      nextAttemptAt: new Date(),
      ...data,
    });
  }

  delivery(messageId: string, manager?: EntityManager): Promise<EmailDelivery | null> {
    return this.m(manager).findOne(EmailDelivery, { where: { messageId } });
  }

  /** Locks the delivery for one sender; another holding it makes this return null at once. */
  async lockDelivery(messageId: string, manager: EntityManager): Promise<EmailDelivery | null> {
    return manager
      .createQueryBuilder(EmailDelivery, 'd')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('d.message_id = :messageId', { messageId })
      .getOne();
  }

  async updateDelivery(
    messageId: string,
    patch: Partial<
      Pick<
        EmailDelivery,
        'status' | 'attempts' | 'error' | 'smtpResponse' | 'nextAttemptAt' | 'sentAt'
      >
    >,
    manager?: EntityManager,
  ): Promise<void> {
    await this.m(manager).update(EmailDelivery, { messageId }, patch);
  }

  /** Queued deliveries well past their next attempt: their job was lost (a restart, Redis). */
  async overdueDeliveries(before: Date, limit: number): Promise<EmailDelivery[]> {
    return this.m()
      .createQueryBuilder(EmailDelivery, 'd')
      .where(`d.status = 'queued' AND d.next_attempt_at < :before`, { before })
      .orderBy('d.next_attempt_at')
      .limit(limit)
      .getMany();
  }

  /** What an outgoing email is made of: the message, its author, conversation and mailbox. */
  async sendContext(messageId: string): Promise<SendContext | null> {
    const rows = await this.m().query<SendContext[]>(
      `SELECT m.id AS "messageId", m.workspace_id AS "workspaceId", m.body_text AS "text",
              m.email_message_id AS "emailMessageId", u.name AS "authorName",
              c.id AS "conversationId", c.subject, c.number,
              mb.id AS "mailboxId", mb.name AS "mailboxName", mb.signature,
              (SELECT a.address FROM mailbox_addresses a
               WHERE a.mailbox_id = mb.id AND a.kind = 'inbound' LIMIT 1) AS "inboundLocalPart"
       FROM messages m
       JOIN conversations c ON c.id = m.conversation_id
       JOIN mailboxes mb ON mb.id = c.mailbox_id
       LEFT JOIN users u ON u.id = m.author_user_id
       WHERE m.id = $1`,
      [messageId],
    );
    return rows[0] ?? null;
  }

  /** What an auto-acknowledgement fills its placeholders with. */
  async ackContext(
    conversationId: string,
    manager: EntityManager,
  ): Promise<{ number: number; subject: string; mailboxName: string } | null> {
    const rows = await manager.query<
      Array<{ number: number; subject: string; mailboxName: string }>
    >(
      `SELECT c.number, c.subject, mb.name AS "mailboxName" FROM conversations c
       JOIN mailboxes mb ON mb.id = c.mailbox_id WHERE c.id = $1`,
      [conversationId],
    );
    return rows[0] ?? null;
  }

  /** Automatic messages this address got from the workspace since `since` (the R12 budget). */
  async autoRepliesTo(
    workspaceId: string,
    address: string,
    since: Date,
    manager: EntityManager,
  ): Promise<number> {
    const rows = await manager.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM email_deliveries
       WHERE workspace_id = $1 AND kind = 'auto_ack' AND created_at >= $2 AND $3 = ANY(recipients)`,
      [workspaceId, since, address],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** The conversation's email Message-IDs, oldest first (References) and the customer's newest. */
  async threadIds(
    conversationId: string,
    beforeMessageId: string,
  ): Promise<{ references: string[]; inReplyTo: string | null }> {
    const rows = await this.m().query<Array<{ email_message_id: string; author_type: string }>>(
      `SELECT email_message_id, author_type FROM messages
       WHERE conversation_id = $1 AND email_message_id IS NOT NULL AND id <> $2
         AND created_at <= (SELECT created_at FROM messages WHERE id = $2)
       ORDER BY created_at, id`,
      [conversationId, beforeMessageId],
    );
    const customer = rows.filter((r) => r.author_type === 'contact');
    return {
      references: rows.map((r) => r.email_message_id).slice(-20),
      inReplyTo: customer.at(-1)?.email_message_id ?? rows.at(-1)?.email_message_id ?? null,
    };
  }

  /** The address the customer last wrote from in this conversation. */
  async lastCustomerAddress(
    conversationId: string,
    manager: EntityManager,
  ): Promise<string | null> {
    const rows = await manager.query<Array<{ address: string | null }>>(
      `SELECT data->'email'->>'from' AS address FROM messages
       WHERE conversation_id = $1 AND author_type = 'contact' AND data->'email'->>'from' IS NOT NULL
       ORDER BY created_at DESC LIMIT 1`,
      [conversationId],
    );
    return rows[0]?.address ?? null;
  }

  /** The message (and its delivery) an outgoing Message-ID belongs to, for bounces. */
  async deliveryByEmailMessageId(
    workspaceId: string,
    emailMessageId: string,
    manager: EntityManager,
  ): Promise<EmailDelivery | null> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT m.id FROM messages m JOIN email_deliveries d ON d.message_id = m.id
       WHERE m.workspace_id = $1 AND m.email_message_id = $2`,
      [workspaceId, emailMessageId],
    );
    return rows[0] ? this.delivery(rows[0].id, manager) : null;
  }

  listBlocked(workspaceId: string): Promise<BlockedSender[]> {
    return this.m().find(BlockedSender, { where: { workspaceId }, order: { createdAt: 'DESC' } });
  }

  /** Whether an address or its domain is blocked in the workspace. */
  /** Null when the pattern is blocked already. */
  async insertBlocked(
    workspaceId: string,
    pattern: string,
    createdBy: string | null,
  ): Promise<BlockedSender | null> {
    const rows = await this.m().query<Array<{ id: string }>>(
      `INSERT INTO blocked_senders (id, workspace_id, pattern, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [randomUUID(), workspaceId, pattern, createdBy],
    );
    return rows[0] ? this.m().findOne(BlockedSender, { where: { id: rows[0].id } }) : null;
  }

  async deleteBlocked(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.m().delete(BlockedSender, { workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  /** Every address mail from Sanad leaves with or arrives at, for the own-address loop check. */
  async ownAddresses(workspaceId: string, manager: EntityManager): Promise<Set<string>> {
    const rows = await manager.query<Array<{ address: string }>>(
      `SELECT address FROM mailbox_addresses WHERE workspace_id = $1 AND kind = 'custom'
       UNION SELECT lower(from_address) FROM mailbox_email_settings
       WHERE workspace_id = $1 AND from_address IS NOT NULL`,
      [workspaceId],
    );
    return new Set(rows.map((r) => r.address));
  }
}
