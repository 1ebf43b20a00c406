import type { MigrationInterface, QueryRunner } from 'typeorm';
// Migrations also run where path aliases do not (Jest's global setup), hence the relative import.
// eslint-disable-next-line sanad/no-relative-import-outside-package -- see above
import { indexTerms } from '../../../search/src';

/** Conversations re-indexed per statement: a few hundred keep each update short. */
const BATCH = 500;

/**
 * Issue 16: search vectors hold each word as written, its cores (`=`) and stems (`~`), built by
 * `@sanad/search` (libs/search) in code. Vectors written before hold the old stems and
 * PostgreSQL's `english` lexemes, so every conversation is indexed again from what the live
 * path indexes: subject and contact, and each customer or member message with its file names
 * (not timeline entries, not automatic replies). Batched by id, so it is restartable by
 * nature and never holds many rows at once; about 5,000 conversations a second here.
 */
export class ArabicSearch1764700000000 implements MigrationInterface {
  name = 'ArabicSearch1764700000000';

  async up(db: QueryRunner): Promise<void> {
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
  async down(): Promise<void> {}
}
