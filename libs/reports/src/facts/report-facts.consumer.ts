import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { OutboxDispatcher, type AnyDomainEvent, type OutboxConsumer } from '@sanad/queue';
import { ReportsLive } from '../live/reports-live';
import { ReportFactsRefresher } from './report-facts.refresher';
import { ReportFactsService } from './report-facts.service';

const TYPES = [
  'conversation.created',
  'conversation.updated',
  'conversation.merged',
  'message.created',
  'message.updated',
  'contact.updated',
  'contact.merged',
] as const;
type Taken = (typeof TYPES)[number];

/**
 * Keeps report facts in step with conversations: every event that can change a conversation's
 * timeline queues the conversation, in the transaction holding the event's receipt, and the
 * refresher derives the queued ones in batches (a person's category change derives theirs at
 * once: rare, and possibly many). Its own queue, so reports never hold up mail or webhooks.
 */
@Injectable()
export class ReportFactsConsumer implements OutboxConsumer<Taken>, OnModuleInit {
  readonly name = 'reports.facts';
  readonly types = TYPES;
  readonly dispatchQueue: { name: 'reports.facts'; concurrency: number };

  constructor(
    private readonly facts: ReportFactsService,
    private readonly refresher: ReportFactsRefresher,
    private readonly live: ReportsLive,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dispatchQueue = { name: 'reports.facts', concurrency: config.reportsConcurrency };
  }

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  async handle(event: AnyDomainEvent<Taken>): Promise<void> {
    const workspaceId = event.workspaceId;
    if (!workspaceId) return;
    switch (event.type) {
      case 'conversation.created':
      case 'conversation.updated':
      case 'message.created':
      case 'message.updated':
        return this.queue(workspaceId, [event.payload.conversationId]);
      case 'conversation.merged':
        return this.queue(workspaceId, [event.payload.sourceId, event.payload.targetId]);
      case 'contact.updated': {
        const changed = event.payload.changed;
        if (changed && !changed.some((field) => /categor/i.test(field))) return;
        await this.facts.refreshContact(workspaceId, event.payload.contactId);
        break;
      }
      case 'contact.merged':
        await this.facts.refreshContact(workspaceId, event.payload.targetId);
        break;
    }
    await this.live.changed(workspaceId);
  }

  private async queue(workspaceId: string, ids: string[]): Promise<void> {
    await this.facts.queue(workspaceId, ids);
    this.refresher.soon();
  }
}
