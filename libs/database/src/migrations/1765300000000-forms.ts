import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contact forms: a form is its draft (fields and settings, one document) plus published
 * versions that are never changed; `live_version_id` is what customers get. `key` is the
 * public name of its URLs: random, so forms cannot be enumerated.
 */
export class Forms1765300000000 implements MigrationInterface {
  name = 'Forms1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE forms (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        key text NOT NULL UNIQUE,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        draft jsonb NOT NULL,
        live_version_id uuid,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX ix_forms_workspace ON forms (workspace_id, created_at)');
    await db.query(`
      CREATE TABLE form_versions (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        form_id uuid NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
        number integer NOT NULL,
        definition jsonb NOT NULL,
        note text,
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (form_id, number)
      )`);
    await db.query(`
      ALTER TABLE forms ADD CONSTRAINT fk_forms_live_version
        FOREIGN KEY (live_version_id) REFERENCES form_versions(id) DEFERRABLE INITIALLY DEFERRED`);
    // Versions are history: nothing may rewrite one.
    await db.query(`
      CREATE FUNCTION form_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'form versions are immutable';
      END $$`);
    await db.query(`
      CREATE TRIGGER form_versions_no_update BEFORE UPDATE ON form_versions
      FOR EACH ROW EXECUTE FUNCTION form_versions_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE forms DROP CONSTRAINT fk_forms_live_version');
    await db.query('DROP TABLE form_versions');
    await db.query('DROP FUNCTION form_versions_immutable()');
    await db.query('DROP TABLE forms');
  }
}
