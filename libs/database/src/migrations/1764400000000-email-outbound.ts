import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email channel's outbound side: per-mailbox sending settings and auto-acknowledgement,
 * deliveries with their state and retries, the delivery state shown on messages, and blocked
 * senders.
 */
export class EmailOutbound1764400000000 implements MigrationInterface {
  name = 'EmailOutbound1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mailbox_email_settings (
        mailbox_id uuid PRIMARY KEY REFERENCES mailboxes(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        smtp_host text,
        smtp_port integer,
        smtp_security text NOT NULL DEFAULT 'starttls',
        smtp_user text,
        smtp_password_enc text,
        from_name text,
        from_address text,
        auto_ack_enabled boolean NOT NULL DEFAULT false,
        auto_ack_ar text,
        auto_ack_en text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_mailbox_email_security CHECK (smtp_security IN ('tls', 'starttls', 'none'))
      )`);
    await db.query(`
      CREATE TABLE email_deliveries (
        message_id uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        mailbox_id uuid NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
        kind text NOT NULL,
        recipients text[] NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        attempts integer NOT NULL DEFAULT 0,
        error text,
        smtp_response text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_email_deliveries_kind CHECK (kind IN ('reply', 'auto_ack')),
        CONSTRAINT ck_email_deliveries_status CHECK (status IN ('queued', 'sent', 'failed'))
      )`);
    // The sweep that re-queues deliveries whose job was lost, and the auto-reply budget.
    await db.query(
      `CREATE INDEX ix_email_deliveries_queued ON email_deliveries (next_attempt_at) WHERE status = 'queued'`,
    );
    await db.query(
      `CREATE INDEX ix_email_deliveries_auto ON email_deliveries (workspace_id, created_at) WHERE kind = 'auto_ack'`,
    );
    await db.query(`ALTER TABLE messages ADD COLUMN delivery_status text`);
    await db.query(`ALTER TABLE messages ADD COLUMN delivery_error text`);
    await db.query(`
      CREATE TABLE blocked_senders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        pattern text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_blocked_senders_lower CHECK (pattern = lower(pattern))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_blocked_senders ON blocked_senders (workspace_id, pattern)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS blocked_senders');
    await db.query('ALTER TABLE messages DROP COLUMN IF EXISTS delivery_error');
    await db.query('ALTER TABLE messages DROP COLUMN IF EXISTS delivery_status');
    await db.query('DROP TABLE IF EXISTS email_deliveries');
    await db.query('DROP TABLE IF EXISTS mailbox_email_settings');
  }
}
