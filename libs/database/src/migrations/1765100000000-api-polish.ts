import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrator API polish. API tokens get a scope: tokens made before it existed could do
 * everything, so they are `write`. Idempotency-Key answers of the routes that have no key table
 * of their own: one row per workspace, caller and key, inserted in the request's transaction
 * before its work and given the answer before commit, so a concurrent duplicate waits on the
 * key and then replays the answer. The answer is kept as the JSON text that was sent (jsonb
 * would reorder its keys), sealed with APP_SECRET when it carries a secret (a new token's, an
 * invite link). Kept at least 24 hours (the worker prunes them).
 */
export class ApiPolish1765100000000 implements MigrationInterface {
  name = 'ApiPolish1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE api_tokens
        ADD COLUMN scope text NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write'))`);
    await db.query(`
      CREATE TABLE http_idempotency_keys (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        caller text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer NOT NULL,
        response text NOT NULL,
        sealed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, caller, key)
      )`);
    await db.query(
      'CREATE INDEX ix_http_idempotency_keys_created ON http_idempotency_keys (created_at)',
    );
    // The keys the inbox and contacts keep in their own tables age out the same way.
    await db.query('CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at)');
    await db.query(
      'CREATE INDEX ix_contact_idempotency_keys_created ON contact_idempotency_keys (created_at)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX ix_contact_idempotency_keys_created');
    await db.query('DROP INDEX ix_idempotency_keys_created');
    await db.query('DROP TABLE http_idempotency_keys');
    await db.query('ALTER TABLE api_tokens DROP COLUMN scope');
  }
}
