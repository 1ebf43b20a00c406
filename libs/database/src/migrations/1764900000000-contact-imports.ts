import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports of people. An import's progress is its checkpoint: `rows_done` commits with each
 * batch it covers, so a restarted job goes on from there. Rejected rows keep their cells for
 * the rejected-rows file; changes keep what the import created and what it overwrote, so a
 * cancelled import is undone whole (and are dropped once it completes).
 */
const IDENTITY_INDEXES = ['ix_contacts_emails', 'ix_contacts_phones', 'ix_companies_domains'];

export class ContactImports1764900000000 implements MigrationInterface {
  name = 'ContactImports1764900000000';

  async up(db: QueryRunner): Promise<void> {
    // GIN's pending list is scanned for every key of a lookup: after a bulk import, finding a
    // batch's 1,000 emails took 8 s instead of 2 ms. The identity indexes take entries straight
    // in (two per person, cheap); the search indexes keep the list (an import flushes it per
    // batch, which costs half of inserting into them one row at a time).
    for (const index of IDENTITY_INDEXES)
      await db.query(`ALTER INDEX ${index} SET (fastupdate = off)`);
    await db.query(`
      CREATE TABLE contact_imports (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        file_name text NOT NULL,
        blob_key text,
        size_bytes bigint NOT NULL,
        encoding text NOT NULL,
        delimiter text NOT NULL,
        headers jsonb NOT NULL,
        samples jsonb NOT NULL,
        targets jsonb NOT NULL,
        match_by text[] NOT NULL,
        on_match text NOT NULL,
        status text NOT NULL,
        rows_done integer NOT NULL DEFAULT 0,
        check_counts jsonb,
        counts jsonb NOT NULL,
        error jsonb,
        runner_token uuid,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await db.query(
      'CREATE INDEX ix_contact_imports_workspace ON contact_imports (workspace_id, created_at DESC)',
    );
    await db.query(`CREATE INDEX ix_contact_imports_active ON contact_imports (lease_until)
      WHERE status IN ('checking', 'queued', 'running', 'cancelling')`);
    await db.query(`
      CREATE TABLE contact_import_rejects (
        import_id uuid NOT NULL REFERENCES contact_imports(id) ON DELETE CASCADE,
        phase text NOT NULL,
        row_number integer NOT NULL,
        code text NOT NULL,
        column_index integer,
        params jsonb NOT NULL DEFAULT '{}',
        cells jsonb NOT NULL,
        PRIMARY KEY (import_id, phase, row_number)
      )`);
    // Identities (e:<email>, p:<phone>, x:<external id>) of the rows taken so far, with their
    // row: the same person twice in one file is found without holding the file in memory.
    await db.query(`
      CREATE TABLE contact_import_keys (
        import_id uuid NOT NULL REFERENCES contact_imports(id) ON DELETE CASCADE,
        phase text NOT NULL,
        key text NOT NULL,
        row_number integer NOT NULL,
        PRIMARY KEY (import_id, phase, key)
      )`);
    await db.query(`
      CREATE TABLE contact_import_changes (
        import_id uuid NOT NULL REFERENCES contact_imports(id) ON DELETE CASCADE,
        subject text NOT NULL,
        subject_id uuid NOT NULL,
        row_number integer NOT NULL,
        action text NOT NULL,
        before jsonb,
        PRIMARY KEY (import_id, subject, subject_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of IDENTITY_INDEXES) await db.query(`ALTER INDEX ${index} RESET (fastupdate)`);
    await db.query('DROP TABLE contact_import_changes');
    await db.query('DROP TABLE contact_import_keys');
    await db.query('DROP TABLE contact_import_rejects');
    await db.query('DROP TABLE contact_imports');
  }
}
