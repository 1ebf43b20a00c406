import { Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import type { WebhookEndpointView } from '@sanad/contracts';
import { WebhookEndpointsRepository, type EndpointRecord } from './webhook-endpoints.repository';

/** Endpoints as admins see them: never the secrets; health and creator for a batch at once. */
@Injectable()
export class WebhookEndpointViews {
  constructor(
    private readonly repo: WebhookEndpointsRepository,
    private readonly members: MemberDirectory,
  ) {}

  async one(record: EndpointRecord): Promise<WebhookEndpointView> {
    return (await this.many(record.workspaceId, [record]))[0];
  }

  async many(workspaceId: string, records: EndpointRecord[]): Promise<WebhookEndpointView[]> {
    const [health, names] = await Promise.all([
      this.repo.health(
        workspaceId,
        records.map((r) => r.id),
      ),
      this.members.names(
        workspaceId,
        records.flatMap((r) => (r.createdByUserId ? [r.createdByUserId] : [])),
      ),
    ]);
    const byId = new Map(health.map((h) => [h.endpointId, h]));
    return records.map((r) => {
      const h = byId.get(r.id);
      return {
        id: r.id,
        url: r.url,
        description: r.description,
        events: r.eventTypes,
        status: r.status,
        disabledReason: r.disabledReason,
        disabledAt: r.disabledAt?.toISOString() ?? null,
        headers: r.headers,
        previousSecretExpiresAt:
          r.previousSecretExpiresAt && r.previousSecretExpiresAt > new Date()
            ? r.previousSecretExpiresAt.toISOString()
            : null,
        createdBy: r.createdByUserId
          ? { id: r.createdByUserId, name: names.get(r.createdByUserId) ?? '' }
          : null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        health: {
          lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
          lastStatus: r.lastAttemptOk === null ? null : r.lastAttemptOk ? 'succeeded' : 'failed',
          attempts24h: h?.attempts24h ?? 0,
          failures24h: h?.failures24h ?? 0,
          pending: h?.pending ?? 0,
          failingSince: r.failingSince?.toISOString() ?? null,
        },
      };
    });
  }
}
