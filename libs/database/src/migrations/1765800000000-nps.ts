import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NPS (صافي نقاط الترويج): each workspace's settings, surveys with the segment they were sent to,
 * one recipient row per person snapshotted at creation (pending until the worker sends it at the
 * workspace's pace, then sent, skipped or failed with the reason), and one response per recipient
 * (score 0–10 and a comment) with the person's category at response time for the report filter.
 */
export class Nps1765800000000 implements MigrationInterface {
  name = 'Nps1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE nps_settings (
        workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        min_days_between_surveys integer NOT NULL DEFAULT 90
          CHECK (min_days_between_surveys BETWEEN 1 AND 730),
        send_per_minute integer NOT NULL DEFAULT 60 CHECK (send_per_minute BETWEEN 1 AND 1000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE nps_surveys (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        status text NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent', 'cancelled')),
        segment jsonb NOT NULL DEFAULT '{}',
        question_ar text NOT NULL,
        question_en text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        cancelled_at timestamptz
      )`);
    await db.query(
      'CREATE INDEX ix_nps_surveys_list ON nps_surveys (workspace_id, created_at DESC, id DESC)',
    );
    await db.query(`
      CREATE TABLE nps_recipients (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        survey_id uuid NOT NULL REFERENCES nps_surveys(id) ON DELETE CASCADE,
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        email text,
        language text NOT NULL CHECK (language IN ('ar', 'en')),
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sent', 'skipped', 'failed')),
        reason text,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        smtp_response text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The sender reads a workspace's due recipients; the period rule a person's latest email.
    await db.query(
      `CREATE INDEX ix_nps_recipients_due ON nps_recipients (workspace_id, next_attempt_at)
       WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE INDEX ix_nps_recipients_sent ON nps_recipients (workspace_id, sent_at)
       WHERE sent_at IS NOT NULL`,
    );
    await db.query(
      'CREATE INDEX ix_nps_recipients_contact ON nps_recipients (workspace_id, contact_id)',
    );
    await db.query('CREATE INDEX ix_nps_recipients_survey ON nps_recipients (survey_id, status)');
    await db.query(`
      CREATE TABLE nps_responses (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        survey_id uuid NOT NULL REFERENCES nps_surveys(id) ON DELETE CASCADE,
        recipient_id uuid NOT NULL UNIQUE REFERENCES nps_recipients(id) ON DELETE CASCADE,
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        category_id uuid,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
        comment text CHECK (char_length(comment) <= 2000),
        responded_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      'CREATE INDEX ix_nps_responses_period ON nps_responses (workspace_id, responded_at) INCLUDE (score)',
    );
    await db.query(
      `CREATE INDEX ix_nps_responses_survey ON nps_responses (survey_id, responded_at DESC, id DESC)
       INCLUDE (score)`,
    );
    await db.query(
      `CREATE INDEX ix_nps_responses_category ON nps_responses (workspace_id, category_id, responded_at)
       INCLUDE (score)`,
    );
    await db.query('CREATE INDEX ix_nps_responses_contact ON nps_responses (contact_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE nps_responses');
    await db.query('DROP TABLE nps_recipients');
    await db.query('DROP TABLE nps_surveys');
    await db.query('DROP TABLE nps_settings');
  }
}
