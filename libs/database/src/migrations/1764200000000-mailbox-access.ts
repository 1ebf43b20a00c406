import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mailbox access for agents, attachments, snooze sweeps, and view counters kept per mailbox so
 * an agent limited to some mailboxes gets counts over just those.
 */
export class MailboxAccess1764200000000 implements MigrationInterface {
  name = 'MailboxAccess1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // NULL: every mailbox. Only agents are ever limited; owners and admins see everything.
    await db.query(`ALTER TABLE users ADD COLUMN mailbox_ids uuid[]`);
    await db.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        conversation_id uuid REFERENCES conversations(id) ON DELETE CASCADE,
        message_id uuid REFERENCES messages(id) ON DELETE CASCADE,
        uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        storage_key text NOT NULL UNIQUE,
        content_id text,
        -- clock_timestamp keeps the files of one message in the order they arrived
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX ix_attachments_message ON attachments (message_id)`);
    await db.query(
      `CREATE INDEX ix_attachments_unattached ON attachments (workspace_id, uploaded_by) WHERE message_id IS NULL`,
    );
    await db.query(
      `CREATE INDEX ix_conversations_snoozed ON conversations (snoozed_until) WHERE snoozed_until IS NOT NULL`,
    );

    await db.query('DROP TRIGGER conversations_count ON conversations');
    await db.query('DROP TRIGGER followers_count ON conversation_followers');
    await db.query('DROP FUNCTION conversations_count_trigger()');
    await db.query('DROP FUNCTION followers_count_trigger()');
    await db.query('DROP FUNCTION conversation_counts_apply(uuid, text[], text[])');
    await db.query('DROP FUNCTION conversation_count_keys(conversations)');
    await db.query('DROP TABLE conversation_counts');
    // Rows per (mailbox, key), split over 16 shards by conversation id so that conversations
    // created at the same time (a burst of email) do not queue on one counter row. Views sum the
    // non-spam mailboxes a member may see; a mailbox's own count is its 'ongoing' rows.
    await db.query(`
      CREATE TABLE conversation_counts (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        mailbox_id uuid NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
        key text NOT NULL,
        shard smallint NOT NULL DEFAULT 0,
        n bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (workspace_id, mailbox_id, key, shard)
      )`);
    await db.query(`
      CREATE FUNCTION conversation_count_keys(c conversations) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
      DECLARE keys text[] := ARRAY['all'];
      BEGIN
        IF c.status = 'closed' THEN RETURN keys; END IF;
        keys := keys || 'ongoing'::text;
        IF c.last_public_from = 'contact' THEN keys := keys || 'unanswered'::text; END IF;
        IF c.assignee_id IS NULL THEN keys := keys || 'unassigned'::text;
        ELSE keys := keys || ('assignee:' || c.assignee_id); END IF;
        keys := keys || ARRAY(SELECT 'following:' || f.user_id FROM conversation_followers f WHERE f.conversation_id = c.id);
        RETURN keys;
      END $$`);
    await db.query(`
      CREATE FUNCTION conversation_counts_apply(ws uuid, old_mailbox uuid, removed text[], new_mailbox uuid, added text[], conversation uuid)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        k text;
        s smallint := (hashtext(conversation::text) & 15)::smallint;
      BEGIN
        FOREACH k IN ARRAY removed LOOP
          IF old_mailbox IS DISTINCT FROM new_mailbox OR NOT k = ANY(added) THEN
            UPDATE conversation_counts SET n = n - 1
            WHERE workspace_id = ws AND mailbox_id = old_mailbox AND key = k AND shard = s;
          END IF;
        END LOOP;
        FOREACH k IN ARRAY added LOOP
          IF old_mailbox IS DISTINCT FROM new_mailbox OR NOT k = ANY(removed) THEN
            INSERT INTO conversation_counts (workspace_id, mailbox_id, key, shard, n) VALUES (ws, new_mailbox, k, s, 1)
            ON CONFLICT (workspace_id, mailbox_id, key, shard) DO UPDATE SET n = conversation_counts.n + 1;
          END IF;
        END LOOP;
      END $$`);
    await db.query(`
      CREATE FUNCTION conversations_count_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM conversation_counts_apply(NEW.workspace_id, NULL, '{}', NEW.mailbox_id, conversation_count_keys(NEW), NEW.id);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM conversation_counts_apply(OLD.workspace_id, OLD.mailbox_id, conversation_count_keys(OLD), NULL, '{}', OLD.id);
        ELSIF (OLD.status, OLD.mailbox_id, OLD.assignee_id, OLD.last_public_from)
              IS DISTINCT FROM (NEW.status, NEW.mailbox_id, NEW.assignee_id, NEW.last_public_from) THEN
          PERFORM conversation_counts_apply(NEW.workspace_id, OLD.mailbox_id, conversation_count_keys(OLD), NEW.mailbox_id, conversation_count_keys(NEW), NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER conversations_count AFTER INSERT OR UPDATE OR DELETE ON conversations
      FOR EACH ROW EXECUTE FUNCTION conversations_count_trigger()`);
    await db.query(`
      CREATE FUNCTION followers_count_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        f conversation_followers := COALESCE(NEW, OLD);
        c conversations;
        key text[];
      BEGIN
        SELECT * INTO c FROM conversations WHERE id = f.conversation_id;
        IF c.id IS NOT NULL AND c.status <> 'closed' THEN
          key := ARRAY['following:' || f.user_id];
          IF TG_OP = 'INSERT' THEN
            PERFORM conversation_counts_apply(f.workspace_id, NULL, '{}', c.mailbox_id, key, c.id);
          ELSE
            PERFORM conversation_counts_apply(f.workspace_id, c.mailbox_id, key, NULL, '{}', c.id);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER followers_count AFTER INSERT OR DELETE ON conversation_followers
      FOR EACH ROW EXECUTE FUNCTION followers_count_trigger()`);
    await db.query(`
      INSERT INTO conversation_counts (workspace_id, mailbox_id, key, shard, n)
      SELECT c.workspace_id, c.mailbox_id, k, (hashtext(c.id::text) & 15)::smallint, count(*)
      FROM conversations c, unnest(conversation_count_keys(c)) AS k
      GROUP BY 1, 2, 3, 4`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Forward-only past this point: the old counters cannot be told apart per mailbox.
    await db.query('DROP TABLE IF EXISTS attachments');
    await db.query('ALTER TABLE users DROP COLUMN IF EXISTS mailbox_ids');
  }
}
