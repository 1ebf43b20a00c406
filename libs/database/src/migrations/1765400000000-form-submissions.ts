import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Form submissions (استلامات): the answers as sent, against the version they were made on, with
 * where they came from and a hash of the sender's IP (never the IP). A submission held as spam
 * has no contact or conversation until it is released. Files are the submission's own copies
 * (the conversation's attachments are separate, so deleting one leaves the other).
 */
export class FormSubmissions1765400000000 implements MigrationInterface {
  name = 'FormSubmissions1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE form_submissions (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        form_id uuid NOT NULL REFERENCES forms(id) ON DELETE RESTRICT,
        version_id uuid NOT NULL REFERENCES form_versions(id) ON DELETE RESTRICT,
        version_number integer NOT NULL,
        state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'read', 'archived', 'spam')),
        spam_reason text CHECK (spam_reason IN ('honeypot', 'too_fast', 'challenge', 'rate')),
        language text NOT NULL CHECK (language IN ('ar', 'en')),
        answers jsonb NOT NULL,
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        page_url text,
        referrer text,
        user_agent text,
        ip_hash text,
        search_vector tsvector NOT NULL DEFAULT ''::tsvector,
        edited_at timestamptz,
        edited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      'CREATE INDEX ix_form_submissions_list ON form_submissions (workspace_id, created_at DESC, id DESC)',
    );
    await db.query(
      'CREATE INDEX ix_form_submissions_form ON form_submissions (form_id, state, created_at DESC)',
    );
    await db.query('CREATE INDEX ix_form_submissions_contact ON form_submissions (contact_id)');
    await db.query(
      'CREATE INDEX ix_form_submissions_search ON form_submissions USING gin (search_vector)',
    );
    await db.query(`
      CREATE TABLE form_submission_files (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES form_submissions(id) ON DELETE CASCADE,
        field_key text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        storage_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      'CREATE INDEX ix_form_submission_files ON form_submission_files (submission_id)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE form_submission_files');
    await db.query('DROP TABLE form_submissions');
  }
}
