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
    for (const table of [
      'idempotency_keys',
      'conversation_tags',
      'tags',
      'messages',
      'conversations',
      'conversation_numbers',
      'mailboxes',
      'contacts',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
