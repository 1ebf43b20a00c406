import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHILDREN = ['report_replies', 'report_agent_replies', 'report_status_changes'];

/**
 * The report filters (mailbox, team, agent, channel, category, tags, excluded) copied onto each
 * reply, agent reply and status change. A conversation's facts are always written together, so
 * the copies never disagree; a year of closes or replies is then one index range, not a join
 * to its conversation per row (at a million conversations the join cost seconds). Closes are
 * also indexed by the reopen that ended them.
 */
export class ReportFactDimensions1766100000000 implements MigrationInterface {
  name = 'ReportFactDimensions1766100000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of CHILDREN) {
      await db.query(`
        ALTER TABLE ${table}
          ADD COLUMN excluded boolean NOT NULL DEFAULT false,
          ADD COLUMN channel text,
          ADD COLUMN mailbox_id uuid,
          ADD COLUMN team_id uuid,
          ADD COLUMN assignee_id uuid,
          ADD COLUMN category_id uuid,
          ADD COLUMN tag_ids uuid[] NOT NULL DEFAULT '{}'`);
      await db.query(`
        UPDATE ${table} t SET excluded = c.excluded, channel = c.channel,
               mailbox_id = c.mailbox_id, team_id = c.team_id, assignee_id = c.assignee_id,
               category_id = c.category_id, tag_ids = c.tag_ids
          FROM report_conversations c WHERE c.conversation_id = t.conversation_id`);
    }
    await db.query('DROP INDEX report_replies_answered');
    await db.query(`
      CREATE INDEX report_replies_answered ON report_replies (workspace_id, answered_at)
        INCLUDE (seconds, answered_by, conversation_id)
        WHERE answered_at IS NOT NULL AND NOT excluded`);
    await db.query('DROP INDEX report_agent_replies_at');
    await db.query(`
      CREATE INDEX report_agent_replies_at ON report_agent_replies (workspace_id, at)
        INCLUDE (user_id, conversation_id) WHERE NOT excluded`);
    await db.query('DROP INDEX report_status_changes_at');
    await db.query(`
      CREATE INDEX report_status_changes_at ON report_status_changes (workspace_id, kind, at)
        INCLUDE (conversation_id, until) WHERE NOT excluded`);
    // Closes ended by a reopen, by when: "ongoing at a past moment" reads only what changed since.
    await db.query(`
      CREATE INDEX report_status_changes_until ON report_status_changes (workspace_id, until)
        INCLUDE (conversation_id, at)
        WHERE kind = 'closed' AND until IS NOT NULL AND NOT excluded`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of CHILDREN)
      await db.query(`
        ALTER TABLE ${table} DROP COLUMN excluded, DROP COLUMN channel, DROP COLUMN mailbox_id,
          DROP COLUMN team_id, DROP COLUMN assignee_id, DROP COLUMN category_id,
          DROP COLUMN tag_ids`);
    await db.query(`
      CREATE INDEX IF NOT EXISTS report_replies_answered ON report_replies (workspace_id, answered_at)
        INCLUDE (seconds, answered_by, conversation_id) WHERE answered_at IS NOT NULL`);
    await db.query(`
      CREATE INDEX IF NOT EXISTS report_agent_replies_at ON report_agent_replies (workspace_id, at)
        INCLUDE (user_id, conversation_id)`);
    await db.query(`
      CREATE INDEX IF NOT EXISTS report_status_changes_at ON report_status_changes (workspace_id, kind, at)
        INCLUDE (conversation_id, until)`);
  }
}
