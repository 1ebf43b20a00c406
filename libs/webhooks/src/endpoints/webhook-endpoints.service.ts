import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@sanad/accounts';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import {
  MAX_WEBHOOK_ENDPOINTS,
  type CreatedWebhookEndpointView,
  type WebhookEndpointView,
  type RotatedWebhookSecretView,
  type WebhookSecretView,
} from '@sanad/contracts';
import { DomainError, openSecret, sealSecret } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { AllowList } from '../delivery/address-policy.util';
import { checkWebhookUrl } from '../delivery/url-policy';
import { newWebhookSecret } from '../signing/webhook-secret.util';
import type { CreateWebhookEndpointDto, UpdateWebhookEndpointDto } from './webhook-endpoint.dto';
import {
  customHeaders,
  endpointDescription,
  subscribedEvents,
} from './webhook-endpoint-rules.util';
import { WebhookAudit } from './webhook-audit';
import { WebhookEndpointViews } from './webhook-endpoint-views';
import {
  WebhookEndpointsRepository,
  type EndpointChanges,
  type EndpointRecord,
} from './webhook-endpoints.repository';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Admins' endpoints: create, change, pause, resume, delete, reveal and rotate the secret. The
 * URL is checked on every save (scheme, credentials, length, where it resolves: R11); every
 * change is in the audit log.
 */
@Injectable()
export class WebhookEndpointsService {
  private readonly allow: AllowList;

  constructor(
    private readonly repo: WebhookEndpointsRepository,
    private readonly views: WebhookEndpointViews,
    private readonly audit: WebhookAudit,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.allow = new AllowList(config.webhookAllowedHosts);
  }

  async list(principal: Principal): Promise<WebhookEndpointView[]> {
    return this.views.many(principal.workspaceId, await this.repo.list(principal.workspaceId));
  }

  async get(principal: Principal, id: string): Promise<WebhookEndpointView> {
    return this.views.one(await this.found(principal, id));
  }

  async create(
    principal: Principal,
    dto: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointView> {
    // The cheap checks first: resolving the host is the slow one.
    const eventTypes = subscribedEvents(dto.events);
    const headers = customHeaders(dto.headers);
    const url = await this.checkedUrl(dto.url);
    const secret = newWebhookSecret();
    const record = await this.tx.run(async () => {
      // Counted under the workspace's lock on its endpoints: concurrent creates cannot pass it.
      await this.repo.lockWorkspace(principal.workspaceId);
      if ((await this.repo.count(principal.workspaceId)) >= MAX_WEBHOOK_ENDPOINTS)
        throw new DomainError('webhook/limit', { max: MAX_WEBHOOK_ENDPOINTS });
      const created = await this.repo.insert({
        id: randomUUID(),
        workspaceId: principal.workspaceId,
        url,
        description: endpointDescription(dto.description),
        eventTypes,
        headers,
        secretSealed: sealSecret(this.config.appSecret, secret),
        createdByUserId: principal.userId,
      });
      await this.audit.record(principal, 'webhook.created', created.id, {
        url,
        events: eventTypes,
      });
      return created;
    });
    return { endpoint: await this.views.one(record), secret };
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointView> {
    const changes: EndpointChanges = {};
    if (dto.description !== undefined) changes.description = endpointDescription(dto.description);
    if (dto.events !== undefined) changes.eventTypes = subscribedEvents(dto.events);
    if (dto.headers !== undefined) changes.headers = customHeaders(dto.headers);
    if (dto.url !== undefined) changes.url = await this.checkedUrl(dto.url);
    await this.tx.run(async () => {
      await this.found(principal, id, true);
      await this.repo.update(principal.workspaceId, id, changes);
      await this.audit.record(principal, 'webhook.updated', id, { changed: Object.keys(changes) });
    });
    return this.get(principal, id);
  }

  /** Paused: events still make deliveries, which wait and go out on resume. */
  async pause(principal: Principal, id: string): Promise<WebhookEndpointView> {
    return this.setStatus(principal, id, 'paused');
  }

  /** Enabled again, also after Sanad disabled it; the failure streak starts afresh. */
  async resume(principal: Principal, id: string): Promise<WebhookEndpointView> {
    return this.setStatus(principal, id, 'enabled');
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.tx.run(async () => {
      const endpoint = await this.found(principal, id, true);
      await this.repo.delete(principal.workspaceId, id);
      await this.audit.record(principal, 'webhook.deleted', id, { url: endpoint.url });
    });
  }

  /** The current secret, for admins (each reveal is in the audit log). */
  async revealSecret(principal: Principal, id: string): Promise<WebhookSecretView> {
    const endpoint = await this.found(principal, id);
    const secret = openSecret(this.config.appSecret, endpoint.secretSealed);
    if (!secret) throw new DomainError('internal');
    await this.audit.record(principal, 'webhook.secret_revealed', id, {});
    return { secret };
  }

  /**
   * A new secret; the old one keeps signing next to it for WEBHOOK_SECRET_OVERLAP_HOURS, so
   * receivers can switch without losing a delivery.
   */
  async rotateSecret(principal: Principal, id: string): Promise<RotatedWebhookSecretView> {
    const secret = newWebhookSecret();
    const expiresAt = new Date(Date.now() + this.config.webhookSecretOverlapHours * HOUR_MS);
    await this.tx.run(async () => {
      await this.found(principal, id, true);
      await this.repo.rotateSecret(
        principal.workspaceId,
        id,
        sealSecret(this.config.appSecret, secret),
        expiresAt,
      );
      await this.audit.record(principal, 'webhook.secret_rotated', id, {
        previousSecretExpiresAt: expiresAt.toISOString(),
      });
    });
    return { secret, previousSecretExpiresAt: expiresAt.toISOString() };
  }

  /** The endpoint of this workspace (another workspace's id is simply not found). */
  async found(principal: Principal, id: string, lock = false): Promise<EndpointRecord> {
    const endpoint = await this.repo.find(principal.workspaceId, id, lock);
    if (!endpoint) throw new DomainError('webhook/not_found');
    return endpoint;
  }

  /** The URL as it will be called, refused when it may not be (R11). */
  checkedUrl(raw: string): Promise<string> {
    return checkWebhookUrl(raw.trim(), this.allow).then((url) => url.href);
  }

  private async setStatus(
    principal: Principal,
    id: string,
    status: 'enabled' | 'paused',
  ): Promise<WebhookEndpointView> {
    await this.tx.run(async () => {
      const endpoint = await this.found(principal, id, true);
      if (endpoint.status === status) return;
      await this.repo.setStatus(id, status);
      await this.audit.record(
        principal,
        status === 'paused' ? 'webhook.paused' : 'webhook.resumed',
        id,
        {
          from: endpoint.status,
        },
      );
    });
    return this.get(principal, id);
  }
}
