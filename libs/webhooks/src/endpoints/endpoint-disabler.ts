import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@sanad/accounts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import type { WebhookDisabledReason } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { WebhookDeliveriesRepository } from '../deliveries/webhook-deliveries.repository';
import { WebhookEndpointsRepository, type EndpointRecord } from './webhook-endpoints.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Disables endpoints the receiver gave up on (410 Gone) or that failed without a success for
 * WEBHOOK_DISABLE_AFTER_DAYS, once their attempts are recorded: the endpoint stops, its
 * waiting deliveries fail (replay sends them later), the audit log says so, and the
 * `webhook.disabled` event has the admins told by email. Done once per endpoint however many
 * attempts asked for it.
 */
@Injectable()
export class EndpointDisabler {
  private readonly logger = new Logger('EndpointDisabler');
  private readonly due = new Map<string, WebhookDisabledReason>();

  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  later(endpointId: string, reason: WebhookDisabledReason): void {
    if (this.due.get(endpointId) !== 'gone') this.due.set(endpointId, reason);
  }

  laterIfFailing(endpoint: EndpointRecord, now = new Date()): void {
    if (endpoint.failingSince && endpoint.failingSince < this.failingBefore(now))
      this.later(endpoint.id, 'failing');
  }

  async run(now = new Date()): Promise<void> {
    const due = [...this.due];
    this.due.clear();
    for (const [endpointId, reason] of due)
      await this.disable(endpointId, reason, now).catch((error: Error) => {
        this.logger.warn(`disabling webhook ${endpointId}: ${error.message}`);
        this.later(endpointId, reason);
      });
  }

  private failingBefore(now: Date): Date {
    return new Date(now.getTime() - this.config.webhookDisableAfterDays * DAY_MS);
  }

  private async disable(id: string, reason: WebhookDisabledReason, now: Date): Promise<void> {
    await this.tx.run(async () => {
      const failingBefore = reason === 'failing' ? this.failingBefore(now) : null;
      if (!(await this.endpoints.disable(id, reason, failingBefore))) return;
      const [endpoint] = await this.endpoints.byIds([id]);
      await this.deliveries.failWaiting(id, `endpoint disabled (${reason})`);
      await this.audit.record({
        workspaceId: endpoint.workspaceId,
        actorUserId: null,
        action: 'webhook.disabled',
        targetType: 'webhook',
        targetId: id,
        data: { url: endpoint.url, reason },
      });
      await this.outbox.write({
        workspaceId: endpoint.workspaceId,
        type: 'webhook.disabled',
        payload: { endpointId: id, url: endpoint.url, reason },
      });
    });
    this.logger.warn(`webhook endpoint ${id} disabled (${reason})`);
  }
}
