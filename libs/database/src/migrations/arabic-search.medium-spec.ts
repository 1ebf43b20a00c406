import { createScratchDatabase, type ScratchDatabase } from '@sanad/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source.factory';
import { ArabicSearch1764700000000 } from './1764700000000-arabic-search';
import { MIGRATIONS } from './index';

/** Migration 1764700000000 re-indexes conversations written under the old search vectors. */
describe('migration ArabicSearch1764700000000', () => {
  let scratch: ScratchDatabase;
  afterAll(() => scratch?.drop());

  it('indexes every conversation again from what the live path indexes', async () => {
    scratch = await createScratchDatabase();
    const before = new DataSource({
      ...dataSourceOptions(scratch.url),
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(ArabicSearch1764700000000)),
    });
    await before.initialize();
    await before.runMigrations();
    const [ws, inbox, contact, conversation] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const [reply, activity, automatic] = [randomUUID(), randomUUID(), randomUUID()];
    await before.query(`INSERT INTO workspaces (id, name, slug) VALUES ($1, 'w', $2)`, [
      ws,
      `w-${ws}`,
    ]);
    await before.query(
      `INSERT INTO mailboxes (id, workspace_id, name, slug, kind) VALUES ($1, $2, 'in', 'inbox', 'inbox')`,
      [inbox, ws],
    );
    await before.query(
      `INSERT INTO contacts (id, workspace_id, name, emails) VALUES ($1, $2, 'سارة', '{sara.johnson@example.com}')`,
      [contact, ws],
    );
    await before.query(
      `INSERT INTO conversations (id, workspace_id, number, subject, channel, mailbox_id, contact_id, search_vector)
       VALUES ($1, $2, 1, 'طلباتكم المعلقة', 'api', $3, $4, to_tsvector('simple', 'طلبات معلق'))`,
      [conversation, ws, inbox, contact],
    );
    await before.query(
      `INSERT INTO messages (id, workspace_id, conversation_id, kind, author_type, body_text, data) VALUES
         ($1, $4, $5, 'reply', 'contact', 'أرسلت فاتورتي أمس', '{}'),
         ($2, $4, $5, 'activity', 'system', 'نشاط', '{}'),
         ($3, $4, $5, 'reply', 'system', 'رد تلقائي', '{}')`,
      [reply, activity, automatic, ws, conversation],
    );
    await before.query(
      `INSERT INTO attachments (id, workspace_id, conversation_id, message_id, file_name, content_type, size, storage_key)
       VALUES ($1, $2, $3, $4, 'إيصال.pdf', 'application/pdf', 1, $5)`,
      [randomUUID(), ws, conversation, reply, `attachments/x/${randomUUID()}`],
    );
    await before.destroy();

    const after = new DataSource(dataSourceOptions(scratch.url));
    await after.initialize();
    expect((await after.runMigrations())[0].name).toBe('ArabicSearch1764700000000');
    const [row] = await after.query<Array<{ terms: string[] }>>(
      `SELECT tsvector_to_array(search_vector) AS terms FROM conversations WHERE id = $1`,
      [conversation],
    );
    expect(row.terms).toEqual(
      expect.arrayContaining([
        'طلباتكم',
        '~طلب',
        'ساره',
        'sara.johnson@example.com',
        'فاتورتي',
        '~فاتوره',
        'ايصال',
        'pdf',
      ]),
    );
    expect(row.terms).not.toContain('نشاط');
    expect(row.terms).not.toContain('تلقاءي');
    expect(row.terms).not.toContain('معلق');
    const [found] = await after.query<Array<{ yes: boolean; no: boolean }>>(
      `SELECT conversation_has_term($1, NULL, '''~طلب''') AS yes, conversation_has_term($1, NULL, '''زيتون''') AS no`,
      [ws],
    );
    expect(found).toEqual({ yes: true, no: false });
    await after.destroy();
  });
});
