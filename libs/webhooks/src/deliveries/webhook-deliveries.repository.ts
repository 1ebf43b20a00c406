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

/** A delivery taken for an attempt, with what the attempt sends and where. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  messageId: string;
  eventType: string;
  attempts: number;
  trigger: AttemptTrigger;
  body: string;
  endpoint: ClaimedEndpoint;
}

/** What an attempt needs of its endpoint, read with the claim. */
export interface ClaimedEndpoint {
  id: string;
  url: string;
  headers: Record<string, string>;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
  failingSince: Date | null;
}

/** An attempt's outcome, recorded with the delivery's next state. */
export interface AttemptRecord {
  id: string;
  deliveryId: string;
  endpointId: string;
  claimToken: string;
  number: number;
  trigger: AttemptTrigger;
  ok: boolean;
  startedAt: Date;
  durationMs: number;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseHeaders: Record<string, string>;
  responseBody: string;
  responseBodyTruncated: boolean;
  errorCode: string | null;
  error: string | null;
  /** The delivery after this attempt: retried at `nextAttemptAt`, or finished. */
  status: 'pending' | 'succeeded' | 'failed';
  nextAttemptAt: Date | null;
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

/** Messages, deliveries and attempts: the fan-out writes, the deliverer's claims, the log. */
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

  /**
   * Takes due deliveries of enabled endpoints for an attempt, endpoint by endpoint: at most
   * `perEndpoint` minus what this process already has in flight to each, none to saturated
   * ones, the oldest first across them. A taken
   * delivery is `delivering` and due again when its lease runs out (its worker died).
   */
  async claim(options: {
    limit: number;
    perEndpoint: number;
    inFlight: Record<string, number>;
    leaseMs: number;
    token: string;
  }): Promise<ClaimedDelivery[]> {
    const rows = await this.claimRows(options);
    // json_build_object hands times back as text.
    return rows.map((row) => ({
      ...row,
      endpoint: {
        ...row.endpoint,
        previousSecretExpiresAt: toDate(row.endpoint.previousSecretExpiresAt),
        failingSince: toDate(row.endpoint.failingSince),
      },
    }));
  }

  private claimRows(options: {
    limit: number;
    perEndpoint: number;
    inFlight: Record<string, number>;
    leaseMs: number;
    token: string;
  }): Promise<ClaimedDelivery[]> {
    const saturated = Object.entries(options.inFlight)
      .filter(([, n]) => n >= options.perEndpoint)
      .map(([id]) => id);
    return this.db.returning<ClaimedDelivery>(
      `WITH RECURSIVE waiting AS (
         -- The endpoints with deliveries waiting, one index probe each (a skip scan): a slow
         -- endpoint's backlog is never read past to reach the others'.
         (SELECT endpoint_id FROM webhook_deliveries
          WHERE status IN ('pending', 'delivering') ORDER BY endpoint_id LIMIT 1)
         UNION ALL
         SELECT (SELECT d.endpoint_id FROM webhook_deliveries d
                 WHERE d.status IN ('pending', 'delivering') AND d.endpoint_id > w.endpoint_id
                 ORDER BY d.endpoint_id LIMIT 1)
         FROM waiting w WHERE w.endpoint_id IS NOT NULL
       ), candidates AS (
         SELECT due.id, due.next_attempt_at
         FROM waiting w
         JOIN webhook_endpoints e ON e.id = w.endpoint_id
         CROSS JOIN LATERAL (
           -- Each endpoint's oldest due ones, as many as it has room for; paused or disabled
           -- endpoints only take what an admin asked for (redeliver, replay, test).
           (SELECT d.id, d.next_attempt_at FROM webhook_deliveries d
            WHERE e.status = 'enabled' AND d.endpoint_id = w.endpoint_id
              AND d.status IN ('pending', 'delivering') AND d.next_attempt_at <= now()
            ORDER BY d.next_attempt_at
            LIMIT greatest($2::int - coalesce(($4::jsonb ->> w.endpoint_id::text)::int, 0), 0))
           UNION ALL
           (SELECT d.id, d.next_attempt_at FROM webhook_deliveries d
            WHERE e.status <> 'enabled' AND d.endpoint_id = w.endpoint_id
              AND d.status IN ('pending', 'delivering') AND d.next_trigger <> 'schedule'
              AND d.next_attempt_at <= now()
            ORDER BY d.next_attempt_at
            LIMIT greatest($2::int - coalesce(($4::jsonb ->> w.endpoint_id::text)::int, 0), 0))
         ) due
         WHERE w.endpoint_id <> ALL($3::uuid[])
       ), picked AS (
         SELECT d.id FROM webhook_deliveries d
         WHERE d.id IN (SELECT id FROM candidates ORDER BY next_attempt_at LIMIT $1)
           AND d.status IN ('pending', 'delivering') AND d.next_attempt_at <= now()
         FOR UPDATE SKIP LOCKED
       )
       UPDATE webhook_deliveries d
       SET status = 'delivering', next_attempt_at = now() + $5 * interval '1 millisecond',
           claim_token = $6, updated_at = now()
       FROM picked, webhook_messages m, webhook_endpoints e
       WHERE d.id = picked.id AND m.id = d.message_id AND e.id = d.endpoint_id
       RETURNING d.id, d.endpoint_id AS "endpointId", d.message_id AS "messageId",
                 d.event_type AS "eventType", d.attempts, d.next_trigger AS trigger, m.body,
                 json_build_object(
                   'id', e.id, 'url', e.url, 'headers', e.headers,
                   'secretSealed', e.secret_sealed, 'previousSecretSealed', e.previous_secret_sealed,
                   'previousSecretExpiresAt', e.previous_secret_expires_at,
                   'failingSince', e.failing_since) AS endpoint`,
      [
        options.limit,
        options.perEndpoint,
        saturated,
        JSON.stringify(options.inFlight),
        options.leaseMs,
        options.token,
      ],
    );
  }

  /**
   * Attempts, the deliveries' next state (only while the claim is still theirs: a delivery
   * taken again after a lease ran out is the newer claim's), and each endpoint's last result,
   * for a batch in one statement.
   */
  async record(attempts: AttemptRecord[]): Promise<void> {
    if (attempts.length === 0) return;
    await this.db.query(
      `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
           id uuid, "deliveryId" uuid, "endpointId" uuid, "claimToken" uuid, number int,
           trigger text, ok boolean, "startedAt" timestamptz, "durationMs" int,
           "requestHeaders" jsonb, "responseStatus" int, "responseHeaders" jsonb,
           "responseBody" text, "responseBodyTruncated" boolean, "errorCode" text, error text,
           status text, "nextAttemptAt" timestamptz)
       ), attempts AS (
         INSERT INTO webhook_attempts
           (id, delivery_id, endpoint_id, number, trigger, ok, started_at, duration_ms,
            request_headers, response_status, response_headers, response_body,
            response_body_truncated, error_code, error)
         SELECT r.id, r."deliveryId", r."endpointId", r.number, r.trigger, r.ok, r."startedAt",
                r."durationMs", r."requestHeaders", r."responseStatus", r."responseHeaders",
                r."responseBody", r."responseBodyTruncated", r."errorCode", r.error
         FROM r JOIN webhook_deliveries d ON d.id = r."deliveryId"
       ), deliveries AS (
         UPDATE webhook_deliveries d
         SET status = r.status, attempts = d.attempts + 1, next_attempt_at = r."nextAttemptAt",
             next_trigger = 'schedule', claim_token = NULL, last_status_code = r."responseStatus",
             last_error = r.error, updated_at = now()
         FROM r WHERE d.id = r."deliveryId" AND d.claim_token = r."claimToken"
       ), latest AS (
         SELECT DISTINCT ON ("endpointId") "endpointId", ok, "startedAt"
         FROM r ORDER BY "endpointId", "startedAt" DESC
       )
       UPDATE webhook_endpoints e
       SET last_attempt_at = greatest(e.last_attempt_at, l."startedAt"),
           last_attempt_ok = l.ok,
           failing_since = CASE WHEN l.ok THEN NULL ELSE coalesce(e.failing_since, l."startedAt") END
       FROM latest l WHERE e.id = l."endpointId"`,
      [JSON.stringify(attempts)],
    );
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

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
