import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        slug text NOT NULL,
        default_language text NOT NULL DEFAULT 'ar',
        time_zone text NOT NULL DEFAULT 'Asia/Riyadh',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_workspaces_slug UNIQUE (slug)
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        language text NOT NULL DEFAULT 'ar',
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_users_email UNIQUE (email),
        CONSTRAINT ck_users_role CHECK (role IN ('owner', 'admin', 'agent')),
        CONSTRAINT ck_users_language CHECK (language IN ('ar', 'en'))
      )`);
    await db.query(`CREATE INDEX ix_users_workspace ON users (workspace_id)`);
    await db.query(`
      CREATE TABLE invites (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL,
        token_hash text NOT NULL,
        invited_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_invites_token_hash UNIQUE (token_hash),
        CONSTRAINT ck_invites_role CHECK (role IN ('admin', 'agent'))
      )`);
    await db.query(`CREATE INDEX ix_invites_workspace ON invites (workspace_id)`);
    await db.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        token_hash text NOT NULL,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT uq_api_tokens_token_hash UNIQUE (token_hash)
      )`);
    await db.query(`CREATE INDEX ix_api_tokens_workspace ON api_tokens (workspace_id)`);
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        token_hash text NOT NULL,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT uq_sessions_token_hash UNIQUE (token_hash)
      )`);
    await db.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);
    await db.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX ix_audit_log_workspace_created ON audit_log (workspace_id, created_at)`,
    );
    await db.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        workspace_id uuid REFERENCES workspaces(id) ON DELETE CASCADE,
        seq bigint,
        type text NOT NULL,
        payload jsonb NOT NULL,
        idempotency_key text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        done_at timestamptz,
        CONSTRAINT uq_outbox_idempotency_key UNIQUE (idempotency_key),
        CONSTRAINT ck_outbox_status CHECK (status IN ('pending', 'dispatched', 'done'))
      )`);
    await db.query(`CREATE INDEX ix_outbox_undone ON outbox (created_at) WHERE status <> 'done'`);
    await db.query(`CREATE INDEX ix_outbox_workspace_seq ON outbox (workspace_id, seq)`);
    await db.query(`
      CREATE TABLE event_sequences (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        last_seq bigint NOT NULL
      )`);
    await db.query(`
      CREATE TABLE job_receipts (
        consumer text NOT NULL,
        key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'job_receipts',
      'event_sequences',
      'outbox',
      'audit_log',
      'sessions',
      'api_tokens',
      'invites',
      'users',
      'workspaces',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
