import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import {
  EventPresenters,
  OutboxDispatcher,
  type AnyDomainEvent,
  type DomainEvent,
  type OutboxConsumer,
} from '@sanad/queue';
import { WebhookDeliveriesRepository } from '../deliveries/webhook-deliveries.repository';
import { WebhookEndpointsRepository } from '../endpoints/webhook-endpoints.repository';
import {
  FANNED_OUT_EVENTS,
  envelopeBody,
  resourceIdOf,
  webhookTypesOf,
} from './webhook-events.util';
import { WebhookWorkspaces } from './webhook-workspaces';

type FannedOut = (typeof FANNED_OUT_EVENTS)[number];

/**
 * Turns committed events into deliveries, in the transaction holding the event's receipt: the
 * event is presented (the same data sockets get), its body frozen in a message, and a due
 * delivery written for each endpoint of the workspace subscribed to it. Paused endpoints get
 * theirs too (sent on resume); disabled ones do not. Events of workspaces without endpoints
 * get no job at all (`skips`).
 */
@Injectable()
export class WebhookFanOut implements OutboxConsumer<FannedOut>, OnModuleInit {
  readonly name = 'webhooks.fanout';
  readonly types = FANNED_OUT_EVENTS;

  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly presenters: EventPresenters,
    private readonly dispatcher: OutboxDispatcher,
    private readonly workspaces: WebhookWorkspaces,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  skips(event: DomainEvent): boolean {
    return !this.workspaces.mayHave(event.workspaceId);
  }

  async handle(event: AnyDomainEvent<FannedOut>): Promise<void> {
    if (!event.workspaceId) return;
    const candidates = await this.endpoints.subscribed(event.workspaceId, [
      event.type,
      'conversation.status_changed',
      'conversation.assigned',
    ]);
    if (candidates.length === 0) return;
    const [presented] = await this.presenters.present([event]);
    if (!presented) return;
    const firstAttemptAt = new Date(Date.now() + (this.config.webhookRetrySchedule[0] ?? 0) * 1000);
    for (const type of webhookTypesOf(presented)) {
      const takers = candidates
        .filter((e) => e.eventTypes.length === 0 || e.eventTypes.includes(type))
        .map((e) => e.id);
      if (takers.length === 0) continue;
      await this.deliveries.fanOut(
        {
          id: randomUUID(),
          workspaceId: event.workspaceId,
          eventId: event.id,
          eventType: type,
          resourceId: resourceIdOf(presented),
          body: envelopeBody(type, presented),
        },
        takers,
        firstAttemptAt,
      );
    }
  }
}
