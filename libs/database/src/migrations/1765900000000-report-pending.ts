import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Conversations whose report facts are to be derived again. The outbox consumer only records the
 * conversation here (one row however many events it had); the worker derives them in batches, so
 * a burst of mail costs one derivation per batch instead of a dozen statements per event.
 */
export class ReportPending1765900000000 implements MigrationInterface {
  name = 'ReportPending1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_pending (
        conversation_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query('CREATE INDEX ix_report_pending_queued ON report_pending (queued_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE report_pending');
  }
}
