import type { ContactErasureView, PersonView } from '@sanad/contracts';
import { PersonalDataService } from '@sanad/contacts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import yauzl from 'yauzl';
import { addMember, createWorkspace, sharedTestApp, type HttpSession } from './test-app';

// A database of its own: erasure runs from the outbox, and on the shared database a spawned
// e2e server's worker (with its own DATA_DIR) could claim it and delete the files elsewhere.
const app = sharedTestApp({ scratch: true });

function sql<T = unknown[]>(text: string, params: unknown[] = []): Promise<T> {
  return app.running.app.get(DataSource).query<T>(text, params);
}

/** The ZIP's entries as name → bytes (read back with yauzl). */
function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no entry stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** A person with a conversation: their message with a file, an agent's reply and a note. */
async function personWithHistory(owner: HttpSession, marker: string) {
  const email = `${marker}@example.sa`;
  const file = await owner.upload(
    '/api/v1/attachments',
    'invoice.pdf',
    Buffer.from(`PDF ${marker}`),
  );
  expect(file.status).toBe(201);
  const created = await owner.post('/api/v1/conversations', {
    contact: { email, name: `Name ${marker}` },
    subject: `Subject ${marker}`,
    text: `Customer body ${marker}`,
    attachmentIds: [file.body.id],
  });
  expect(created.status).toBe(201);
  const conversationId = created.body.conversation.id as string;
  expect(
    (await owner.post(`/api/v1/conversations/${conversationId}/notes`, { text: 'Team note' }))
      .status,
  ).toBe(201);
  const reply = await owner.post(`/api/v1/conversations/${conversationId}/replies`, {
    text: 'We are on it',
  });
  expect([200, 201]).toContain(reply.status);
  const [{ id: contactId }] = await sql<Array<{ id: string }>>(
    'SELECT contact_id AS id FROM conversations WHERE id = $1',
    [conversationId],
  );
  return { contactId, conversationId, email };
}

/** Every text-like column of every table holding the marker: table.column → rows. */
async function markerHits(marker: string): Promise<Record<string, number>> {
  const columns = await sql<Array<{ table_name: string; column_name: string; udt_name: string }>>(
    `SELECT table_name, column_name, udt_name FROM information_schema.columns
     WHERE table_schema = 'public' AND udt_name IN ('text', '_text', 'jsonb', 'varchar', 'bytea', 'tsvector')`,
  );
  const hits: Record<string, number> = {};
  for (const { table_name, column_name, udt_name } of columns) {
    const text =
      udt_name === 'bytea' ? `encode("${column_name}", 'escape')` : `"${column_name}"::text`;
    const [row] = await sql<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE position($1 in lower(${text})) > 0`,
      [marker.toLowerCase()],
    );
    if (row.n > 0) hits[`${table_name}.${column_name}`] = row.n;
  }
  return hits;
}

/** Every uuid column of every table holding one of these ids (outbox facts and audit excepted). */
async function idHits(ids: string[]): Promise<Record<string, number>> {
  const columns = await sql<Array<{ table_name: string; column_name: string }>>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND udt_name IN ('uuid', 'text', 'jsonb')
       AND table_name NOT IN ('outbox', 'audit_log')`,
  );
  const hits: Record<string, number> = {};
  for (const { table_name, column_name } of columns) {
    const [row] = await sql<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ~ $1`,
      [ids.join('|')],
    );
    if (row.n > 0) hits[`${table_name}.${column_name}`] = row.n;
  }
  return hits;
}

async function eraseAndWait(owner: HttpSession, contactId: string, mode: 'delete' | 'redact') {
  const res = await owner.post(`/api/v1/people/${contactId}/erase`, { mode });
  expect(res.status).toBe(202);
  const view = res.body as ContactErasureView;
  expect(view.jobId).toMatch(/^contacts\.erase:/);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await sql<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox WHERE type = 'contact.deleted' AND payload ->> 'contactId' = $1`,
      [contactId],
    );
    if (row.n > 0) return view;
    if (Date.now() > deadline) throw new Error('erase job did not finish');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const markerOf = (): string => `mk${randomBytes(6).toString('hex')}`;

describe('personal data', () => {
  it('exports the profile, messages, notes and attachment bytes as a ZIP', async () => {
    const ws = await createWorkspace(app.base);
    const marker = markerOf();
    const { contactId, conversationId } = await personWithHistory(ws.owner, marker);
    const res = await ws.owner.download(`/api/v1/people/${contactId}/personal-data`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;.*\.zip/);
    const entries = await unzip(res.body as Buffer);
    const profile = JSON.parse(String(entries.get('profile.json')));
    expect((profile.person as PersonView).name).toBe(`Name ${marker}`);
    expect(Array.isArray(profile.timeline)).toBe(true);
    const [conversation] = JSON.parse(String(entries.get('conversations.json')));
    expect(conversation).toMatchObject({ id: conversationId, subject: `Subject ${marker}` });
    const bodies = conversation.messages.map((m: { bodyText: string }) => m.bodyText);
    expect(bodies).toEqual(
      expect.arrayContaining([`Customer body ${marker}`, 'Team note', 'We are on it']),
    );
    const withFile = conversation.messages.find(
      (m: { attachments: unknown[] }) => m.attachments.length > 0,
    );
    const path = withFile.attachments[0].path as string;
    expect(path).toMatch(new RegExp(`^attachments/${conversationId}/.+-invoice\\.pdf$`));
    expect(String(entries.get(path))).toBe(`PDF ${marker}`);
  });

  it('answers 404 for another workspace’s person and 403 for a non-admin', async () => {
    const ws = await createWorkspace(app.base);
    const other = await createWorkspace(app.base);
    const person = await other.owner.post('/api/v1/people', { name: 'Elsewhere' });
    const foreign = person.body.id as string;
    expect((await ws.owner.get(`/api/v1/people/${foreign}/personal-data`)).status).toBe(404);
    expect(
      (await ws.owner.post(`/api/v1/people/${foreign}/erase`, { mode: 'delete' })).status,
    ).toBe(404);
    const agent = await addMember(app.base, other.owner, 'agent');
    expect((await agent.session.get(`/api/v1/people/${foreign}/personal-data`)).status).toBe(403);
    expect(
      (await agent.session.post(`/api/v1/people/${foreign}/erase`, { mode: 'delete' })).status,
    ).toBe(403);
    expect(
      (await other.owner.post(`/api/v1/people/${foreign}/erase`, { mode: 'burn' })).status,
    ).toBe(400);
  });

  it('erase "delete" leaves nothing behind in any table, and a second run is harmless', async () => {
    const ws = await createWorkspace(app.base);
    const marker = markerOf();
    const { contactId, conversationId } = await personWithHistory(ws.owner, marker);
    const [{ key }] = await sql<Array<{ key: string }>>(
      'SELECT storage_key AS key FROM attachments WHERE conversation_id = $1',
      [conversationId],
    );
    expect(Object.keys(await markerHits(marker)).length).toBeGreaterThan(0);
    await eraseAndWait(ws.owner, contactId, 'delete');
    expect(await markerHits(marker)).toEqual({});
    expect(await idHits([contactId, conversationId])).toEqual({});
    expect((await ws.owner.get(`/api/v1/people/${contactId}`)).status).toBe(404);
    expect((await ws.owner.get(`/api/v1/conversations/${conversationId}`)).status).toBe(404);
    // The file is gone from storage.
    const { BlobStorage } = await import('@sanad/storage');
    expect(await app.running.app.get(BlobStorage).get(key)).toBeNull();
    // Audit: who, when and how; not the data.
    const audit = await sql<Array<{ actor_user_id: string; data: object }>>(
      `SELECT actor_user_id, data FROM audit_log WHERE action = 'contact.erase' AND target_id = $1`,
      [contactId],
    );
    expect(audit).toEqual([{ actor_user_id: ws.me.user.id, data: { mode: 'delete' } }]);
    // The job again (a redelivery): nothing changes, no second event.
    const service = app.running.app.get(PersonalDataService);
    await service.erase({
      workspaceId: ws.me.workspace.id,
      contactId,
      mode: 'delete',
      actorId: null,
    });
    const events = await sql<unknown[]>(
      `SELECT 1 FROM outbox WHERE type = 'contact.deleted' AND payload ->> 'contactId' = $1`,
      [contactId],
    );
    expect(events).toHaveLength(1);
  });

  it('erase "redact" keeps the conversation for statistics but no trace of the person', async () => {
    const ws = await createWorkspace(app.base);
    const marker = markerOf();
    const { contactId, conversationId } = await personWithHistory(ws.owner, marker);
    await eraseAndWait(ws.owner, contactId, 'redact');
    expect(await markerHits(marker)).toEqual({});
    const [conversation] = await sql<Array<{ id: string; subject: string }>>(
      'SELECT id, subject FROM conversations WHERE id = $1',
      [conversationId],
    );
    expect(conversation.id).toBe(conversationId);
    const messages = await sql<Array<{ author_type: string; body_text: string }>>(
      'SELECT author_type, body_text FROM messages WHERE conversation_id = $1 ORDER BY created_at',
      [conversationId],
    );
    expect(messages.map((m) => m.body_text)).toEqual(
      expect.arrayContaining(['Team note', 'We are on it']),
    );
    expect(
      await sql('SELECT 1 FROM attachments WHERE conversation_id = $1', [conversationId]),
    ).toEqual([]);
    // Search no longer finds the conversation by the person's words.
    const found = await ws.owner.get(`/api/v1/conversations?q=${marker}`);
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([]);
    // Run twice: harmless.
    await app.running.app
      .get(PersonalDataService)
      .erase({ workspaceId: ws.me.workspace.id, contactId, mode: 'redact', actorId: null });
    expect(await markerHits(marker)).toEqual({});
    expect(
      await sql(
        `SELECT 1 FROM outbox WHERE type = 'contact.deleted' AND payload ->> 'contactId' = $1`,
        [contactId],
      ),
    ).toHaveLength(1);
  });
});
