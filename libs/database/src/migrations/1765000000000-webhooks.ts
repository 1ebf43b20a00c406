import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks. An endpoint's secrets are sealed with APP_SECRET. A message is one event's body,
 * frozen when the event is fanned out, so every attempt, redelivery and replay sends the same
 * bytes under the same `webhook-id`. A delivery is one message for one endpoint: its state and
 * its next attempt (for one in flight, `next_attempt_at` is when its lease runs out, so a worker
 * that died mid-attempt is simply due again). Attempts are the log.
 */
export class Webhooks1765000000000 implements MigrationInterface {
  name = 'Webhooks1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        url text NOT NULL,
        description text NOT NULL DEFAULT '',
        event_types text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'enabled',
        disabled_reason text,
        disabled_at timestamptz,
        headers jsonb NOT NULL DEFAULT '{}',
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_expires_at timestamptz,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        failing_since timestamptz,
        last_attempt_at timestamptz,
        last_attempt_ok boolean,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      'CREATE INDEX ix_webhook_endpoints_workspace ON webhook_endpoints (workspace_id, created_at)',
    );
    await db.query(`
      CREATE TABLE webhook_messages (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        event_id uuid,
        event_type text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One message per event and type: a repeated fan-out finds it and adds nothing.
    await db.query(
      'CREATE UNIQUE INDEX ux_webhook_messages_event ON webhook_messages (event_id, event_type) WHERE event_id IS NOT NULL',
    );
    await db.query('CREATE INDEX ix_webhook_messages_created ON webhook_messages (created_at)');
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES webhook_messages(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        resource_id uuid,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        next_trigger text NOT NULL DEFAULT 'schedule',
        claim_token uuid,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (endpoint_id, message_id)
      )`);
    // Each delivery is updated at least twice (claimed, recorded): vacuum it often, or the due
    // index's scans walk tens of thousands of dead entries after a busy hour.
    await db.query(
      `ALTER TABLE webhook_deliveries SET (autovacuum_vacuum_scale_factor = 0.02,
         autovacuum_analyze_scale_factor = 0.02)`,
    );
    // The deliverer walks the endpoints with waiting deliveries and takes each one's oldest due.
    await db.query(
      `CREATE INDEX ix_webhook_deliveries_waiting ON webhook_deliveries (endpoint_id, next_attempt_at)
       WHERE status IN ('pending', 'delivering')`,
    );
    // What admins asked for on paused or disabled endpoints, without reading their backlog.
    await db.query(
      `CREATE INDEX ix_webhook_deliveries_manual ON webhook_deliveries (endpoint_id, next_attempt_at)
       WHERE status IN ('pending', 'delivering') AND next_trigger <> 'schedule'`,
    );
    await db.query(
      'CREATE INDEX ix_webhook_deliveries_log ON webhook_deliveries (workspace_id, created_at DESC, id DESC)',
    );
    await db.query('CREATE INDEX ix_webhook_deliveries_created ON webhook_deliveries (created_at)');
    await db.query(
      'CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)',
    );
    await db.query(
      'CREATE INDEX ix_webhook_deliveries_resource ON webhook_deliveries (workspace_id, resource_id) WHERE resource_id IS NOT NULL',
    );
    await db.query(`
      CREATE TABLE webhook_attempts (
        id uuid PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        number integer NOT NULL,
        trigger text NOT NULL,
        ok boolean NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        request_headers jsonb NOT NULL,
        response_status integer,
        response_headers jsonb NOT NULL DEFAULT '{}',
        response_body text NOT NULL DEFAULT '',
        response_body_truncated boolean NOT NULL DEFAULT false,
        error_code text,
        error text
      )`);
    await db.query('CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts (delivery_id)');
    await db.query(
      'CREATE INDEX ix_webhook_attempts_endpoint ON webhook_attempts (endpoint_id, started_at)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE webhook_attempts');
    await db.query('DROP TABLE webhook_deliveries');
    await db.query('DROP TABLE webhook_messages');
    await db.query('DROP TABLE webhook_endpoints');
  }
}
