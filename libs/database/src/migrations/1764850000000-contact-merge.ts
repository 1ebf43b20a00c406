import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merging (and deleting) a person re-points the messages they wrote; without an index that is a
 * scan of every message (partial: most messages are agents' or the system's). Suggested
 * duplicates walk a workspace's people in id order, a bounded batch per page.
 */
export class ContactMerge1764850000000 implements MigrationInterface {
  name = 'ContactMerge1764850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX ix_messages_author_contact ON messages (author_contact_id) WHERE author_contact_id IS NOT NULL`,
    );
    await db.query('CREATE INDEX ix_contacts_workspace_id ON contacts (workspace_id, id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX ix_contacts_workspace_id');
    await db.query('DROP INDEX ix_messages_author_contact');
  }
}
