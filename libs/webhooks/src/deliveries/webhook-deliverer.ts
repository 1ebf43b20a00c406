import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { openSecret } from '@sanad/core';
import { PgNotices } from '@sanad/database';
import type { AttemptResult } from '../delivery/webhook-attempt';
import { nextAttemptAt } from '../delivery/retry-schedule.util';
import { WebhookSender } from '../delivery/webhook-sender';
import { webhookHeaders } from '../signing/webhook-signature.util';
import { EndpointDisabler } from '../endpoints/endpoint-disabler';
import { webhookIdOf } from './webhook-id.util';
import {
  DeliveryClaimsRepository,
  type AttemptRecord,
  type ClaimedDelivery,
  type ClaimedEndpoint,
} from './delivery-claims.repository';
import { WEBHOOKS_CHANNEL } from './webhook-deliveries.repository';

const POLL_MS = 1000;
const FLUSH_EVERY = 100;
const FLUSH_AFTER_MS = 50;
/** Results waiting to be recorded beyond which nothing new is taken (the database is slow or down). */
const MAX_UNRECORDED = 2000;
const MAX_OPENED_SECRETS = 10_000;

/**
 * Sends due deliveries (worker role). Each pass takes as many as there is room for — at most
 * WEBHOOK_ENDPOINT_CONCURRENCY in flight per endpoint, WEBHOOK_CONCURRENCY in all — so a slow
 * or failing receiver holds its own slots and never delays the others. A taken delivery is
 * leased: if this process dies between the POST and recording the answer, the lease runs out
 * and the delivery is sent again under the same `webhook-id` (at least once). Results are
 * recorded in batches, with the next attempt from the retry schedule.
 */
@Injectable()
export class WebhookDeliverer implements OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDeliverer');
  private readonly inFlight = new Map<string, number>();
  private readonly attempts = new Set<Promise<void>>();
  private readonly secrets = new Map<string, string | null>();
  private unrecorded: AttemptRecord[] = [];
  private flushing: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private passing: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private total = 0;

  constructor(
    private readonly deliveries: DeliveryClaimsRepository,
    private readonly disabler: EndpointDisabler,
    private readonly sender: WebhookSender,
    private readonly notices: PgNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.unsubscribe = await this.notices.subscribe(WEBHOOKS_CHANNEL, {
      notice: () => this.kick(),
      reset: (listening) => listening && this.kick(),
    });
    this.pollTimer = setInterval(() => this.kick(), POLL_MS);
    this.kick();
  }

  /** A pass now, or right after the current one. */
  kick(): void {
    if (this.stopped) return;
    if (this.passing) {
      this.again = true;
      return;
    }
    this.passing = this.pass()
      .catch((error: Error) => this.logger.warn(`webhook pass: ${error.message}`))
      .finally(() => {
        this.passing = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private get claimAtLeast(): number {
    return Math.max(1, Math.floor(this.config.webhookConcurrency / 4));
  }

  private get leaseMs(): number {
    return this.config.webhookTimeoutMs * 2 + 2000;
  }

  private async pass(): Promise<void> {
    for (;;) {
      const room = this.config.webhookConcurrency - this.total;
      if (room <= 0 || this.stopped || this.unrecorded.length > MAX_UNRECORDED) return;
      // A claim costs about the same for 1 row as for 60: while attempts are in flight, wait
      // until enough slots are free to make one worth it.
      if (this.total > 0 && room < this.claimAtLeast) return;
      const token = randomUUID();
      const claimed = await this.deliveries.claim({
        limit: room,
        perEndpoint: this.config.webhookEndpointConcurrency,
        inFlight: Object.fromEntries(this.inFlight),
        leaseMs: this.leaseMs,
        token,
      });
      for (const delivery of claimed) this.begin(delivery, delivery.endpoint, token);
      if (claimed.length < room) return;
    }
  }

  private begin(delivery: ClaimedDelivery, endpoint: ClaimedEndpoint, claimToken: string): void {
    this.total++;
    this.inFlight.set(endpoint.id, (this.inFlight.get(endpoint.id) ?? 0) + 1);
    const attempt = this.attempt(delivery, endpoint, claimToken)
      .catch((error: Error) => this.logger.warn(`webhook attempt: ${error.message}`))
      .finally(() => {
        this.total--;
        const left = (this.inFlight.get(endpoint.id) ?? 1) - 1;
        if (left > 0) this.inFlight.set(endpoint.id, left);
        else this.inFlight.delete(endpoint.id);
        this.attempts.delete(attempt);
        this.kick();
      });
    this.attempts.add(attempt);
  }

  private async attempt(
    delivery: ClaimedDelivery,
    endpoint: ClaimedEndpoint,
    claimToken: string,
  ): Promise<void> {
    const startedAt = new Date();
    const headers = webhookHeaders({
      id: webhookIdOf(delivery.messageId),
      timestampSeconds: Math.floor(startedAt.getTime() / 1000),
      body: delivery.body,
      secrets: this.secretsOf(endpoint, startedAt),
      eventType: delivery.eventType,
      customHeaders: endpoint.headers,
    });
    const result = await this.sender.send({ url: endpoint.url, headers, body: delivery.body });
    this.queueRecord(delivery, endpoint, claimToken, startedAt, headers, result);
  }

  /** The current secret, and the rotated-away one while its overlap lasts. */
  private secretsOf(endpoint: ClaimedEndpoint, now: Date): string[] {
    const secrets = [this.opened(endpoint.secretSealed)];
    if (
      endpoint.previousSecretSealed &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    )
      secrets.push(this.opened(endpoint.previousSecretSealed));
    return secrets.filter((s): s is string => s !== null);
  }

  /** Opening a sealed secret costs a decryption: each is opened once (a new one seals anew). */
  private opened(sealed: string): string | null {
    let secret = this.secrets.get(sealed);
    if (secret === undefined) {
      if (this.secrets.size >= MAX_OPENED_SECRETS) this.secrets.clear();
      secret = openSecret(this.config.appSecret, sealed);
      this.secrets.set(sealed, secret);
    }
    return secret;
  }

  private queueRecord(
    delivery: ClaimedDelivery,
    endpoint: ClaimedEndpoint,
    claimToken: string,
    startedAt: Date,
    requestHeaders: Record<string, string>,
    result: AttemptResult,
  ): void {
    const number = delivery.attempts + 1;
    const next =
      result.ok || result.status === 410 || delivery.trigger !== 'schedule'
        ? null
        : nextAttemptAt(this.config.webhookRetrySchedule, number, new Date(), result.retryAfterMs);
    this.unrecorded.push({
      id: randomUUID(),
      deliveryId: delivery.id,
      endpointId: endpoint.id,
      claimToken,
      number,
      trigger: delivery.trigger,
      ok: result.ok,
      startedAt,
      durationMs: Math.round(result.durationMs),
      requestHeaders,
      responseStatus: result.status,
      responseHeaders: result.responseHeaders,
      responseBody: result.responseBody,
      responseBodyTruncated: result.responseBodyTruncated,
      errorCode: result.errorCode,
      error: result.error,
      status: result.ok ? 'succeeded' : next ? 'pending' : 'failed',
      nextAttemptAt: next,
    });
    if (result.status === 410) this.disabler.later(endpoint.id, 'gone');
    else if (!result.ok) this.disabler.laterIfFailing(endpoint);
    if (this.unrecorded.length >= FLUSH_EVERY) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
  }

  /** Records what finished; on failure keeps it and tries again (leases cover a long outage). */
  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.flushing) return this.flushing;
    const batch = this.unrecorded;
    this.unrecorded = [];
    if (batch.length === 0) return Promise.resolve();
    this.flushing = this.deliveries
      .record(batch)
      .then(() => this.disabler.run())
      .catch((error: Error) => {
        this.logger.warn(`recording ${batch.length} webhook attempts: ${error.message}`);
        this.unrecorded = [...batch, ...this.unrecorded];
        if (!this.stopped) this.flushTimer ??= setTimeout(() => void this.flush(), POLL_MS);
      })
      .finally(() => {
        this.flushing = null;
        if (this.unrecorded.length > 0 && !this.flushTimer && !this.stopped) void this.flush();
      });
    return this.flushing;
  }

  /** Attempts in flight to one endpoint (tests and the benchmark read it). */
  inFlightTo(endpointId: string): number {
    return this.inFlight.get(endpointId) ?? 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.passing;
    await Promise.allSettled([...this.attempts]);
    await this.flush();
    await this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.sender.close();
  }
}
