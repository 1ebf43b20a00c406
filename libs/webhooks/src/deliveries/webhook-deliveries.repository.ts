import { Injectable } from '@nestjs/common';
import type { WebhookAttemptView, WebhookDeliveryStatus } from '@sanad/contracts';
import { Db } from '@sanad/database';

/** NOTIFY channel: deliveries became due (the deliverer wakes at once instead of at its poll). */
export const WEBHOOKS_CHANNEL = 'sanad_webhooks';

export type AttemptTrigger = WebhookAttemptView['trigger'];

export interface NewMessage {
  id: string;
  workspaceId: string;
  /** The outbox event it comes from (null for test events). */
  eventId: string | null;
  eventType: string;
  resourceId: string | null;
  body: string;
}

export interface DeliveryRecord {
  id: string;
  workspaceId: string;
  endpointId: string;
  messageId: string;
  eventType: string;
  resourceId: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Microseconds since the epoch: the exact position of the keyset cursor. */
  createdUs: string;
}

export interface AttemptRow extends Omit<WebhookAttemptView, 'startedAt'> {
  startedAt: Date;
}

export interface DeliveryFilter {
  endpointId?: string;
  eventType?: string;
  status?: WebhookDeliveryStatus;
  from?: Date;
  to?: Date;
  messageId?: string;
  resourceId?: string;
  /** Older than this position (createdUs, id). */
  before?: { createdUs: string; id: string };
  limit: number;
}

const DELIVERY = `d.id, d.workspace_id AS "workspaceId", d.endpoint_id AS "endpointId",
  d.message_id AS "messageId", d.event_type AS "eventType", d.resource_id AS "resourceId",
  d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
  d.last_status_code AS "lastStatusCode", d.last_error AS "lastError",
  d.created_at AS "createdAt", d.updated_at AS "updatedAt",
  round(date_part('epoch', d.created_at) * 1000000)::bigint::text AS "createdUs"`;

/** Messages, deliveries and attempts: the fan-out writes, the log and what admins do with it (claims are DeliveryClaimsRepository's). */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly db: Db) {}

  /**
   * The message and one due delivery per endpoint, in one statement; a message already made
   * for this event and type (a repeated fan-out) adds nothing. Wakes the deliverer at commit.
   */
  async fanOut(message: NewMessage, endpointIds: string[], firstAttemptAt: Date): Promise<number> {
    const rows = await this.db.returning<{ id: string }>(
      `WITH m AS (
         INSERT INTO webhook_messages (id, workspace_id, event_id, event_type, body)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id, event_type) WHERE event_id IS NOT NULL DO NOTHING
         RETURNING id, workspace_id, event_type
       )
       INSERT INTO webhook_deliveries
         (id, workspace_id, endpoint_id, message_id, event_type, resource_id, next_attempt_at, next_trigger)
       SELECT gen_random_uuid(), m.workspace_id, e, m.id, m.event_type, $6, $8,
              CASE WHEN $3::uuid IS NULL THEN 'test' ELSE 'schedule' END
       FROM m, unnest($7::uuid[]) AS e
       RETURNING id`,
      [
        message.id,
        message.workspaceId,
        message.eventId,
        message.eventType,
        message.body,
        message.resourceId,
        endpointIds,
        firstAttemptAt,
      ],
    );
    if (rows.length > 0) await this.db.notify(WEBHOOKS_CHANNEL, '');
    return rows.length;
  }

  async find(workspaceId: string, id: string): Promise<DeliveryRecord | null> {
    const rows = await this.db.query<DeliveryRecord[]>(
      `SELECT ${DELIVERY} FROM webhook_deliveries d WHERE d.workspace_id = $1 AND d.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  async body(messageId: string): Promise<string> {
    const rows = await this.db.query<Array<{ body: string }>>(
      'SELECT body FROM webhook_messages WHERE id = $1',
      [messageId],
    );
    return rows[0]?.body ?? '';
  }

  async attempts(deliveryId: string): Promise<AttemptRow[]> {
    return this.db.query<AttemptRow[]>(
      `SELECT id, number, trigger, started_at AS "startedAt", duration_ms AS "durationMs",
              request_headers AS "requestHeaders", response_status AS "responseStatus",
              response_headers AS "responseHeaders", response_body AS "responseBody",
              response_body_truncated AS "responseBodyTruncated", error
       FROM webhook_attempts WHERE delivery_id = $1 ORDER BY number, started_at`,
      [deliveryId],
    );
  }

  /** The log, newest first, keyset-paginated on (created_at, id). */
  async list(workspaceId: string, filter: DeliveryFilter): Promise<DeliveryRecord[]> {
    const where = ['d.workspace_id = $1'];
    const params: unknown[] = [workspaceId];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.endpointId) add('d.endpoint_id = ?', filter.endpointId);
    if (filter.eventType) add('d.event_type = ?', filter.eventType);
    if (filter.status) add('d.status = ?', filter.status);
    if (filter.from) add('d.created_at >= ?', filter.from);
    if (filter.to) add('d.created_at < ?', filter.to);
    if (filter.messageId) add('d.message_id = ?', filter.messageId);
    if (filter.resourceId) add('d.resource_id = ?', filter.resourceId);
    if (filter.before) {
      params.push(filter.before.createdUs, filter.before.id);
      where.push(
        `(d.created_at, d.id) < ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit);
    return this.db.query<DeliveryRecord[]>(
      `SELECT ${DELIVERY} FROM webhook_deliveries d WHERE ${where.join(' AND ')}
       ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /**
   * Makes deliveries due now for an admin's attempt (redeliver, replay), unless one is in
   * flight. Returns those it made due.
   */
  async makeDue(
    workspaceId: string,
    ids: string[],
    trigger: 'redeliver' | 'replay',
  ): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE webhook_deliveries
       SET status = 'pending', next_attempt_at = now(), next_trigger = $3, updated_at = now()
       WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND status <> 'delivering'
       RETURNING id`,
      [workspaceId, ids, trigger],
    );
    if (rows.length > 0) await this.db.notify(WEBHOOKS_CHANNEL, '');
    return rows.map((r) => r.id);
  }

  /** Every failed delivery of the endpoint created since then, due again now (replay). */
  async replayFailed(workspaceId: string, endpointId: string, since: Date): Promise<number> {
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE webhook_deliveries
       SET status = 'pending', next_attempt_at = now(), next_trigger = 'replay', updated_at = now()
       WHERE workspace_id = $1 AND endpoint_id = $2 AND status = 'failed' AND created_at >= $3
       RETURNING id`,
      [workspaceId, endpointId, since],
    );
    if (rows.length > 0) await this.db.notify(WEBHOOKS_CHANNEL, '');
    return rows.length;
  }

  /** Deliveries waiting on a disabled endpoint stop there (replay sends them again). */
  async failWaiting(endpointId: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries
       SET status = 'failed', next_attempt_at = NULL, last_error = $2, updated_at = now()
       WHERE endpoint_id = $1 AND status = 'pending'`,
      [endpointId, reason],
    );
  }

  /** Removes deliveries (and their attempts) older than `before`, then orphaned messages. */
  async prune(before: Date, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.db.returning<{ id: string }>(
        `DELETE FROM webhook_deliveries WHERE id IN (
           SELECT id FROM webhook_deliveries
           WHERE created_at < $1 AND status NOT IN ('pending', 'delivering') LIMIT $2)
         RETURNING id`,
        [before, batch],
      );
      total += rows.length;
      if (rows.length < batch) break;
    }
    await this.db.query(
      `DELETE FROM webhook_messages m WHERE m.created_at < $1
         AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.message_id = m.id)`,
      [before],
    );
    return total;
  }
}
