import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NPS recipients taken for sending: a worker claims a minute's allowance under the workspace's
 * lock before it sends, so two workers together never send more than the workspace's pace. A
 * claim a crashed worker left behind lapses after a minute.
 */
export class NpsClaims1766000000000 implements MigrationInterface {
  name = 'NpsClaims1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE nps_recipients ADD COLUMN claimed_at timestamptz');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE nps_recipients DROP COLUMN claimed_at');
  }
}
