import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import type { AttemptTrigger } from './webhook-deliveries.repository';

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

/** The deliverer's side of deliveries: taking due ones for an attempt, recording how it went. */
@Injectable()
export class DeliveryClaimsRepository {
  constructor(private readonly db: Db) {}

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
}

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
