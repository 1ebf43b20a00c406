import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed deliveries are counted on the outbox event (by the dispatcher, outside the failing
 * transaction), so a consumer gives up on a poison event without a write of its own per try;
 * the inbound email's own attempt counter goes.
 */
export class DeliveryFailures1764500000000 implements MigrationInterface {
  name = 'DeliveryFailures1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE outbox ADD COLUMN failures integer NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE inbound_emails DROP COLUMN attempts');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE inbound_emails ADD COLUMN attempts integer NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE outbox DROP COLUMN failures');
  }
}
