import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { BlockedSender } from './entities/blocked-sender.entity';
import { EmailDelivery } from './entities/email-delivery.entity';
import { MailboxEmailSettings } from './entities/mailbox-email-settings.entity';

/** PostgreSQL for the sending side: deliveries, mailbox settings, blocked senders. */
@Injectable()
export class OutboundRepository {
  constructor(private readonly db: Db) {}

  settings(mailboxId: string): Promise<MailboxEmailSettings | null> {
    return this.db.manager.findOne(MailboxEmailSettings, { where: { mailboxId } });
  }

  saveSettings(settings: MailboxEmailSettings): Promise<MailboxEmailSettings> {
    return this.db.manager.save(MailboxEmailSettings, settings);
  }

  newSettings(workspaceId: string, mailboxId: string): MailboxEmailSettings {
    return this.db.manager.create(MailboxEmailSettings, {
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
  ): Promise<void> {
    await this.db.manager.insert(EmailDelivery, {
      status: 'queued',
      attempts: 0,
      error: null,
      nextAttemptAt: new Date(),
      ...data,
    });
  }

  delivery(messageId: string): Promise<EmailDelivery | null> {
    return this.db.manager.findOne(EmailDelivery, { where: { messageId } });
  }

  /** Locks the delivery for one sender; another holding it makes this return null at once. */
  async lockDelivery(messageId: string): Promise<EmailDelivery | null> {
    return this.db.manager
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
  ): Promise<void> {
    await this.db.manager.update(EmailDelivery, { messageId }, patch);
  }

  /** Queued deliveries well past their next attempt: their job was lost (a restart, Redis). */
  async overdueDeliveries(before: Date, limit: number): Promise<EmailDelivery[]> {
    return this.db.manager
      .createQueryBuilder(EmailDelivery, 'd')
      .where(`d.status = 'queued' AND d.next_attempt_at < :before`, { before })
      .orderBy('d.next_attempt_at')
      .limit(limit)
      .getMany();
  }

  /** Automatic messages this address got from the workspace since `since` (the R12 budget). */
  async autoRepliesTo(workspaceId: string, address: string, since: Date): Promise<number> {
    const rows = await this.db.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM email_deliveries
       WHERE workspace_id = $1 AND kind = 'auto_ack' AND created_at >= $2 AND $3 = ANY(recipients)`,
      [workspaceId, since, address],
    );
    return Number(rows[0]?.n ?? 0);
  }

  listBlocked(workspaceId: string): Promise<BlockedSender[]> {
    return this.db.manager.find(BlockedSender, {
      where: { workspaceId },
      order: { createdAt: 'DESC' },
    });
  }

  /** Null when the pattern is blocked already. */
  async insertBlocked(
    workspaceId: string,
    pattern: string,
    createdBy: string | null,
  ): Promise<BlockedSender | null> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO blocked_senders (id, workspace_id, pattern, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [randomUUID(), workspaceId, pattern, createdBy],
    );
    return rows[0] ? this.db.manager.findOne(BlockedSender, { where: { id: rows[0].id } }) : null;
  }

  async deleteBlocked(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.manager.delete(BlockedSender, { workspaceId, id });
    return (result.affected ?? 0) > 0;
  }

  /** One sealed SMTP password, if any is stored (the APP_SECRET check at start). */
  async someSealedPassword(): Promise<string | null> {
    const rows = await this.db.query<Array<{ sealed: string }>>(
      'SELECT smtp_password_enc AS sealed FROM mailbox_email_settings WHERE smtp_password_enc IS NOT NULL LIMIT 1',
    );
    return rows[0]?.sealed ?? null;
  }

  /** The local part of a mailbox's inbound address (`<slug>` of `<slug>@INBOUND_DOMAIN`). */
  async inboundLocalPart(mailboxId: string): Promise<string | null> {
    const rows = await this.db.query<Array<{ address: string }>>(
      `SELECT address FROM mailbox_addresses WHERE mailbox_id = $1 AND kind = 'inbound' LIMIT 1`,
      [mailboxId],
    );
    return rows[0]?.address ?? null;
  }

  /** Every address mail from Sanad leaves with or arrives at, for the own-address loop check. */
  async ownAddresses(workspaceId: string): Promise<Set<string>> {
    const rows = await this.db.query<Array<{ address: string }>>(
      `SELECT address FROM mailbox_addresses WHERE workspace_id = $1 AND kind = 'custom'
       UNION SELECT lower(from_address) FROM mailbox_email_settings
       WHERE workspace_id = $1 AND from_address IS NOT NULL`,
      [workspaceId],
    );
    return new Set(rows.map((r) => r.address));
  }
}
