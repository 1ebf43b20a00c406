import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many of an event's consumers have committed their effects. An event whose consumers take
 * work from different queues gets a job on each; each job adds one in its own commit, and the
 * one that reaches the count marks the event done (an UPDATE sees the newest committed count).
 */
export class OutboxConsumersDone1766200000000 implements MigrationInterface {
  name = 'OutboxConsumersDone1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox ADD COLUMN consumers_done integer NOT NULL DEFAULT 0');
    // Events some consumers finished before the upgrade count those consumers as done already.
    await db.query(
      `UPDATE outbox o SET consumers_done = r.n
       FROM (SELECT key, count(*)::int AS n FROM job_receipts GROUP BY key) r
       WHERE o.status IN ('pending', 'dispatched') AND r.key = o.id::text`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox DROP COLUMN consumers_done');
  }
}
