import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { AttachmentsService, ConversationsService } from '@sanad/conversations';
import { TransactionRunner } from '@sanad/database';
import {
  JobQueue,
  OutboxDispatcher,
  type OutboxConsumer,
  type OutboxEventView,
} from '@sanad/queue';
import type { EntityManager } from 'typeorm';
import type { EmailDelivery } from './entities/email-delivery.entity';
import { composeEmail } from './outbound-email.composer';
import { failureReason, isPermanentFailure, MailTransports } from './mail-transport';
import { EMAIL_QUEUED } from './mail.events';
import { OutboundRepository } from './outbound.repository';

/** The delivery error an agent sees when neither the mailbox nor SMTP_URL can send. */
export const NO_OUTGOING_SERVER = 'no_outgoing_server';

/** A queued delivery this late for its attempt lost its job; the sweep queues it again. */
const OVERDUE_MS = 5 * 60 * 1000;

interface SendJob {
  messageId: string;
}

/**
 * Sends queued replies: the `email.queued` event becomes an `email.send` job with retries and
 * backoff; each attempt holds the delivery's row lock, so two runs never send one reply twice
 * at once, and a sent delivery is never sent again.
 */
@Injectable()
export class OutboundMailer implements OutboxConsumer, OnModuleInit {
  readonly name = 'email-outbound';
  private readonly logger = new Logger('OutboundMail');

  constructor(
    private readonly repo: OutboundRepository,
    private readonly transports: MailTransports,
    private readonly conversations: ConversationsService,
    private readonly attachments: AttachmentsService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly queue: JobQueue,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  accepts(type: string): boolean {
    return type === EMAIL_QUEUED;
  }

  async handle(event: OutboxEventView): Promise<void> {
    const { messageId, generation } = event.payload;
    if (typeof messageId !== 'string') return;
    await this.enqueue(
      messageId,
      `${messageId}:${typeof generation === 'number' ? generation : 0}`,
    );
  }

  /** Worker role: take send jobs. */
  listen(concurrency = 4): void {
    this.queue.process<SendJob>('email.send', concurrency, (job) => this.send(job.messageId));
  }

  /** Queues again the deliveries whose job went missing; returns how many. */
  async requeueOverdue(now = new Date()): Promise<number> {
    const overdue = await this.repo.overdueDeliveries(new Date(now.getTime() - OVERDUE_MS), 100);
    for (const d of overdue) await this.enqueue(d.messageId, `${d.messageId}:sweep:${d.attempts}`);
    return overdue.length;
  }

  /** One attempt. Throws on a failure worth retrying, so the queue backs off and runs it again. */
  async send(messageId: string): Promise<void> {
    const retry = await this.tx.run(async (manager): Promise<Error | null> => {
      const delivery = await this.repo.lockDelivery(messageId, manager);
      if (!delivery || delivery.status !== 'queued') return null;
      const context = await this.repo.sendContext(messageId);
      if (!context) return null;
      const settings = await this.repo.settings(delivery.mailboxId, manager);
      const inboundAddress = `${context.inboundLocalPart ?? 'mailbox'}@${this.config.inboundDomain}`;
      const server = this.transports.server({ id: delivery.mailboxId, inboundAddress }, settings);
      if (!server) {
        await this.finish(delivery, { status: 'failed', error: NO_OUTGOING_SERVER }, manager);
        return null;
      }
      const files = await this.attachments.contentsOf(delivery.workspaceId, messageId);
      const mail = composeEmail({
        context,
        kind: delivery.kind,
        recipients: delivery.recipients,
        server,
        inboundAddress,
        thread: await this.repo.threadIds(context.conversationId, messageId),
        files: files.map(({ attachment, data }) => ({
          fileName: attachment.fileName,
          contentType: attachment.contentType,
          contentId: attachment.contentId,
          data,
        })),
      });
      const attempts = delivery.attempts + 1;
      try {
        const info = (await server.transport.sendMail(mail)) as { response?: string };
        await this.finish(
          delivery,
          {
            status: 'sent',
            error: null,
            attempts,
            smtpResponse: (info.response ?? '').slice(0, 500),
            sentAt: new Date(),
          },
          manager,
        );
        return null;
      } catch (error) {
        const reason = failureReason(error);
        this.logger.warn(`reply ${messageId} attempt ${attempts} failed: ${reason}`);
        if (isPermanentFailure(error) || attempts >= this.config.outboundMailAttempts) {
          await this.finish(delivery, { status: 'failed', error: reason, attempts }, manager);
          return null;
        }
        const delay = this.config.outboundMailBackoffMs * 2 ** (attempts - 1);
        await this.repo.updateDelivery(
          messageId,
          { attempts, error: reason, nextAttemptAt: new Date(Date.now() + delay) },
          manager,
        );
        await this.conversations.setDelivery(
          delivery.workspaceId,
          messageId,
          { status: 'queued', error: reason },
          manager,
        );
        return error instanceof Error ? error : new Error(reason);
      }
    });
    // Thrown after the attempt is recorded, so the queue backs off and tries again.
    if (retry) throw retry;
  }

  private async finish(
    delivery: EmailDelivery,
    patch: Partial<
      Pick<EmailDelivery, 'status' | 'error' | 'attempts' | 'smtpResponse' | 'sentAt'>
    > & { status: 'sent' | 'failed' },
    manager: EntityManager,
  ): Promise<void> {
    await this.repo.updateDelivery(delivery.messageId, patch, manager);
    await this.conversations.setDelivery(
      delivery.workspaceId,
      delivery.messageId,
      { status: patch.status, error: patch.error ?? null },
      manager,
    );
  }

  private async enqueue(messageId: string, jobId: string): Promise<void> {
    await this.queue.add<SendJob>(
      'email.send',
      { messageId },
      {
        jobId: `email.send:${jobId}`,
        attempts: this.config.outboundMailAttempts,
        backoffMs: this.config.outboundMailBackoffMs,
      },
    );
  }
}
