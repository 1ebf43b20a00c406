import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox delivery under load:
 * - failed deliveries are counted on the event (by the dispatcher, outside the failing
 *   transaction), so a consumer gives up on a poison event without a write of its own per try;
 *   the inbound email's own attempt counter goes;
 * - pending events and dispatched-but-unconfirmed ones get their own indexes, so the relay's
 *   pass after every commit reads only pending events instead of walking the whole backlog that
 *   waits in the queue.
 */
export class OutboxDelivery1764500000000 implements MigrationInterface {
  name = 'OutboxDelivery1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox ADD COLUMN failures integer NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE inbound_emails DROP COLUMN attempts');
    await db.query(
      `CREATE INDEX ix_outbox_pending ON outbox (created_at) WHERE status = 'pending'`,
    );
    await db.query(
      `CREATE INDEX ix_outbox_dispatched ON outbox (dispatched_at) WHERE status = 'dispatched'`,
    );
    await db.query('DROP INDEX ix_outbox_undone');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX ix_outbox_undone ON outbox (created_at) WHERE status <> 'done'`);
    await db.query('DROP INDEX ix_outbox_dispatched');
    await db.query('DROP INDEX ix_outbox_pending');
    await db.query('ALTER TABLE inbound_emails ADD COLUMN attempts integer NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE outbox DROP COLUMN failures');
  }
}
