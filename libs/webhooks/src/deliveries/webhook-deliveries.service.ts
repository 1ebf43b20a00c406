import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@sanad/accounts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import {
  WEBHOOK_TEST_EVENT,
  type PageView,
  type WebhookDeliveryDetailView,
  type WebhookDeliveryView,
  type WebhookEnvelope,
  type WebhookEventType,
  type WebhookReplayView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { WebhookAudit } from '../endpoints/webhook-audit';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { decodeDeliveryCursor, encodeDeliveryCursor } from './delivery-cursor.util';
import {
  WebhookDeliveriesRepository,
  type DeliveryFilter,
  type DeliveryRecord,
} from './webhook-deliveries.repository';
import type { ListWebhookDeliveriesDto } from './webhook-delivery.dto';
import { messageIdOf, webhookIdOf } from './webhook-id.util';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The delivery log and what admins do with it: look, redeliver, replay, send a test. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly repo: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsService,
    private readonly audit: WebhookAudit,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    principal: Principal,
    dto: ListWebhookDeliveriesDto,
  ): Promise<PageView<WebhookDeliveryView>> {
    const limit = dto.limit ?? 25;
    const filter: DeliveryFilter = {
      endpointId: dto.endpointId,
      eventType: dto.eventType,
      status: dto.status,
      from: dto.from,
      to: dto.to,
      limit: limit + 1,
      ...searchTerm(dto.q),
    };
    if (dto.cursor) {
      const before = decodeDeliveryCursor(dto.cursor);
      if (!before)
        throw new DomainError('request/validation', {}, [
          { field: 'cursor', code: 'invalidCursor' },
        ]);
      filter.before = before;
    }
    const rows = await this.repo.list(principal.workspaceId, filter);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(deliveryView),
      nextCursor: rows.length > limit && last ? encodeDeliveryCursor(last) : null,
    };
  }

  async detail(principal: Principal, id: string): Promise<WebhookDeliveryDetailView> {
    const delivery = await this.found(principal, id);
    const [requestBody, attempts] = await Promise.all([
      this.repo.body(delivery.messageId),
      this.repo.attempts(delivery.id),
    ]);
    return {
      delivery: deliveryView(delivery),
      requestBody,
      attempts: attempts.map((a) => ({ ...a, startedAt: a.startedAt.toISOString() })),
    };
  }

  /** One more attempt now, with the same `webhook-id` and body. */
  async redeliver(principal: Principal, id: string): Promise<WebhookDeliveryView> {
    await this.tx.run(async () => {
      const delivery = await this.found(principal, id);
      await this.endpoints.found(principal, delivery.endpointId);
      await this.repo.makeDue(principal.workspaceId, [id], 'redeliver');
      await this.audit.record(principal, 'webhook.redelivered', delivery.endpointId, {
        deliveryId: id,
      });
    });
    return deliveryView(await this.found(principal, id));
  }

  /** Every failed delivery of the endpoint since then, sent again now. */
  async replay(principal: Principal, endpointId: string, since: Date): Promise<WebhookReplayView> {
    return this.tx.run(async () => {
      await this.endpoints.found(principal, endpointId);
      const earliest = new Date(Date.now() - this.config.webhookLogDays * DAY_MS);
      const queued = await this.repo.replayFailed(
        principal.workspaceId,
        endpointId,
        since < earliest ? earliest : since,
      );
      await this.audit.record(principal, 'webhook.replayed', endpointId, {
        since: since.toISOString(),
        queued,
      });
      return { queued };
    });
  }

  /** A `webhook.test` delivery to the endpoint, whatever it subscribes to, paused or not. */
  async test(principal: Principal, endpointId: string): Promise<WebhookDeliveryView> {
    const endpoint = await this.endpoints.found(principal, endpointId);
    await this.endpoints.checkedUrl(endpoint.url);
    const messageId = randomUUID();
    const envelope: WebhookEnvelope = {
      type: WEBHOOK_TEST_EVENT,
      timestamp: new Date().toISOString(),
      workspaceId: principal.workspaceId,
      seq: null,
      data: {
        endpointId,
        message: 'رسالة تجريبية من سند — a test event from Sanad',
      },
    };
    await this.tx.run(async () => {
      await this.repo.fanOut(
        {
          id: messageId,
          workspaceId: principal.workspaceId,
          eventId: null,
          eventType: WEBHOOK_TEST_EVENT,
          resourceId: null,
          body: JSON.stringify(envelope),
        },
        [endpointId],
        new Date(),
      );
      await this.audit.record(principal, 'webhook.tested', endpointId, {});
    });
    const [delivery] = await this.repo.list(principal.workspaceId, {
      endpointId,
      messageId,
      limit: 1,
    });
    return deliveryView(delivery);
  }

  /** Deliveries and attempts older than WEBHOOK_LOG_DAYS go (housekeeping). */
  prune(now = new Date()): Promise<number> {
    return this.repo.prune(new Date(now.getTime() - this.config.webhookLogDays * DAY_MS));
  }

  private async found(principal: Principal, id: string): Promise<DeliveryRecord> {
    const delivery = await this.repo.find(principal.workspaceId, id);
    if (!delivery) throw new DomainError('webhook_delivery/not_found');
    return delivery;
  }
}

/** `q` is a `webhook-id` or a resource's uuid; anything else is a 400 naming it. */
function searchTerm(q: string | undefined): Pick<DeliveryFilter, 'messageId' | 'resourceId'> {
  const term = q?.trim();
  if (!term) return {};
  const messageId = messageIdOf(term);
  if (messageId) return { messageId };
  if (UUID.test(term)) return { resourceId: term.toLowerCase() };
  throw new DomainError('request/validation', {}, [{ field: 'q', code: 'webhookSearch' }]);
}

function deliveryView(d: DeliveryRecord): WebhookDeliveryView {
  return {
    id: d.id,
    endpointId: d.endpointId,
    webhookId: webhookIdOf(d.messageId),
    eventType: d.eventType as WebhookEventType,
    resourceId: d.resourceId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? (d.nextAttemptAt?.toISOString() ?? null) : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
