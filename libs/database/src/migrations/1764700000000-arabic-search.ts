import type { MigrationInterface, QueryRunner } from 'typeorm';
import { indexTerms } from '@sanad/search';

/** Conversations re-indexed per statement: a few hundred keep each update short. */
const BATCH = 500;

/**
 * Issue 16: search vectors hold each word as written, its cores (`=`) and stems (`~`), built by
 * `@sanad/search` (libs/search) in code. Vectors written before hold the old stems and
 * PostgreSQL's `english` lexemes, so every conversation is indexed again from what the live
 * path indexes: subject and contact, and each customer or member message with its file names
 * (not timeline entries, not automatic replies), in batches by id.
 */
export class ArabicSearch1764700000000 implements MigrationInterface {
  name = 'ArabicSearch1764700000000';

  async up(db: QueryRunner): Promise<void> {
    // PostgreSQL cannot know how many conversations of one workspace a tsquery matches: a word
    // it has never seen, or a prefix, is estimated at 1-3 % of the table, and it then scans the
    // table or walks the list for it. These read the matches through the GIN index whatever
    // the estimate (bitmap scans only), so they cost what the matches cost. ROWS 20: few, so
    // the caller looks its hits up by primary key instead of hashing the whole table.
    await db.query(`
      CREATE FUNCTION conversation_search_hits(ws uuid, match tsquery, exclude tsquery)
      RETURNS TABLE (id uuid, last_message_at timestamptz) LANGUAGE sql STABLE
      ROWS 20 SET enable_seqscan = off SET enable_indexscan = off
      AS $$
        SELECT c.id, c.last_message_at FROM conversations c
        WHERE c.workspace_id = ws AND c.search_vector @@ match
          AND (exclude IS NULL OR NOT c.search_vector @@ exclude)
      $$`);
    await db.query(`
      CREATE FUNCTION conversation_has_term(ws uuid, mailboxes uuid[], term tsquery)
      RETURNS boolean LANGUAGE sql STABLE
      SET enable_seqscan = off SET enable_indexscan = off
      AS $$
        SELECT EXISTS (
          SELECT 1 FROM conversations c
          WHERE c.workspace_id = ws AND (mailboxes IS NULL OR c.mailbox_id = ANY(mailboxes))
            AND c.search_vector @@ term)
      $$`);
    await this.reindex(db);
  }

  private async reindex(db: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const conversations = (await db.query(
        `SELECT c.id, c.subject, ct.name, coalesce(ct.emails, '{}') AS emails, coalesce(ct.phones, '{}') AS phones
         FROM conversations c LEFT JOIN contacts ct ON ct.id = c.contact_id
         WHERE c.id > $1 ORDER BY c.id LIMIT ${BATCH}`,
        [after],
      )) as Array<{
        id: string;
        subject: string;
        name: string | null;
        emails: string[];
        phones: string[];
      }>;
      if (conversations.length === 0) return;
      const ids = conversations.map((c) => c.id);
      const texts = (await db.query(
        `SELECT m.conversation_id AS id, m.body_text || ' ' || coalesce(
           (SELECT string_agg(a.file_name, ' ') FROM attachments a WHERE a.message_id = m.id), '') AS text
         FROM messages m
         WHERE m.conversation_id = ANY($1::uuid[]) AND m.kind <> 'activity' AND m.author_type <> 'system'`,
        [ids],
      )) as Array<{ id: string; text: string }>;
      const terms = new Map<string, Set<string>>(
        conversations.map((c) => [
          c.id,
          new Set(indexTerms([c.subject, c.name ?? '', ...c.emails, ...c.phones].join(' '))),
        ]),
      );
      for (const { id, text } of texts)
        for (const term of indexTerms(text)) terms.get(id)?.add(term);
      await db.query(
        `UPDATE conversations c SET search_vector = array_to_tsvector(v.terms)
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, terms text[]) WHERE c.id = v.id`,
        [JSON.stringify([...terms].map(([id, set]) => ({ id, terms: [...set] })))],
      );
      after = ids[ids.length - 1];
    }
  }

  /** The old vectors cannot be rebuilt here (their stemmer is gone); the new ones stay. */
  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION conversation_has_term(uuid, uuid[], tsquery)');
    await db.query('DROP FUNCTION conversation_search_hits(uuid, tsquery, tsquery)');
  }
}
