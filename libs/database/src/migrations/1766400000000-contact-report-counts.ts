import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People by category and registration, counted from the index alone: the contacts report read
 * every contact row twice (about 60 ms at 100,000 people) for numbers this index holds.
 */
export class ContactReportCounts1766400000000 implements MigrationInterface {
  name = 'ContactReportCounts1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX ix_contacts_report ON contacts (workspace_id, category_id, registered)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX ix_contacts_report');
  }
}
