import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { MemberDirectory } from '@sanad/accounts';
import { AttachmentsService, IntakeService } from '@sanad/conversations';
import { TransactionRunner } from '@sanad/database';
import { JobQueue, OutboxDispatcher, type DomainEvent, type OutboxConsumer } from '@sanad/queue';
import { emailBrand } from './branded-email.layout';
import type { EmailDelivery } from './entities/email-delivery.entity';
import { composeEmail } from './outbound-email.composer';
import { failureReason, isPermanentFailure, MailTransports } from './mail-transport';
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
export class OutboundMailer implements OutboxConsumer<'email.queued'>, OnModuleInit {
  readonly name = 'email-outbound';
  readonly types = ['email.queued'] as const;
  private readonly logger = new Logger('OutboundMail');

  constructor(
    private readonly repo: OutboundRepository,
    private readonly transports: MailTransports,
    private readonly intake: IntakeService,
    private readonly members: MemberDirectory,
    private readonly attachments: AttachmentsService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly queue: JobQueue,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  async handle(event: DomainEvent<'email.queued'>): Promise<void> {
    const { messageId, generation } = event.payload;
    await this.enqueue(messageId, `${messageId}:${generation}`);
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
    const retry = await this.tx.run(async (): Promise<Error | null> => {
      const delivery = await this.repo.lockDelivery(messageId);
      if (!delivery || delivery.status !== 'queued') return null;
      const found = await this.intake.outboundContext(messageId);
      if (!found) return null;
      const authorName = found.authorUserId
        ? ((await this.members.names(found.workspaceId, [found.authorUserId])).get(
            found.authorUserId,
          ) ?? null)
        : null;
      const context = { ...found, authorName };
      const settings = await this.repo.settings(delivery.mailboxId);
      const localPart = await this.repo.inboundLocalPart(delivery.mailboxId);
      const inboundAddress = `${localPart ?? 'mailbox'}@${this.config.inboundDomain}`;
      const server = this.transports.server({ id: delivery.mailboxId, inboundAddress }, settings);
      if (!server) {
        await this.finish(delivery, { status: 'failed', error: NO_OUTGOING_SERVER });
        return null;
      }
      const files = await this.attachments.contentsOf(delivery.workspaceId, messageId);
      const workspace = await this.members.workspaceBrand(delivery.workspaceId);
      const mail = composeEmail({
        context,
        kind: delivery.kind,
        recipients: delivery.recipients,
        server,
        inboundAddress,
        thread: await this.intake.emailThreadIds(context.conversationId, messageId),
        brand: emailBrand(workspace, this.config.publicUrl, context.mailboxName),
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
        await this.finish(delivery, {
          status: 'sent',
          error: null,
          attempts,
          smtpResponse: (info.response ?? '').slice(0, 500),
          sentAt: new Date(),
        });
        return null;
      } catch (error) {
        const reason = failureReason(error);
        this.logger.warn(`reply ${messageId} attempt ${attempts} failed: ${reason}`);
        if (isPermanentFailure(error) || attempts >= this.config.outboundMailAttempts) {
          await this.finish(delivery, { status: 'failed', error: reason, attempts });
          return null;
        }
        const delay = this.config.outboundMailBackoffMs * 2 ** (attempts - 1);
        await this.repo.updateDelivery(messageId, {
          attempts,
          error: reason,
          nextAttemptAt: new Date(Date.now() + delay),
        });
        await this.intake.setDelivery(delivery.workspaceId, messageId, {
          status: 'queued',
          error: reason,
        });
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
  ): Promise<void> {
    await this.repo.updateDelivery(delivery.messageId, patch);
    await this.intake.setDelivery(delivery.workspaceId, delivery.messageId, {
      status: patch.status,
      error: patch.error ?? null,
    });
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
