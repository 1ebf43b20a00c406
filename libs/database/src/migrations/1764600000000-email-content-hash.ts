import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R2: a duplicate is the same Message-ID *and* the same content. Mail clients and scripts reuse
 * Message-IDs for different messages; both are kept now, each with the hash of its content.
 */
export class EmailContentHash1764600000000 implements MigrationInterface {
  name = 'EmailContentHash1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE messages ADD COLUMN email_content_hash text');
    await db.query('DROP INDEX uq_messages_email_message_id');
    await db.query(
      `CREATE UNIQUE INDEX uq_messages_email_message_id ON messages (workspace_id, email_message_id, (coalesce(email_content_hash, ''))) WHERE email_message_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX uq_messages_email_message_id');
    await db.query(
      `CREATE UNIQUE INDEX uq_messages_email_message_id ON messages (workspace_id, email_message_id) WHERE email_message_id IS NOT NULL`,
    );
    await db.query('ALTER TABLE messages DROP COLUMN email_content_hash');
  }
}
