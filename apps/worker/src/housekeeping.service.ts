import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ContactImportRunner, PeopleService } from '@sanad/contacts';
import { ApiConversationsService, AttachmentsService, SnoozeService } from '@sanad/conversations';
import { IDEMPOTENCY_KEY_HOURS, IdempotentRequests } from '@sanad/idempotency';
import { OutboundMailer } from '@sanad/mail';
import { OutboxRelay } from '@sanad/queue';
import { ReportFactsService } from '@sanad/reports';
import { NpsSurveySender, RatingRequestSender } from '@sanad/satisfaction';
import { WebhookDeliveriesService } from '@sanad/webhooks';
import { writeFile } from 'node:fs/promises';
import { WORKER_HEARTBEAT_EVERY_MS, WORKER_HEARTBEAT_FILE } from '@sanad/core';

const SNOOZE_EVERY_MS = 15_000;
const ATTACHMENTS_EVERY_MS = 60 * 60 * 1000;
const LOST_SENDS_EVERY_MS = 60_000;
const ORPHAN_IMPORTS_EVERY_MS = 30_000;
const IDEMPOTENCY_KEYS_EVERY_MS = 60 * 60 * 1000;
const WEBHOOK_LOG_EVERY_MS = 60 * 60 * 1000;
const REPORT_ROLLUPS_EVERY_MS = 60_000;

/**
 * Timed work of the worker: snoozed conversations wake up, unsent uploads are removed, email
 * sends whose job was lost are queued again, imports whose runner is gone resume, Idempotency-Key
 * rows older than a day go, webhook deliveries older than WEBHOOK_LOG_DAYS go, rating requests
 * that are due are sent, NPS survey emails go out at each workspace's pace, the report rollups' appended rows are
 * folded. All are
 * idempotent, so several worker processes may run them at once.
 */
@Injectable()
export class Housekeeping implements OnApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly snooze: SnoozeService,
    private readonly attachments: AttachmentsService,
    private readonly mailer: OutboundMailer,
    private readonly relay: OutboxRelay,
    private readonly imports: ContactImportRunner,
    private readonly keys: IdempotentRequests,
    private readonly apiConversations: ApiConversationsService,
    private readonly people: PeopleService,
    private readonly webhooks: WebhookDeliveriesService,
    private readonly ratingRequests: RatingRequestSender,
    private readonly npsSurveys: NpsSurveySender,
    private readonly reportFacts: ReportFactsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    this.every(SNOOZE_EVERY_MS, 'snooze', () => this.snooze.wakeDue());
    this.every(ATTACHMENTS_EVERY_MS, 'attachments', () => this.attachments.sweepAbandoned());
    this.every(LOST_SENDS_EVERY_MS, 'lost email sends', () => this.mailer.requeueOverdue());
    // An import whose worker died (or whose job was lost) goes on from its last batch.
    this.every(ORPHAN_IMPORTS_EVERY_MS, 'orphaned imports', () => this.imports.resumeOrphans());
    this.every(IDEMPOTENCY_KEYS_EVERY_MS, 'idempotency keys', () => this.pruneIdempotencyKeys());
    this.every(WEBHOOK_LOG_EVERY_MS, 'webhook log', () => this.webhooks.prune());
    this.every(this.config.ratingRequestsEveryMs, 'rating requests', () =>
      this.ratingRequests.sendDue(),
    );
    this.every(this.config.npsSurveysEveryMs, 'NPS survey emails', () => this.npsSurveys.sendDue());
    this.every(REPORT_ROLLUPS_EVERY_MS, 'report rollups folded', () =>
      this.reportFacts.compactRollups(),
    );
    this.every(WORKER_HEARTBEAT_EVERY_MS, 'heartbeat', () => this.heartbeat());
    // The relay's first pass is under way: report soon after it, not only in 15 s.
    setTimeout(() => void this.heartbeat(), 2000).unref();
  }

  /** Keys are kept at least IDEMPOTENCY_KEY_HOURS, in each of the three tables that hold them. */
  async pruneIdempotencyKeys(): Promise<number> {
    const removed = await Promise.all([
      this.keys.prune(),
      this.apiConversations.pruneIdempotencyKeys(IDEMPOTENCY_KEY_HOURS),
      this.people.pruneIdempotencyKeys(IDEMPOTENCY_KEY_HOURS),
    ]);
    return removed.reduce((a, b) => a + b, 0);
  }

  /** The container health check reads this file's age: fresh while the relay keeps passing. */
  private async heartbeat(): Promise<number> {
    if (this.relay.healthy(WORKER_HEARTBEAT_EVERY_MS * 2))
      await writeFile(WORKER_HEARTBEAT_FILE, new Date().toISOString()).catch(() => undefined);
    return 0;
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  private every(ms: number, name: string, run: () => Promise<number>): void {
    let running = false;
    const tick = (): void => {
      if (running) return;
      running = true;
      run()
        .then((n) => n > 0 && this.logger.log(`${name}: ${n} done`))
        .catch((error: Error) => this.logger.warn(`${name} failed: ${error.message}`))
        .finally(() => (running = false));
    };
    const timer = setInterval(tick, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
