import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Conversations1764100000000 implements MigrationInterface {
  name = 'Conversations1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text,
        emails text[] NOT NULL DEFAULT '{}',
        phones text[] NOT NULL DEFAULT '{}',
        external_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_contacts_workspace ON contacts (workspace_id)`);
    await db.query(`CREATE INDEX ix_contacts_emails ON contacts USING gin (emails)`);
    await db.query(`CREATE INDEX ix_contacts_phones ON contacts USING gin (phones)`);
    await db.query(
      `CREATE UNIQUE INDEX uq_contacts_external_id ON contacts (workspace_id, external_id) WHERE external_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE mailboxes (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        slug text NOT NULL,
        kind text NOT NULL,
        signature text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_mailboxes_slug UNIQUE (workspace_id, slug),
        CONSTRAINT ck_mailboxes_kind CHECK (kind IN ('inbox', 'spam', 'custom'))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_mailboxes_system_kind ON mailboxes (workspace_id, kind) WHERE kind <> 'custom'`,
    );
    await db.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_teams_name ON teams (workspace_id, lower(name))`);
    await db.query(`
      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      )`);
    await db.query(`
      CREATE TABLE conversation_numbers (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        last_number integer NOT NULL
      )`);
    await db.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        number integer NOT NULL,
        subject text NOT NULL,
        status text NOT NULL DEFAULT 'open',
        channel text NOT NULL,
        mailbox_id uuid NOT NULL REFERENCES mailboxes(id),
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        assignee_id uuid REFERENCES users(id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        priority text NOT NULL DEFAULT 'normal',
        snoozed_until timestamptz,
        last_public_from text,
        last_message_at timestamptz NOT NULL DEFAULT now(),
        first_agent_reply_at timestamptz,
        last_customer_message_at timestamptz,
        last_agent_reply_at timestamptz,
        closed_at timestamptz,
        reopened_at timestamptz,
        search_vector tsvector NOT NULL DEFAULT ''::tsvector,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_conversations_number UNIQUE (workspace_id, number),
        CONSTRAINT ck_conversations_status CHECK (status IN ('open', 'pending', 'closed')),
        CONSTRAINT ck_conversations_channel CHECK (channel IN ('email', 'chat', 'form', 'api')),
        CONSTRAINT ck_conversations_priority CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        CONSTRAINT ck_conversations_last_public_from CHECK (last_public_from IN ('contact', 'user'))
      )`);
    await db.query(
      `CREATE INDEX ix_conversations_list ON conversations (workspace_id, last_message_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX ix_conversations_mailbox ON conversations (workspace_id, mailbox_id, status, last_message_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX ix_conversations_assignee ON conversations (workspace_id, assignee_id, status, last_message_at DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX ix_conversations_contact ON conversations (contact_id)`);
    await db.query(
      `CREATE INDEX ix_conversations_team ON conversations (workspace_id, team_id, status, last_message_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX ix_conversations_search ON conversations USING gin (search_vector)`,
    );
    await db.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        kind text NOT NULL,
        author_type text NOT NULL,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        body_text text NOT NULL DEFAULT '',
        body_html text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- clock_timestamp(): several timeline entries written in one transaction keep their order.
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT ck_messages_kind CHECK (kind IN ('reply', 'note', 'activity')),
        CONSTRAINT ck_messages_author_type CHECK (author_type IN ('contact', 'user', 'system'))
      )`);
    await db.query(
      `CREATE INDEX ix_messages_conversation ON messages (conversation_id, created_at, id)`,
    );
    await db.query(`
      CREATE TABLE tags (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_tags_name ON tags (workspace_id, lower(name))`);
    await db.query(`
      CREATE TABLE conversation_tags (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        PRIMARY KEY (conversation_id, tag_id)
      )`);
    await db.query(`CREATE INDEX ix_conversation_tags_tag ON conversation_tags (tag_id)`);
    await db.query(`
      CREATE TABLE conversation_followers (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, user_id)
      )`);
    await db.query(
      `CREATE INDEX ix_conversation_followers_user ON conversation_followers (workspace_id, user_id)`,
    );
    await db.query(`
      CREATE TABLE saved_replies (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        owner_id uuid REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX ix_saved_replies_workspace ON saved_replies (workspace_id, owner_id)`,
    );
    // View counts kept exact by triggers, so counting never scans a workspace's conversations.
    // (Deleting a single conversation is not a thing the app does; workspaces cascade.)
    await db.query(`
      CREATE TABLE conversation_counts (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL,
        n bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (workspace_id, key)
      )`);
    await db.query(`
      CREATE FUNCTION conversation_count_keys(c conversations) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
      DECLARE
        keys text[] := '{}';
        spam boolean;
        ongoing boolean := c.status <> 'closed';
      BEGIN
        SELECT kind = 'spam' INTO spam FROM mailboxes WHERE id = c.mailbox_id;
        IF ongoing THEN keys := keys || ('mailbox:' || c.mailbox_id); END IF;
        IF spam THEN RETURN keys; END IF;
        keys := keys || 'all'::text;
        IF NOT ongoing THEN RETURN keys; END IF;
        keys := keys || 'ongoing'::text;
        IF c.last_public_from = 'contact' THEN keys := keys || 'unanswered'::text; END IF;
        IF c.assignee_id IS NULL THEN keys := keys || 'unassigned'::text;
        ELSE keys := keys || ('assignee:' || c.assignee_id); END IF;
        keys := keys || ARRAY(SELECT 'following:' || f.user_id FROM conversation_followers f WHERE f.conversation_id = c.id);
        RETURN keys;
      END $$`);
    await db.query(`
      CREATE FUNCTION conversation_counts_apply(ws uuid, removed text[], added text[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE k text;
      BEGIN
        FOREACH k IN ARRAY removed LOOP
          IF NOT k = ANY(added) THEN
            UPDATE conversation_counts SET n = n - 1 WHERE workspace_id = ws AND key = k;
          END IF;
        END LOOP;
        FOREACH k IN ARRAY added LOOP
          IF NOT k = ANY(removed) THEN
            INSERT INTO conversation_counts (workspace_id, key, n) VALUES (ws, k, 1)
            ON CONFLICT (workspace_id, key) DO UPDATE SET n = conversation_counts.n + 1;
          END IF;
        END LOOP;
      END $$`);
    await db.query(`
      CREATE FUNCTION conversations_count_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM conversation_counts_apply(NEW.workspace_id, '{}', conversation_count_keys(NEW));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM conversation_counts_apply(OLD.workspace_id, conversation_count_keys(OLD), '{}');
        ELSIF (OLD.status, OLD.mailbox_id, OLD.assignee_id, OLD.last_public_from)
              IS DISTINCT FROM (NEW.status, NEW.mailbox_id, NEW.assignee_id, NEW.last_public_from) THEN
          PERFORM conversation_counts_apply(NEW.workspace_id, conversation_count_keys(OLD), conversation_count_keys(NEW));
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
        counted boolean;
      BEGIN
        SELECT c.status <> 'closed' AND m.kind <> 'spam' INTO counted
        FROM conversations c JOIN mailboxes m ON m.id = c.mailbox_id WHERE c.id = f.conversation_id;
        IF counted THEN
          IF TG_OP = 'INSERT' THEN
            PERFORM conversation_counts_apply(f.workspace_id, '{}', ARRAY['following:' || f.user_id]);
          ELSE
            PERFORM conversation_counts_apply(f.workspace_id, ARRAY['following:' || f.user_id], '{}');
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER followers_count AFTER INSERT OR DELETE ON conversation_followers
      FOR EACH ROW EXECUTE FUNCTION followers_count_trigger()`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS conversation_counts');
    for (const fn of [
      'followers_count_trigger()',
      'conversations_count_trigger()',
      'conversation_counts_apply(uuid, text[], text[])',
      'conversation_count_keys(conversations)',
    ]) {
      await db.query(`DROP FUNCTION IF EXISTS ${fn} CASCADE`);
    }
    for (const table of [
      'idempotency_keys',
      'saved_replies',
      'conversation_followers',
      'conversation_tags',
      'tags',
      'messages',
      'conversations',
      'conversation_numbers',
      'team_members',
      'teams',
      'mailboxes',
      'contacts',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
