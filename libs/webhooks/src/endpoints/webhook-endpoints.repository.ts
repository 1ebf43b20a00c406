import { Injectable } from '@nestjs/common';
import type {
  WebhookDisabledReason,
  WebhookEndpointStatus,
  WebhookEventType,
} from '@sanad/contracts';
import { Db } from '@sanad/database';
import { WEBHOOKS_CHANNEL } from '../deliveries/webhook-deliveries.repository';

/** NOTIFY channel: endpoints were added, removed, paused, resumed or disabled. */
export const ENDPOINTS_CHANNEL = 'sanad_webhook_endpoints';

/** An endpoint as stored; its secrets stay sealed (APP_SECRET) until the sender opens them. */
export interface EndpointRecord {
  id: string;
  workspaceId: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  status: WebhookEndpointStatus;
  disabledReason: WebhookDisabledReason | null;
  disabledAt: Date | null;
  headers: Record<string, string>;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
  createdByUserId: string | null;
  failingSince: Date | null;
  lastAttemptAt: Date | null;
  lastAttemptOk: boolean | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What an admin may change on an endpoint. */
export type EndpointChanges = Partial<
  Pick<EndpointRecord, 'url' | 'description' | 'eventTypes' | 'headers'>
>;

export interface EndpointHealthRow {
  endpointId: string;
  attempts24h: number;
  failures24h: number;
  pending: number;
}

const COLUMNS: Record<keyof EndpointRecord, string> = {
  id: 'id',
  workspaceId: 'workspace_id',
  url: 'url',
  description: 'description',
  eventTypes: 'event_types',
  status: 'status',
  disabledReason: 'disabled_reason',
  disabledAt: 'disabled_at',
  headers: 'headers',
  secretSealed: 'secret_sealed',
  previousSecretSealed: 'previous_secret_sealed',
  previousSecretExpiresAt: 'previous_secret_expires_at',
  createdByUserId: 'created_by_user_id',
  failingSince: 'failing_since',
  lastAttemptAt: 'last_attempt_at',
  lastAttemptOk: 'last_attempt_ok',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};
const SELECT = Object.entries(COLUMNS)
  .map(([key, column]) => `${column} AS "${key}"`)
  .join(', ');

/** Webhook endpoints, always within one workspace (the sender reads them by id). */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(private readonly db: Db) {}

  async insert(
    record: Omit<
      EndpointRecord,
      | 'status'
      | 'disabledReason'
      | 'disabledAt'
      | 'previousSecretSealed'
      | 'previousSecretExpiresAt'
      | 'failingSince'
      | 'lastAttemptAt'
      | 'lastAttemptOk'
      | 'createdAt'
      | 'updatedAt'
    >,
  ): Promise<EndpointRecord> {
    const [row] = await this.db.returning<EndpointRecord>(
      `INSERT INTO webhook_endpoints
         (id, workspace_id, url, description, event_types, headers, secret_sealed, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING ${SELECT}`,
      [
        record.id,
        record.workspaceId,
        record.url,
        record.description,
        record.eventTypes,
        JSON.stringify(record.headers),
        record.secretSealed,
        record.createdByUserId,
      ],
    );
    await this.db.notify(ENDPOINTS_CHANNEL, record.workspaceId);
    return row;
  }

  /** Serialises creations in one workspace until the transaction ends (the endpoint limit). */
  async lockWorkspace(workspaceId: string): Promise<void> {
    await this.db.query("SELECT pg_advisory_xact_lock(hashtext('webhook_endpoints:' || $1))", [
      workspaceId,
    ]);
  }

  async count(workspaceId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM webhook_endpoints WHERE workspace_id = $1',
      [workspaceId],
    );
    return row.n;
  }

  async list(workspaceId: string): Promise<EndpointRecord[]> {
    return this.db.query<EndpointRecord[]>(
      `SELECT ${SELECT} FROM webhook_endpoints WHERE workspace_id = $1 ORDER BY created_at, id`,
      [workspaceId],
    );
  }

  async find(workspaceId: string, id: string, lock = false): Promise<EndpointRecord | null> {
    const rows = await this.db.query<EndpointRecord[]>(
      `SELECT ${SELECT} FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2
       ${lock ? 'FOR UPDATE' : ''}`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /** The sender's read: endpoints by id, whatever their workspace. */
  async byIds(ids: string[]): Promise<EndpointRecord[]> {
    if (ids.length === 0) return [];
    return this.db.query<EndpointRecord[]>(
      `SELECT ${SELECT} FROM webhook_endpoints WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Workspaces with an endpoint that events reach (enabled or paused). */
  async workspacesWithEndpoints(): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      "SELECT DISTINCT workspace_id AS id FROM webhook_endpoints WHERE status <> 'disabled'",
    );
    return rows.map((r) => r.id);
  }

  /** Enabled or paused endpoints of the workspace taking any of these event types. */
  async subscribed(workspaceId: string, types: string[]): Promise<EndpointRecord[]> {
    return this.db.query<EndpointRecord[]>(
      `SELECT ${SELECT} FROM webhook_endpoints
       WHERE workspace_id = $1 AND status <> 'disabled'
         AND (event_types = '{}' OR event_types && $2::text[])`,
      [workspaceId, types],
    );
  }

  async update(workspaceId: string, id: string, changes: EndpointChanges): Promise<void> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as Array<
      [keyof EndpointChanges, unknown]
    >;
    if (entries.length === 0) return;
    await this.db.query(
      `UPDATE webhook_endpoints
       SET ${entries.map(([k], i) => `${COLUMNS[k]} = $${i + 3}`).join(', ')}, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, ...entries.map(([k, v]) => (k === 'headers' ? JSON.stringify(v) : v))],
    );
  }

  /** Enabled, paused or disabled; enabling clears the reason and the failure streak. */
  async setStatus(
    id: string,
    status: WebhookEndpointStatus,
    reason: WebhookDisabledReason | null = null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE webhook_endpoints
       SET status = $2, disabled_reason = $3,
           disabled_at = CASE WHEN $2 = 'disabled' THEN now() ELSE NULL END,
           failing_since = CASE WHEN $2 = 'enabled' THEN NULL ELSE failing_since END,
           updated_at = now()
       WHERE id = $1`,
      [id, status, reason],
    );
    await this.db.notify(ENDPOINTS_CHANNEL, id);
    // Resumed: what waited goes out now, not at the deliverer's next poll.
    if (status === 'enabled') await this.db.notify(WEBHOOKS_CHANNEL, '');
  }

  /**
   * Disables an enabled endpoint; true when this call did it (the notice is sent once). With
   * `failingBefore`, only if it has failed without a success since before then.
   */
  async disable(
    id: string,
    reason: WebhookDisabledReason,
    failingBefore: Date | null = null,
  ): Promise<boolean> {
    const rows = await this.db.returning<{ id: string }>(
      `UPDATE webhook_endpoints
       SET status = 'disabled', disabled_reason = $2, disabled_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'enabled'
         AND ($3::timestamptz IS NULL OR failing_since < $3)
       RETURNING id`,
      [id, reason, failingBefore],
    );
    if (rows.length > 0) await this.db.notify(ENDPOINTS_CHANNEL, id);
    return rows.length > 0;
  }

  async rotateSecret(
    workspaceId: string,
    id: string,
    secretSealed: string,
    previousExpiresAt: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE webhook_endpoints
       SET previous_secret_sealed = secret_sealed, previous_secret_expires_at = $4,
           secret_sealed = $3, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, secretSealed, previousExpiresAt],
    );
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const rows = await this.db.returning<{ id: string }>(
      'DELETE FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2 RETURNING id',
      [workspaceId, id],
    );
    if (rows.length > 0) await this.db.notify(ENDPOINTS_CHANNEL, workspaceId);
    return rows.length > 0;
  }

  /** Attempts and failures in the last 24 h and deliveries waiting, per endpoint. */
  async health(workspaceId: string, ids: string[]): Promise<EndpointHealthRow[]> {
    if (ids.length === 0) return [];
    return this.db.query<EndpointHealthRow[]>(
      `SELECT e.id AS "endpointId",
              coalesce(a.attempts, 0)::int AS "attempts24h",
              coalesce(a.failures, 0)::int AS "failures24h",
              coalesce(d.pending, 0)::int AS pending
       FROM webhook_endpoints e
       LEFT JOIN LATERAL (
         SELECT count(*) AS attempts, count(*) FILTER (WHERE NOT ok) AS failures
         FROM webhook_attempts WHERE endpoint_id = e.id AND started_at > now() - interval '24 hours'
       ) a ON true
       LEFT JOIN LATERAL (
         SELECT count(*) AS pending FROM webhook_deliveries
         WHERE endpoint_id = e.id AND status IN ('pending', 'delivering')
       ) d ON true
       WHERE e.workspace_id = $1 AND e.id = ANY($2::uuid[])`,
      [workspaceId, ids],
    );
  }
}
