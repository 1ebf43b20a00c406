import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email channel's inbound side: the addresses that route to mailboxes, raw messages committed
 * before the SMTP `250`, and the Message-IDs that thread and dedupe.
 */
export class Email1764300000000 implements MigrationInterface {
  name = 'Email1764300000000';

  async up(db: QueryRunner): Promise<void> {
    // `inbound` rows hold a local part under INBOUND_DOMAIN; `custom` rows a whole address an
    // admin attached (support@company.com). Both are unique across the installation.
    await db.query(`
      CREATE TABLE mailbox_addresses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        mailbox_id uuid NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
        kind text NOT NULL,
        address text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_mailbox_addresses_kind CHECK (kind IN ('inbound', 'custom')),
        CONSTRAINT ck_mailbox_addresses_lower CHECK (address = lower(address))
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_mailbox_addresses ON mailbox_addresses (kind, address)`);
    await db.query(`CREATE INDEX ix_mailbox_addresses_mailbox ON mailbox_addresses (mailbox_id)`);
    // Every mailbox but spam gets an inbound address: its slug if free, else slug-workspace.
    await db.query(`
      CREATE FUNCTION mailbox_inbound_address(m mailboxes) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        ws text;
        candidate text;
      BEGIN
        IF m.kind = 'spam' THEN RETURN; END IF;
        SELECT slug INTO ws FROM workspaces WHERE id = m.workspace_id;
        FOREACH candidate IN ARRAY ARRAY[m.slug, m.slug || '-' || ws, m.slug || '-' || ws || '-' || substr(md5(m.id::text), 1, 6)] LOOP
          INSERT INTO mailbox_addresses (workspace_id, mailbox_id, kind, address)
          VALUES (m.workspace_id, m.id, 'inbound', lower(candidate))
          ON CONFLICT DO NOTHING;
          IF FOUND THEN RETURN; END IF;
        END LOOP;
      END $$`);
    await db.query(`
      CREATE FUNCTION mailboxes_address_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mailbox_inbound_address(NEW);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER mailboxes_address AFTER INSERT ON mailboxes
      FOR EACH ROW EXECUTE FUNCTION mailboxes_address_trigger()`);
    await db.query(`SELECT mailbox_inbound_address(m) FROM mailboxes m ORDER BY m.created_at`);

    await db.query(`
      CREATE TABLE inbound_emails (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        mailbox_id uuid NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
        envelope_from text NOT NULL,
        envelope_to text[] NOT NULL,
        remote_ip text,
        size integer NOT NULL,
        raw bytea NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        error text,
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        CONSTRAINT ck_inbound_emails_status CHECK (status IN ('pending', 'processed', 'duplicate', 'unparseable'))
      )`);
    await db.query(
      `CREATE INDEX ix_inbound_emails_workspace ON inbound_emails (workspace_id, created_at)`,
    );
    // Raw mail is mostly base64 already: stored out of line without trying to compress it, which
    // would cost CPU on the SMTP path (before the 250) for little gain.
    await db.query(`ALTER TABLE inbound_emails ALTER COLUMN raw SET STORAGE EXTERNAL`);
    await db.query(`ALTER TABLE messages ADD COLUMN email_message_id text`);
    await db.query(
      `CREATE UNIQUE INDEX uq_messages_email_message_id ON messages (workspace_id, email_message_id) WHERE email_message_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX IF EXISTS uq_messages_email_message_id');
    await db.query('ALTER TABLE messages DROP COLUMN IF EXISTS email_message_id');
    await db.query('DROP TABLE IF EXISTS inbound_emails');
    await db.query('DROP TRIGGER IF EXISTS mailboxes_address ON mailboxes');
    await db.query('DROP FUNCTION IF EXISTS mailboxes_address_trigger()');
    await db.query('DROP FUNCTION IF EXISTS mailbox_inbound_address(mailboxes)');
    await db.query('DROP TABLE IF EXISTS mailbox_addresses');
  }
}
