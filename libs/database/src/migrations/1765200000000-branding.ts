import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the default colour (#1F7A5C) derives to (brandColours in libs/branding). */
const DEFAULT_BRAND = {
  colour: '#1F7A5C',
  colours: {
    primary: '#1F7A5C',
    primaryHover: '#1B694F',
    primarySoft: '#E4EFEB',
    onPrimary: '#FFFFFF',
    link: '#1F7A5C',
    contrastRatio: 5.25,
    contrastOk: true,
  },
  logo: null,
  icon: null,
};

/**
 * Basic settings and the brand. The workspace row carries the week start, digits and calendar,
 * and the brand as one document (colour, its derived colours, the logo's and icon's
 * content-addressed URLs): every request reads it with the member, so it is not a join.
 * `brand_updated_at` stays null until an admin sets the brand (the first-run guide's step).
 * Members may choose their own digits. Brand images are kept by content hash and never
 * rewritten: emails already sent keep showing the logo they were sent with.
 */
export class Branding1765200000000 implements MigrationInterface {
  name = 'Branding1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE workspaces
        ADD COLUMN week_start text NOT NULL DEFAULT 'saturday'
          CHECK (week_start IN ('saturday', 'sunday', 'monday')),
        ADD COLUMN digits text NOT NULL DEFAULT 'latn' CHECK (digits IN ('latn', 'arab')),
        ADD COLUMN calendar text NOT NULL DEFAULT 'gregory'
          CHECK (calendar IN ('gregory', 'gregory-hijri')),
        ADD COLUMN brand jsonb NOT NULL DEFAULT '${JSON.stringify(DEFAULT_BRAND)}'::jsonb,
        ADD COLUMN brand_updated_at timestamptz`);
    await db.query(`
      ALTER TABLE users ADD COLUMN digits text CHECK (digits IN ('latn', 'arab'))`);
    await db.query(`
      CREATE TABLE brand_images (
        hash text PRIMARY KEY,
        content_type text NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE brand_images');
    await db.query('ALTER TABLE users DROP COLUMN digits');
    await db.query(`
      ALTER TABLE workspaces DROP COLUMN week_start, DROP COLUMN digits, DROP COLUMN calendar,
        DROP COLUMN brand, DROP COLUMN brand_updated_at`);
  }
}
