import type {
  CompanyMergePreviewView,
  CompanyView,
  DuplicatePairView,
  MailboxView,
  PageView,
  PersonMergePreviewView,
  PersonView,
} from '@sanad/contracts';
import { indexTerms } from '@sanad/search';
import { Seed, uniqueEmail } from '@sanad/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createWorkspace, sharedTestApp, type TestWorkspace } from './test-app';

const app = sharedTestApp();

interface Ws {
  http: TestWorkspace;
  id: string;
  inboxId: string;
}

function sql<T = Array<Record<string, unknown>>>(text: string, params: unknown[] = []): Promise<T> {
  return app.running.app.get(DataSource).query<T>(text, params);
}

function seed(): Seed {
  return new Seed(app.running.app.get(DataSource));
}

async function workspace(): Promise<Ws> {
  const http = await createWorkspace(app.base);
  const mailboxes = (await http.owner.get('/api/v1/mailboxes')).body.items as MailboxView[];
  return { http, id: http.me.workspace.id, inboxId: mailboxes[0].id };
}

async function person(
  ws: Ws,
  row: { name?: string | null; emails?: string[]; phones?: string[] },
  extra: Record<string, unknown> = {},
): Promise<string> {
  const id = await seed().contact(ws.id, row);
  const columns = Object.keys(extra);
  if (columns.length > 0)
    await sql(
      `UPDATE contacts SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`,
      [id, ...columns.map((c) => (c === 'custom_fields' ? JSON.stringify(extra[c]) : extra[c]))],
    );
  return id;
}

async function company(ws: Ws, name: string, domains: string[] = []): Promise<string> {
  const id = randomUUID();
  await sql(`INSERT INTO companies (id, workspace_id, name, domains) VALUES ($1, $2, $3, $4)`, [
    id,
    ws.id,
    name,
    domains,
  ]);
  return id;
}

async function activity(ws: Ws, subject: { contactId?: string; companyId?: string }, kind: string) {
  await sql(
    `INSERT INTO contact_activities (id, workspace_id, contact_id, company_id, kind) VALUES ($1, $2, $3, $4, $5)`,
    [randomUUID(), ws.id, subject.contactId ?? null, subject.companyId ?? null, kind],
  );
}

/** A published form and one submission of this person (rows straight in: only the link matters). */
async function formSubmission(ws: Ws, contactId: string): Promise<void> {
  const [formId, versionId] = [randomUUID(), randomUUID()];
  await sql(
    `INSERT INTO forms (id, workspace_id, name, key, draft) VALUES ($1, $2, 'f', $3, '{}'::jsonb)`,
    [formId, ws.id, `k${randomUUID().replace(/-/g, '').slice(0, 20)}`],
  );
  await sql(
    `INSERT INTO form_versions (id, workspace_id, form_id, number, definition)
     VALUES ($1, $2, $3, 1, '{"fields":[],"settings":{}}'::jsonb)`,
    [versionId, ws.id, formId],
  );
  await sql(
    `INSERT INTO form_submissions (id, workspace_id, form_id, version_id, version_number, language, answers, contact_id)
     VALUES ($1, $2, $3, $4, 1, 'ar', '{}'::jsonb, $5)`,
    [randomUUID(), ws.id, formId, versionId, contactId],
  );
}

/** Every column that references people, found in the schema (so a new one is not forgotten). */
async function contactReferences(): Promise<Array<{ table: string; column: string }>> {
  return sql(
    `SELECT DISTINCT kcu.table_name AS "table", kcu.column_name AS "column"
     FROM information_schema.referential_constraints rc
     JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name
     JOIN information_schema.constraint_column_usage ccu
       ON ccu.constraint_name = rc.unique_constraint_name
     WHERE ccu.table_name = 'contacts'
     UNION
     SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name LIKE '%contact_id'
       -- Report facts are derived from the conversations, and follow them by event.
       AND table_name NOT LIKE 'report\\_%'
     ORDER BY 1, 2`,
  );
}

async function referencesTo(id: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of await contactReferences()) {
    const [row] = await sql<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
      [id],
    );
    counts[`${table}.${column}`] = row.n;
  }
  return counts;
}

describe('merging people', () => {
  it('moves identities, fields, conversations, messages and the timeline, and the source goes', async () => {
    const ws = await workspace();
    const [categoryA, categoryB] = (
      await sql<Array<{ id: string }>>(
        `SELECT id FROM contact_categories WHERE workspace_id = $1 ORDER BY position`,
        [ws.id],
      )
    ).map((r) => r.id);
    const acme = await company(ws, 'أكمي');
    const [e1, e2] = [uniqueEmail('sara'), uniqueEmail('sara.work')];
    const target = await person(
      ws,
      { name: 'سارة أحمد', emails: [e1], phones: ['+966501234567'] },
      { notes: 'تفضّل البريد', category_id: categoryA, custom_fields: { plan: 'gold', tier: 1 } },
    );
    const source = await person(
      ws,
      { name: 'Sara', emails: [e2, e1], phones: ['+966551112222'] },
      {
        notes: 'تتصل مساءً',
        category_id: categoryB,
        company_id: acme,
        external_id: `crm-${randomUUID()}`,
        custom_fields: { plan: 'silver', seats: 3 },
      },
    );
    const moved = [
      await seed().conversation(ws, { contactId: source }),
      await seed().conversation(ws, { contactId: source }),
    ];
    await seed().conversation(ws, { contactId: target });
    const message = await seed().message(ws.id, moved[0]);
    await sql('UPDATE messages SET author_contact_id = $2 WHERE id = $1', [message, source]);
    await activity(ws, { contactId: source }, 'created');
    await formSubmission(ws, source);
    // A rating the person gave, attributed to them.
    await sql(
      `INSERT INTO ratings (id, workspace_id, conversation_id, conversation_number, contact_id,
         mailbox_id, channel, score, comment)
       SELECT gen_random_uuid(), workspace_id, id, number, $2, mailbox_id, channel, 5, 'ممتاز'
         FROM conversations WHERE id = $1`,
      [moved[0], source],
    );
    // An NPS survey the person got and answered.
    const survey = randomUUID();
    const recipient = randomUUID();
    await sql(
      `INSERT INTO nps_surveys (id, workspace_id, name, question_ar, question_en)
       VALUES ($1, $2, 'NPS', 'س', 'q')`,
      [survey, ws.id],
    );
    await sql(
      `INSERT INTO nps_recipients (id, workspace_id, survey_id, contact_id, email, language, status, sent_at)
       VALUES ($1, $2, $3, $4, $5, 'ar', 'sent', now())`,
      [recipient, ws.id, survey, source, e2],
    );
    await sql(
      `INSERT INTO nps_responses (id, workspace_id, survey_id, recipient_id, contact_id, score)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 9)`,
      [ws.id, survey, recipient, source],
    );
    expect(Object.values(await referencesTo(source)).every((n) => n > 0)).toBe(true);

    const preview = await ws.http.owner.get(
      `/api/v1/people/${target}/merge-preview?sourceId=${source}`,
    );
    expect(preview.status).toBe(200);
    const p = preview.body as PersonMergePreviewView;
    expect(p.conflicts.map((c) => c.field)).toEqual([
      'name',
      'category',
      'notes',
      'customFields.plan',
    ]);
    expect(p.conflicts[1]).toMatchObject({ target: { id: categoryA }, source: { id: categoryB } });
    expect(p.moves).toEqual({ conversations: 2, emails: [e2], phones: ['+966551112222'] });

    const merged = await ws.http.owner.post(`/api/v1/people/${target}/merge`, {
      sourceId: source,
      pick: { name: 'source', 'customFields.plan': 'source' },
    });
    expect(merged.status).toBe(200);
    const view = merged.body as PersonView;
    expect(view).toMatchObject({
      id: target,
      name: 'Sara',
      emails: [e1, e2],
      phones: ['+966501234567', '+966551112222'],
      company: { id: acme, name: 'أكمي' },
      category: { id: categoryA },
      notes: 'تفضّل البريد\n\nتتصل مساءً',
      customFields: { plan: 'silver', tier: 1, seats: 3 },
    });
    expect(view.externalId).toMatch(/^crm-/);

    // Nothing references the source any more; everything it had is the survivor's.
    expect(Object.values(await referencesTo(source)).every((n) => n === 0)).toBe(true);
    expect(await referencesTo(target)).toMatchObject({
      'contact_activities.contact_id': 2,
      'conversations.contact_id': 3,
      'messages.author_contact_id': 1,
    });
    expect(await sql('SELECT 1 FROM contacts WHERE id = $1', [source])).toHaveLength(0);
    const [row] = await sql<Array<{ sort_name: string; search_text: string }>>(
      'SELECT sort_name, search_text FROM contacts WHERE id = $1',
      [target],
    );
    expect(row.sort_name).toBe('sara');
    expect(row.search_text).toContain(e2);
    expect(row.search_text).toContain('اكمي'); // folded: أ → ا
    // The moved conversations are found by the survivor's name and addresses.
    const [vector] = await sql<Array<{ found: boolean }>>(
      `SELECT bool_and(tsvector_to_array(search_vector) @> $2::text[]) AS found
       FROM conversations WHERE id = ANY($1::uuid[])`,
      [moved, indexTerms(`Sara ${e1}`)],
    );
    expect(vector.found).toBe(true);
    const timeline = await sql<Array<{ kind: string; data: Record<string, unknown> }>>(
      `SELECT kind, data FROM contact_activities WHERE contact_id = $1 ORDER BY created_at`,
      [target],
    );
    expect(timeline).toEqual([
      { kind: 'created', data: {} },
      { kind: 'merged', data: { sourceId: source, sourceName: 'Sara' } },
    ]);
    expect(
      await sql(
        `SELECT action, target_id FROM audit_log WHERE workspace_id = $1 AND action = 'contact.merged'`,
        [ws.id],
      ),
    ).toEqual([{ action: 'contact.merged', target_id: target }]);
    const events = await sql<Array<{ type: string; payload: Record<string, unknown> }>>(
      `SELECT type, payload FROM outbox WHERE workspace_id = $1 AND type LIKE 'contact.%' ORDER BY seq`,
      [ws.id],
    );
    expect(events).toEqual([
      { type: 'contact.merged', payload: { sourceId: source, targetId: target } },
      {
        type: 'contact.updated',
        payload: {
          contactId: target,
          changed: expect.arrayContaining([
            'name',
            'emails',
            'phones',
            'company',
            'notes',
            'customFields',
          ]) as unknown,
        },
      },
    ]);

    // A retry finds the source gone, and says so.
    const again = await ws.http.owner.post(`/api/v1/people/${target}/merge`, { sourceId: source });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('contact/merge_source_not_found');
  });

  it('refuses a merge into oneself, another workspace’s people and bad picks', async () => {
    const ws = await workspace();
    const other = await workspace();
    const mine = await person(ws, {});
    const theirs = await person(other, {});
    const self = await ws.http.owner.post(`/api/v1/people/${mine}/merge`, { sourceId: mine });
    expect([self.status, self.body.code]).toEqual([400, 'contact/merge_self']);
    const foreignSource = await ws.http.owner.post(`/api/v1/people/${mine}/merge`, {
      sourceId: theirs,
    });
    expect(foreignSource.status).toBe(404);
    const foreignTarget = await ws.http.owner.get(
      `/api/v1/people/${theirs}/merge-preview?sourceId=${mine}`,
    );
    expect([foreignTarget.status, foreignTarget.body.code]).toEqual([404, 'contact/not_found']);
    const badPick = await ws.http.owner.post(`/api/v1/people/${mine}/merge`, {
      sourceId: await person(ws, {}),
      pick: { name: 'both' },
    });
    expect(badPick.status).toBe(400);
    expect(badPick.body.errors[0]).toMatchObject({ field: 'pick.name', code: 'isIn' });
    expect(await sql('SELECT 1 FROM contacts WHERE id = $1', [theirs])).toHaveLength(1);
  });

  it('merges A into B and B into A at once without deadlock or loss', async () => {
    const ws = await workspace();
    for (let round = 0; round < 3; round++) {
      const [ea, eb] = [uniqueEmail('a'), uniqueEmail('b')];
      const a = await person(ws, { emails: [ea] });
      const b = await person(ws, { emails: [eb] });
      await seed().conversation(ws, { contactId: a });
      await seed().conversation(ws, { contactId: b });
      const answers = await Promise.all([
        ws.http.owner.post(`/api/v1/people/${b}/merge`, { sourceId: a }),
        ws.http.owner.post(`/api/v1/people/${a}/merge`, { sourceId: b }),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 404]);
      const left = await sql<Array<{ id: string; emails: string[] }>>(
        'SELECT id, emails FROM contacts WHERE id = ANY($1::uuid[])',
        [[a, b]],
      );
      expect(left).toHaveLength(1);
      expect([...left[0].emails].sort()).toEqual([ea, eb].sort());
      expect(await referencesTo(left[0].id)).toMatchObject({ 'conversations.contact_id': 2 });
    }
  });
});

describe('merging companies', () => {
  it('moves people, domains and the timeline to the survivor', async () => {
    const ws = await workspace();
    const target = await company(ws, 'أكمي', ['acme.sa']);
    const source = await company(ws, 'Acme Trading', ['acme.com', 'acme.sa']);
    const staying = await person(ws, { name: 'منى' }, { company_id: target });
    const moving = await person(ws, { name: 'خالد' }, { company_id: source });
    await activity(ws, { companyId: source }, 'created');
    const preview = await ws.http.owner.get(
      `/api/v1/companies/${target}/merge-preview?sourceId=${source}`,
    );
    expect(preview.status).toBe(200);
    const p = preview.body as CompanyMergePreviewView;
    expect(p.conflicts.map((c) => c.field)).toEqual(['name']);
    expect(p.moves).toEqual({ people: 1, domains: ['acme.com'] });

    const merged = await ws.http.owner.post(`/api/v1/companies/${target}/merge`, {
      sourceId: source,
      pick: { name: 'source' },
    });
    expect(merged.status).toBe(200);
    expect(merged.body as CompanyView).toMatchObject({
      id: target,
      name: 'Acme Trading',
      domains: ['acme.sa', 'acme.com'],
      peopleCount: 2,
    });
    expect(await sql('SELECT 1 FROM companies WHERE id = $1', [source])).toHaveLength(0);
    const people = await sql<Array<{ company_id: string; search_text: string }>>(
      'SELECT company_id, search_text FROM contacts WHERE id = ANY($1::uuid[])',
      [[staying, moving]],
    );
    for (const row of people) {
      expect(row.company_id).toBe(target);
      expect(row.search_text).toContain('acme trading');
    }
    expect(
      await sql(`SELECT kind FROM contact_activities WHERE company_id = $1 ORDER BY created_at`, [
        target,
      ]),
    ).toEqual([{ kind: 'created' }, { kind: 'merged' }]);
    const [event] = await sql<Array<{ payload: unknown }>>(
      `SELECT payload FROM outbox WHERE workspace_id = $1 AND type = 'company.merged'`,
      [ws.id],
    );
    expect(event.payload).toEqual({ sourceId: source, targetId: target });
    const self = await ws.http.owner.post(`/api/v1/companies/${target}/merge`, {
      sourceId: target,
    });
    expect([self.status, self.body.code]).toEqual([400, 'company/merge_self']);
    const again = await ws.http.owner.post(`/api/v1/companies/${target}/merge`, {
      sourceId: source,
    });
    expect([again.status, again.body.code]).toEqual([404, 'company/merge_source_not_found']);
  });
});

describe('suggested duplicates', () => {
  it('pairs people by email, phone, and name at one company, page by page', async () => {
    const ws = await workspace();
    const acme = await company(ws, 'أكمي');
    const other = await company(ws, 'نجمة');
    const shared = uniqueEmail('shared');
    const byEmail = [
      await person(ws, { name: 'ريم', emails: [shared] }),
      await person(ws, { name: 'Reem', emails: [uniqueEmail('r'), shared] }),
    ];
    const byPhone = [
      await person(ws, { name: 'فهد', emails: [], phones: ['+966500000001'] }),
      await person(ws, { name: 'Fahad', emails: [uniqueEmail('f')], phones: ['+966500000001'] }),
    ];
    const byName = [
      await person(
        ws,
        { name: 'ليلى', emails: [uniqueEmail('l1')] },
        { company_id: acme, sort_name: 'ليلي' },
      ),
      await person(
        ws,
        { name: 'ليلى', emails: [uniqueEmail('l2')] },
        { company_id: acme, sort_name: 'ليلي' },
      ),
    ];
    // Same name at another company, and strangers: no pairs.
    await person(
      ws,
      { name: 'ليلى', emails: [uniqueEmail('l3')] },
      { company_id: other, sort_name: 'ليلي' },
    );
    await person(ws, {});
    // An address more than 20 people share (a shared mailbox) suggests nothing.
    const mailbox = uniqueEmail('info');
    for (let i = 0; i < 21; i++) await person(ws, { name: null, emails: [mailbox] });
    const pairs: DuplicatePairView[] = [];
    let cursor: string | null = null;
    do {
      const page = await ws.http.owner.get(
        `/api/v1/people/duplicates?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      const body = page.body as PageView<DuplicatePairView>;
      expect(body.items.length).toBeLessThanOrEqual(1);
      pairs.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    const found = pairs.map((p) => [p.reason, p.people.map((v) => v.id).sort()]);
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        ['email', [...byEmail].sort()],
        ['phone', [...byPhone].sort()],
        ['name_company', [...byName].sort()],
      ]),
    );

    const mine = await ws.http.owner.get(`/api/v1/people/${byEmail[0]}/duplicates`);
    expect(mine.status).toBe(200);
    expect((mine.body.items as DuplicatePairView[]).map((p) => [p.reason, p.people[1].id])).toEqual(
      [['email', byEmail[1]]],
    );
    const bad = await ws.http.owner.get('/api/v1/people/duplicates?cursor=nope');
    expect(bad.status).toBe(400);
  });
});
