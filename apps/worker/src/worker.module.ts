import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ContactImportRunner, ContactsModule, PersonalDataService } from '@sanad/contacts';
import { ConversationsModule } from '@sanad/conversations';
import { IdempotencyModule } from '@sanad/idempotency';
import { MailLibModule, OutboundMailer } from '@sanad/mail';
import { OutboxDispatcher, OutboxRelay } from '@sanad/queue';
import { ReportFactsRefresher, ReportFactsService, ReportsModule } from '@sanad/reports';
import { SatisfactionModule } from '@sanad/satisfaction';
import { WebhookDeliverer, WebhooksModule } from '@sanad/webhooks';
import { Housekeeping } from './housekeeping.service';

/**
 * Background work: relays the outbox to the queue, runs its consumers, sends email and webhooks,
 * and runs timed housekeeping.
 */
@Module({
  imports: [
    ContactsModule,
    ConversationsModule,
    MailLibModule,
    WebhooksModule,
    IdempotencyModule,
    ReportsModule,
    SatisfactionModule,
  ],
  providers: [Housekeeping],
})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly dispatcher: OutboxDispatcher,
    private readonly housekeeping: Housekeeping,
    private readonly mailer: OutboundMailer,
    private readonly erasure: PersonalDataService,
    private readonly imports: ContactImportRunner,
    private readonly webhooks: WebhookDeliverer,
    private readonly reportFacts: ReportFactsService,
    private readonly reportRefresher: ReportFactsRefresher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.dispatcher.listen(this.config.workerConcurrency);
    this.mailer.listen();
    this.erasure.listen();
    this.imports.listen();
    await this.relay.start();
    await this.webhooks.start();
    this.housekeeping.start();
    this.reportRefresher.start();
    // Conversations from before reports existed: derived in the background, resumable.
    void this.reportFacts
      .backfill()
      .then((n) => n > 0 && this.logger.log(`report facts derived for ${n} conversations`))
      .catch((error: Error) => this.logger.warn(`report backfill stopped: ${error.message}`));
    this.logger.log('outbox relay and dispatcher running');
  }
}
