import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction (التقييم): each workspace's settings, one rating request per conversation close
 * (due at the close plus the delay, sent by the worker's housekeeping), and the ratings, each
 * attributed to the conversation as it was when first rated (agent, team, mailbox, tags, the
 * contact's category) so reports filter on their own columns without joining conversations.
 */
export class Satisfaction1765700000000 implements MigrationInterface {
  name = 'Satisfaction1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE satisfaction_settings (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT true,
        delay_minutes integer NOT NULL DEFAULT 5 CHECK (delay_minutes BETWEEN 0 AND 10080),
        include_api_channel boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE rating_requests (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        close_entry_id uuid NOT NULL,
        language text NOT NULL CHECK (language IN ('ar', 'en')),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'skipped')),
        skip_reason text,
        due_at timestamptz NOT NULL,
        sent_at timestamptz,
        message_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, close_entry_id)
      )`);
    await db.query(
      `CREATE INDEX ix_rating_requests_due ON rating_requests (due_at) WHERE status = 'pending'`,
    );
    await db.query(
      'CREATE INDEX ix_rating_requests_conversation ON rating_requests (conversation_id)',
    );
    await db.query(`
      CREATE TABLE ratings (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        request_id uuid UNIQUE REFERENCES rating_requests(id) ON DELETE SET NULL,
        conversation_id uuid NOT NULL,
        conversation_number integer NOT NULL,
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        agent_id uuid,
        team_id uuid,
        mailbox_id uuid NOT NULL,
        channel text NOT NULL,
        tag_ids uuid[] NOT NULL DEFAULT '{}',
        category_id uuid,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        manner smallint CHECK (manner BETWEEN 1 AND 5),
        speed smallint CHECK (speed BETWEEN 1 AND 5),
        clarity smallint CHECK (clarity BETWEEN 1 AND 5),
        happiness smallint CHECK (happiness BETWEEN 1 AND 5),
        comment text CHECK (char_length(comment) <= 2000),
        first_rated_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Reports read a period of one workspace, narrowed by one attributed column at most: each
    // index leads with the workspace and ends with the rating time, and carries the scores.
    const scores = 'INCLUDE (score, manner, speed, clarity, happiness)';
    await db.query(
      `CREATE INDEX ix_ratings_period ON ratings (workspace_id, first_rated_at) ${scores}`,
    );
    for (const column of ['agent_id', 'team_id', 'mailbox_id', 'category_id', 'channel'])
      await db.query(
        `CREATE INDEX ix_ratings_${column.replace('_id', '')} ON ratings (workspace_id, ${column}, first_rated_at) ${scores}`,
      );
    await db.query('CREATE INDEX ix_ratings_tags ON ratings USING gin (tag_ids)');
    await db.query(
      `CREATE INDEX ix_ratings_comments ON ratings (workspace_id, first_rated_at DESC, id DESC)
       WHERE comment IS NOT NULL`,
    );
    await db.query('CREATE INDEX ix_ratings_conversation ON ratings (conversation_id)');
    await db.query('CREATE INDEX ix_ratings_contact ON ratings (contact_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE ratings');
    await db.query('DROP TABLE rating_requests');
    await db.query('DROP TABLE satisfaction_settings');
  }
}
