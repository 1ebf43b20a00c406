import type { MigrationInterface, QueryRunner } from 'typeorm';
import { contactSearchText, foldedSortName } from '@sanad/search';

const BATCH = 1000;

/**
 * Issue 11: people get companies, categories, custom fields, notes and activity; companies,
 * categories (people's and companies' apart), custom-field definitions and the contact
 * timeline are new. Search reads `search_text` (folded names, emails, phone forms, company
 * name) through a trigram index; lists sort by `sort_name` (the folded name, in code-point order:
 * folded Arabic letters are in alphabetical order there, and a name prefix is an index range), created or last
 * seen, keyset-paginated with the id.
 */
export class Contacts1764800000000 implements MigrationInterface {
  name = 'Contacts1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await db.query(`
      CREATE TABLE contact_categories (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        entity text NOT NULL,
        name text NOT NULL,
        color text NOT NULL DEFAULT '#64748b',
        position integer NOT NULL DEFAULT 0,
        system_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_contact_categories_entity CHECK (entity IN ('person', 'company'))
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_contact_categories_name ON contact_categories (workspace_id, entity, lower(name))`,
    );
    await db.query(`
      CREATE TABLE contact_fields (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        entity text NOT NULL,
        key text NOT NULL,
        label_ar text NOT NULL,
        label_en text NOT NULL,
        type text NOT NULL,
        required boolean NOT NULL DEFAULT false,
        options jsonb NOT NULL DEFAULT '[]',
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_contact_fields_key UNIQUE (workspace_id, entity, key),
        CONSTRAINT ck_contact_fields_entity CHECK (entity IN ('person', 'company'))
      )`);
    await db.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        domains text[] NOT NULL DEFAULT '{}',
        category_id uuid REFERENCES contact_categories(id) ON DELETE SET NULL,
        custom_fields jsonb NOT NULL DEFAULT '{}',
        notes text,
        sort_name text COLLATE "C" NOT NULL DEFAULT '',
        search_text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_companies_sort ON companies (workspace_id, sort_name, id)`);
    await db.query(`CREATE INDEX ix_companies_domains ON companies USING gin (domains)`);
    await db.query(
      `CREATE INDEX ix_companies_search ON companies USING gin (search_text gin_trgm_ops)`,
    );
    await db.query(`CREATE INDEX ix_companies_category ON companies (category_id)`);

    await db.query(`
      ALTER TABLE contacts
        ADD COLUMN company_id uuid REFERENCES companies(id) ON DELETE SET NULL,
        ADD COLUMN company_link text,
        ADD COLUMN company_domain_opt_out boolean NOT NULL DEFAULT false,
        ADD COLUMN category_id uuid REFERENCES contact_categories(id) ON DELETE SET NULL,
        ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN notes text,
        ADD COLUMN language text,
        ADD COLUMN identity_verified_at timestamptz,
        ADD COLUMN last_seen_at timestamptz,
        ADD COLUMN last_conversation_at timestamptz,
        ADD COLUMN sort_name text COLLATE "C" NOT NULL DEFAULT '',
        ADD COLUMN search_text text NOT NULL DEFAULT '',
        ADD COLUMN registered boolean GENERATED ALWAYS AS (
          cardinality(emails) > 0 OR cardinality(phones) > 0 OR external_id IS NOT NULL
          OR identity_verified_at IS NOT NULL) STORED NOT NULL,
        ADD CONSTRAINT ck_contacts_company_link CHECK (company_link IN ('domain', 'manual'))`);
    await db.query('DROP INDEX ix_contacts_workspace');
    await db.query(`CREATE INDEX ix_contacts_sort_name ON contacts (workspace_id, sort_name, id)`);
    await db.query(`CREATE INDEX ix_contacts_created ON contacts (workspace_id, created_at, id)`);
    // Never-seen people sort as the oldest: one keyset order without NULL cases.
    await db.query(
      `CREATE INDEX ix_contacts_last_seen ON contacts (workspace_id, (coalesce(last_seen_at, '-infinity')), id)`,
    );
    await db.query(`CREATE INDEX ix_contacts_company ON contacts (company_id)`);
    await db.query(`CREATE INDEX ix_contacts_category ON contacts (category_id)`);
    await db.query(
      `CREATE INDEX ix_contacts_search ON contacts USING gin (search_text gin_trgm_ops)`,
    );
    await db.query(
      `CREATE INDEX ix_contacts_custom_fields ON contacts USING gin (custom_fields jsonb_path_ops)`,
    );

    await db.query(`
      CREATE TABLE contact_activities (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        contact_id uuid REFERENCES contacts(id) ON DELETE CASCADE,
        company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
        kind text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT ck_contact_activities_subject CHECK (num_nonnulls(contact_id, company_id) >= 1)
      )`);
    await db.query(
      `CREATE INDEX ix_contact_activities_contact ON contact_activities (contact_id, created_at) WHERE contact_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX ix_contact_activities_company ON contact_activities (company_id, created_at) WHERE company_id IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE contact_idempotency_keys (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL,
        request_hash text NOT NULL,
        response jsonb NOT NULL DEFAULT 'null',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, key)
      )`);

    // What the inbox filters by customer category or company reads: contacts' tables stay theirs.
    await db.query(`
      CREATE FUNCTION contacts_in_segment(ws uuid, category uuid, company uuid)
      RETURNS SETOF uuid LANGUAGE sql STABLE AS $$
        SELECT id FROM contacts WHERE workspace_id = ws
          AND (category IS NULL OR category_id = category)
          AND (company IS NULL OR company_id = company)
      $$`);

    // Every workspace starts with the two people categories the product names, in its language.
    await db.query(`
      CREATE FUNCTION contact_default_categories() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO contact_categories (id, workspace_id, entity, name, color, position, system_key)
        VALUES
          (gen_random_uuid(), NEW.id, 'person',
           CASE WHEN NEW.default_language = 'en' THEN 'Prospects' ELSE 'العملاء المحتملون' END,
           '#f59e0b', 0, 'prospects'),
          (gen_random_uuid(), NEW.id, 'person',
           CASE WHEN NEW.default_language = 'en' THEN 'Customers' ELSE 'العملاء' END,
           '#16a34a', 1, 'customers');
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER trg_workspaces_contact_categories AFTER INSERT ON workspaces
      FOR EACH ROW EXECUTE FUNCTION contact_default_categories()`);
    await db.query(`
      INSERT INTO contact_categories (id, workspace_id, entity, name, color, position, system_key)
      SELECT gen_random_uuid(), w.id, 'person', d.name, d.color, d.position, d.key
      FROM workspaces w
      CROSS JOIN LATERAL (VALUES
        (CASE WHEN w.default_language = 'en' THEN 'Prospects' ELSE 'العملاء المحتملون' END, '#f59e0b', 0, 'prospects'),
        (CASE WHEN w.default_language = 'en' THEN 'Customers' ELSE 'العملاء' END, '#16a34a', 1, 'customers')
      ) AS d(name, color, position, key)`);
    await this.index(db);
  }

  /** Existing contacts get their sort name and search text from the live code, in batches. */
  private async index(db: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await db.query(
        `SELECT id, name, emails, phones, external_id FROM contacts WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      )) as Array<{
        id: string;
        name: string | null;
        emails: string[];
        phones: string[];
        external_id: string | null;
      }>;
      if (rows.length === 0) return;
      const values = rows.map((r) => ({
        id: r.id,
        sort: foldedSortName(r.name, r.emails),
        text: contactSearchText({
          name: r.name,
          emails: r.emails,
          phones: r.phones,
          externalId: r.external_id,
        }),
      }));
      await db.query(
        `UPDATE contacts c SET sort_name = v.sort, search_text = v.text
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, sort text, text text) WHERE c.id = v.id`,
        [JSON.stringify(values)],
      );
      after = rows[rows.length - 1].id;
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER trg_workspaces_contact_categories ON workspaces');
    await db.query('DROP FUNCTION contact_default_categories()');
    await db.query('DROP FUNCTION contacts_in_segment(uuid, uuid, uuid)');
    await db.query('DROP TABLE contact_idempotency_keys');
    await db.query('DROP TABLE contact_activities');
    await db.query(`
      ALTER TABLE contacts
        DROP COLUMN registered, DROP COLUMN company_id, DROP COLUMN company_link,
        DROP COLUMN company_domain_opt_out, DROP COLUMN category_id, DROP COLUMN custom_fields,
        DROP COLUMN notes, DROP COLUMN language, DROP COLUMN identity_verified_at,
        DROP COLUMN last_seen_at, DROP COLUMN last_conversation_at, DROP COLUMN sort_name,
        DROP COLUMN search_text`);
    await db.query('CREATE INDEX ix_contacts_workspace ON contacts (workspace_id)');
    await db.query('DROP TABLE companies');
    await db.query('DROP TABLE contact_fields');
    await db.query('DROP TABLE contact_categories');
  }
}
