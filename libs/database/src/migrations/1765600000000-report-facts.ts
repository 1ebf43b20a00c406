import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report facts: what `libs/reports` derives from each conversation's timeline (one row per
 * conversation, per customer message, per public agent reply, per close or reopen), kept by an
 * outbox consumer and added up by the reports in SQL. They go with their conversation (a merged-
 * away conversation's facts are deleted with it).
 */
export class ReportFacts1765600000000 implements MigrationInterface {
  name = 'ReportFacts1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_conversations (
        conversation_id uuid PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        started_at timestamptz NOT NULL,
        channel text NOT NULL,
        mailbox_id uuid NOT NULL,
        team_id uuid,
        assignee_id uuid,
        contact_id uuid,
        category_id uuid,
        tag_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL,
        excluded boolean NOT NULL DEFAULT false,
        first_response_at timestamptz,
        first_response_seconds integer,
        first_responder_id uuid,
        resolved_at timestamptz,
        resolution_seconds integer,
        computed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE INDEX report_conversations_started ON report_conversations
        (workspace_id, started_at) INCLUDE (first_response_seconds) WHERE NOT excluded`);
    await db.query(`
      CREATE INDEX report_conversations_first_response ON report_conversations
        (workspace_id, first_response_at) INCLUDE (first_response_seconds)
        WHERE NOT excluded AND first_response_at IS NOT NULL`);
    await db.query(`
      CREATE INDEX report_conversations_resolved ON report_conversations
        (workspace_id, resolved_at) INCLUDE (resolution_seconds)
        WHERE NOT excluded AND resolved_at IS NOT NULL`);
    await db.query(`
      CREATE INDEX report_conversations_ongoing ON report_conversations (workspace_id)
        WHERE NOT excluded AND status <> 'closed'`);
    await db.query(`
      CREATE INDEX report_conversations_contact ON report_conversations (contact_id)
        WHERE contact_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE report_replies (
        message_id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL
          REFERENCES report_conversations(conversation_id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL,
        asked_at timestamptz NOT NULL,
        answered_at timestamptz,
        answered_by uuid,
        seconds integer
      )`);
    await db.query(`CREATE INDEX report_replies_conversation ON report_replies (conversation_id)`);
    await db.query(`
      CREATE INDEX report_replies_answered ON report_replies (workspace_id, answered_at)
        INCLUDE (seconds, answered_by, conversation_id) WHERE answered_at IS NOT NULL`);

    await db.query(`
      CREATE TABLE report_agent_replies (
        message_id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL
          REFERENCES report_conversations(conversation_id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL,
        user_id uuid NOT NULL,
        at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX report_agent_replies_conversation ON report_agent_replies (conversation_id)`,
    );
    await db.query(`
      CREATE INDEX report_agent_replies_at ON report_agent_replies (workspace_id, at)
        INCLUDE (user_id, conversation_id)`);

    await db.query(`
      CREATE TABLE report_status_changes (
        entry_id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL
          REFERENCES report_conversations(conversation_id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('closed', 'reopened')),
        at timestamptz NOT NULL,
        until timestamptz,
        user_id uuid,
        by_agent boolean NOT NULL
      )`);
    await db.query(
      `CREATE INDEX report_status_changes_conversation ON report_status_changes (conversation_id)`,
    );
    await db.query(`
      CREATE INDEX report_status_changes_at ON report_status_changes (workspace_id, kind, at)
        INCLUDE (conversation_id, until)`);

    // Conversations written before facts existed are derived once, by the worker, page by page
    // from where it stopped (a restart goes on).
    await db.query(`
      CREATE TABLE report_backfill (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        after_id uuid,
        finished_at timestamptz
      )`);
    await db.query(`INSERT INTO report_backfill DEFAULT VALUES`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE report_backfill, report_status_changes, report_agent_replies,
      report_replies, report_conversations`);
  }
}
