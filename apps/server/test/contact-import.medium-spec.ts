import type {
  ContactImportView,
  CustomFieldView,
  ImportRejectView,
  ImportStatus,
  PageView,
  PersonView,
  Problem,
} from '@sanad/contracts';
import { ContactImportRunner, ImportBatchRepository } from '@sanad/contacts';
import { encodeUtf16le, encodeWindows1256 } from '@sanad/testing';
import { DataSource } from 'typeorm';
import { type HttpSession, addMember, createWorkspace, sharedTestApp } from './test-app';

// A 12 MB limit: a 10 MB cell still fits, a 13 MB file does not.
const app = sharedTestApp({ env: { CONTACT_IMPORT_MAX_MB: '12' } });

const csvType = 'text/csv';

async function upload(
  session: HttpSession,
  data: Buffer,
  fileName = 'people.csv',
  fields: Record<string, string> = {},
): Promise<ContactImportView> {
  const res = await session.upload('/api/v1/contact-imports', fileName, data, csvType, fields);
  expect(res.status).toBe(201);
  return res.body as ContactImportView;
}

async function until(
  session: HttpSession,
  id: string,
  statuses: ImportStatus[],
): Promise<ContactImportView> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const view = (await session.get(`/api/v1/contact-imports/${id}`)).body as ContactImportView;
    if (statuses.includes(view.status)) return view;
    if (Date.now() > deadline) throw new Error(`import ${id} stuck in ${view.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function checked(session: HttpSession, id: string): Promise<ContactImportView> {
  expect((await session.post(`/api/v1/contact-imports/${id}/check`)).status).toBe(202);
  return until(session, id, ['checked', 'uploaded']);
}

async function imported(session: HttpSession, id: string): Promise<ContactImportView> {
  expect((await session.post(`/api/v1/contact-imports/${id}/start`)).status).toBe(202);
  return until(session, id, ['completed', 'failed', 'cancelled']);
}

async function search(session: HttpSession, q: string): Promise<PersonView[]> {
  const res = await session.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (res.body as PageView<PersonView>).items;
}

async function rejects(session: HttpSession, id: string, phase: 'check' | 'import') {
  const res = await session.get(`/api/v1/contact-imports/${id}/rejects?phase=${phase}&limit=200`);
  expect(res.status).toBe(200);
  return (res.body as PageView<ImportRejectView>).items;
}

async function planField(session: HttpSession): Promise<CustomFieldView> {
  const res = await session.post('/api/v1/contact-fields', {
    entity: 'person',
    key: 'plan',
    labelAr: 'الباقة',
    labelEn: 'Plan',
    type: 'select',
    options: [
      { value: 'gold', ar: 'ذهبية', en: 'Gold' },
      { value: 'basic', ar: 'أساسية', en: 'Basic' },
    ],
  });
  expect(res.status).toBe(201);
  return res.body as CustomFieldView;
}

const ARABIC_FILE = [
  'الاسم;البريد الإلكتروني;الجوال;الشركة;الفئة;الباقة;ملاحظات',
  'محمد العتيبي;m.otaibi@example.sa;0501234567;شركة الريان;العملاء;ذهبية;عميل قديم',
  'سارة القحطاني;sara@example.sa;0555123456;شركة الريان;العملاء المحتملون;أساسية;',
  'خالد;not-an-email;;;;;',
  'فهد;fahad@example.sa;;;;فضية;',
  '=HYPERLINK("http://evil.example");evil@example.sa;;;;;',
  'محمد المكرر;M.Otaibi@example.sa;;;;;',
  'ليلى;laila@example.sa;;;فئة غير موجودة;;',
  ';;;;;;',
  'نورة;noura@example.sa;+966 50 999 8877;;;;',
].join('\r\n');

describe('CSV import of people', () => {
  it('imports an Arabic Excel (windows-1256, semicolons) file: auto-mapped, checked, imported, rejected rows explained', async () => {
    const ws = await createWorkspace(app.base);
    await planField(ws.owner);
    const view = await upload(ws.owner, encodeWindows1256(ARABIC_FILE), 'عملاء.csv');
    expect(view).toMatchObject({ status: 'uploaded', encoding: 'windows-1256', delimiter: ';' });
    expect(view.columns.map((c) => c.target)).toEqual([
      'name',
      'email',
      'phone',
      'company',
      'category',
      'field:plan',
      'notes',
    ]);
    expect(view.columns[0].samples[0]).toBe('محمد العتيبي');

    const check = await checked(ws.owner, view.id);
    expect(check.status).toBe('checked');
    expect(check.check).toEqual({ rows: 8, created: 3, updated: 0, skipped: 0, rejected: 5 });
    expect(await search(ws.owner, 'محمد')).toEqual([]);
    const reasons = await rejects(ws.owner, view.id, 'check');
    expect(reasons.map((r) => [r.row, r.code, r.column])).toEqual([
      [3, 'isEmail', 'البريد الإلكتروني'],
      [4, 'isIn', 'الباقة'],
      [5, 'formula', 'الاسم'],
      [6, 'duplicateInFile', null],
      [7, 'unknownCategory', 'الفئة'],
    ]);
    expect(reasons[3].reason).toBe('مكرر: الصف 1 في الملف نفسه للشخص نفسه.');

    const done = await imported(ws.owner, view.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual(check.check);
    const [mohammed] = await search(ws.owner, 'مُحمّد');
    expect(mohammed).toMatchObject({
      name: 'محمد العتيبي',
      emails: ['m.otaibi@example.sa'],
      phones: ['+966501234567'],
      customFields: { plan: 'gold' },
      notes: 'عميل قديم',
    });
    expect(mohammed.company?.name).toBe('شركة الريان');
    const [sara] = await search(ws.owner, '0555');
    expect(sara).toMatchObject({ name: 'سارة القحطاني', phones: ['+966555123456'] });
    expect(sara.company?.id).toBe(mohammed.company?.id);
    expect((await search(ws.owner, 'evil')).length).toBe(0);

    const csv = await ws.owner.download(`/api/v1/contact-imports/${view.id}/rejected.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const body = csv.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'الاسم,البريد الإلكتروني,الجوال,الشركة,الفئة,الباقة,ملاحظات,رقم الصف,سبب الرفض',
    );
    expect(lines).toHaveLength(6);
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[1]).toContain('أدخل بريداً إلكترونياً صحيحاً.');
  });

  it('imports Excel "Unicode Text" (UTF-16LE, tabs) with English headers, first and last names; a second import updates or skips', async () => {
    const ws = await createWorkspace(app.base);
    const file = [
      'First Name\tLast Name\tE-mail\tMobile\tCustomer ID',
      'Sara\tJohnson\tsara.johnson@example.com\t+1 415 555 0100\tC-1',
      'Omar\tHaddad\tomar@example.com\t٠٥٠١٢٣٤٥٦٧\tC-2',
      '\t\t\t\t',
    ].join('\n');
    const view = await upload(ws.owner, encodeUtf16le(file), 'contacts.txt');
    expect(view).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(view.columns.map((c) => c.target)).toEqual([
      'firstName',
      'lastName',
      'email',
      'phone',
      'externalId',
    ]);
    expect((await imported(ws.owner, view.id)).progress).toMatchObject({ rows: 2, created: 2 });
    expect((await search(ws.owner, 'sara.jo'))[0]).toMatchObject({
      name: 'Sara Johnson',
      phones: ['+14155550100'],
      externalId: 'C-1',
    });

    expect((await search(ws.owner, 'omar'))[0].phones).toEqual(['+966501234567']);

    // The same people again, one with a new phone: matched by external id and updated.
    const again = [
      'name,customer id,phone,email',
      'Sara J.,C-1,+1 415 555 0199,',
      'Omar Haddad,C-2,,omar@example.com',
    ].join('\n');
    const second = await upload(ws.owner, Buffer.from(again));
    const done = await imported(ws.owner, second.id);
    expect(done.progress).toMatchObject({
      rows: 2,
      created: 0,
      updated: 1,
      skipped: 1,
      rejected: 0,
    });
    expect((await search(ws.owner, 'C-1'))[0]).toMatchObject({
      name: 'Sara J.',
      emails: ['sara.johnson@example.com'],
      phones: ['+14155550100', '+14155550199'],
    });

    // Skip on match; matching by email only: the external id of another person is refused.
    const third = await upload(
      ws.owner,
      Buffer.from('name,email,external id\nX,omar@example.com,C-9\nY,y@example.com,C-1\n'),
    );
    const configured = await ws.owner.patch(`/api/v1/contact-imports/${third.id}`, {
      matchBy: ['email'],
      onMatch: 'skip',
    });
    expect(configured.status).toBe(200);
    const skipped = await imported(ws.owner, third.id);
    expect(skipped.progress).toMatchObject({ rows: 2, skipped: 1, rejected: 1, created: 0 });
    expect((await rejects(ws.owner, third.id, 'import')).map((r) => r.code)).toEqual([
      'externalIdInUse',
    ]);
  });

  it('refuses what cannot be an import, and reads a UTF-8 file with a BOM', async () => {
    const ws = await createWorkspace(app.base);
    const problem = async (data: Buffer, status: number, code: string) => {
      const res = await ws.owner.upload('/api/v1/contact-imports', 'x.csv', data, csvType);
      expect([res.status, (res.body as Problem).code]).toEqual([status, code]);
      return res.body as Problem;
    };
    await problem(
      Buffer.from('nom,ville\nRené,Orléans\n', 'latin1'),
      400,
      'contact_import/unknown_encoding',
    );
    await problem(Buffer.from('sara@example.com,0501234567\n'), 400, 'contact_import/no_header');
    await problem(Buffer.from('name\n'), 400, 'contact_import/empty');
    const wide = Array.from({ length: 1001 }, (_, i) => `c${i}`).join(',');
    const tooWide = await problem(
      Buffer.from(`${wide}\n${wide}\n`),
      400,
      'contact_import/too_many_columns',
    );
    expect(tooWide.detail).toContain('1001');
    expect((await ws.owner.get('/api/v1/contact-imports')).body.maxFileMb).toBe(12);
    const big = await problem(Buffer.alloc(13 * 1024 * 1024, 'a'), 413, 'contact_import/too_large');
    expect(big.detail).toContain('12 MB');
    const missing = await ws.owner.post('/api/v1/contact-imports', {});
    expect((missing.body as Problem).code).toBe('contact_import/missing_file');

    const bom = await upload(
      ws.owner,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('الاسم,الهاتف\nمنى,0501112233\n'),
      ]),
    );
    expect(bom).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(bom.columns.map((c) => [c.header, c.target])).toEqual([
      ['الاسم', 'name'],
      ['الهاتف', 'phone'],
    ]);
    // The same upload again with its Idempotency-Key is the same import; another file is refused.
    const once = (data: Buffer) =>
      ws.owner.upload(
        '/api/v1/contact-imports',
        'x.csv',
        data,
        csvType,
        {},
        { 'Idempotency-Key': 'imp-1' },
      );
    const first = await once(Buffer.from('name\nرنا\n'));
    const again = await once(Buffer.from('name\nرنا\n'));
    expect([first.status, again.status, again.body.id]).toEqual([201, 201, first.body.id]);
    expect((await once(Buffer.from('name\nغيرها\n'))).body.code).toBe(
      'request/idempotency_conflict',
    );

    // A mapping that names no one cannot start; an unknown target is refused.
    const none = await ws.owner.patch(`/api/v1/contact-imports/${bom.id}`, {
      columns: [
        { index: 0, target: null },
        { index: 1, target: null },
      ],
    });
    expect(none.status).toBe(200);
    expect((await ws.owner.post(`/api/v1/contact-imports/${bom.id}/start`)).body.code).toBe(
      'contact_import/no_identity_column',
    );
    const unknown = await ws.owner.patch(`/api/v1/contact-imports/${bom.id}`, {
      columns: [{ index: 0, target: 'field:nope' }],
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'contact_import/invalid_mapping']);
  });

  it('refuses a 10 MB cell and 1,000 cells in a row per row, and goes on with the good rows', async () => {
    const ws = await createWorkspace(app.base);
    const file = Buffer.concat([
      Buffer.from('name,email\nأمل,amal@example.sa\n"'),
      Buffer.alloc(10 * 1024 * 1024, 'x'),
      Buffer.from(
        `",huge@example.sa\nwide,${Array(1000).fill('v').join(',')}\nهدى,huda@example.sa\n`,
      ),
    ]);
    const view = await upload(ws.owner, file);
    const done = await imported(ws.owner, view.id);
    expect(done.progress).toMatchObject({ rows: 4, created: 2, rejected: 2 });
    const refused = await rejects(ws.owner, view.id, 'import');
    expect(refused.map((r) => r.code)).toEqual(['cellTooLong', 'extraCells']);
    expect(refused[0].cells[0].length).toBeLessThanOrEqual(1000);
  });

  it('is for admins of the workspace only', async () => {
    const ws = await createWorkspace(app.base);
    const other = await createWorkspace(app.base);
    const view = await upload(ws.owner, Buffer.from('name\nعلي\n'));
    const agent = await addMember(app.base, ws.owner, 'agent');
    expect((await agent.session.get('/api/v1/contact-imports')).status).toBe(403);
    expect(
      (await agent.session.upload('/api/v1/contact-imports', 'a.csv', Buffer.from('name\nx\n')))
        .status,
    ).toBe(403);
    for (const path of ['', '/rejects', '/rejected.csv'])
      expect((await other.owner.get(`/api/v1/contact-imports/${view.id}${path}`)).status).toBe(404);
    expect((await other.owner.post(`/api/v1/contact-imports/${view.id}/start`)).status).toBe(404);
    expect((await other.owner.get('/api/v1/contact-imports')).body.items).toEqual([]);
    expect((await ws.owner.get('/api/v1/contact-imports/not-a-uuid')).status).toBe(404);
  });
});

describe('CSV import jobs', () => {
  const rows = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `Person ${from + i},p${from + i}@bulk.example`).join('\n');

  it('goes on from its last batch after a failure mid-file: nothing lost, nothing twice', async () => {
    const ws = await createWorkspace(app.base);
    const view = await upload(ws.owner, Buffer.from(`name,email\n${rows(2500)}\n`));
    const batches = app.running.app.get(ImportBatchRepository);
    const insert = batches.insertPeople.bind(batches);
    let calls = 0;
    const spy = jest.spyOn(batches, 'insertPeople').mockImplementation(async (...args) => {
      if (++calls === 2) throw new Error('connection terminated');
      return insert(...args);
    });
    try {
      const started = await ws.owner.post(`/api/v1/contact-imports/${view.id}/start`);
      expect(started.status).toBe(202);
      await until(ws.owner, view.id, ['completed']);
    } finally {
      spy.mockRestore();
    }
    const db = app.running.app.get(DataSource);
    const [{ count }] = await db.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM contacts WHERE workspace_id = $1`,
      [ws.me.workspace.id],
    );
    expect(calls).toBeGreaterThan(2);
    expect(count).toBe(2500);
    const done = (await ws.owner.get(`/api/v1/contact-imports/${view.id}`))
      .body as ContactImportView;
    expect(done.progress).toMatchObject({ rows: 2500, created: 2500, rejected: 0 });
  });

  it('a cancelled import is undone whole: created people and companies go, updated ones are restored', async () => {
    const ws = await createWorkspace(app.base);
    const kept = await ws.owner.post('/api/v1/people', {
      name: 'Original',
      emails: ['p5@bulk.example'],
    });
    expect(kept.status).toBe(201);
    const view = await upload(
      ws.owner,
      Buffer.from(`name,email,company\n${rows(2500).replace(/\n/g, ',Bulk Co\n')},Bulk Co\n`),
    );
    const batches = app.running.app.get(ImportBatchRepository);
    const holders = batches.holders.bind(batches);
    let calls = 0;
    const spy = jest.spyOn(batches, 'holders').mockImplementation(async (...args) => {
      // Between the first and the second batch, the admin cancels.
      if (++calls === 2)
        expect((await ws.owner.post(`/api/v1/contact-imports/${view.id}/cancel`)).status).toBe(202);
      return holders(...args);
    });
    try {
      await ws.owner.post(`/api/v1/contact-imports/${view.id}/start`);
      expect((await until(ws.owner, view.id, ['cancelled', 'completed'])).status).toBe('cancelled');
    } finally {
      spy.mockRestore();
    }
    const db = app.running.app.get(DataSource);
    const people = await db.query<Array<{ name: string }>>(
      'SELECT name FROM contacts WHERE workspace_id = $1',
      [ws.me.workspace.id],
    );
    expect(people).toEqual([{ name: 'Original' }]);
    const companies = await db.query('SELECT id FROM companies WHERE workspace_id = $1', [
      ws.me.workspace.id,
    ]);
    expect(companies).toEqual([]);
    const changes = await db.query('SELECT 1 FROM contact_import_changes WHERE import_id = $1', [
      view.id,
    ]);
    expect(changes).toEqual([]);
  });

  it('a runner holding a live lease is left alone; an expired one is handed on', async () => {
    const ws = await createWorkspace(app.base);
    const view = await upload(ws.owner, Buffer.from('name\nعلي\n'));
    const db = app.running.app.get(DataSource);
    await db.query(
      `UPDATE contact_imports SET status = 'queued', runner_token = gen_random_uuid(),
         lease_until = now() + interval '1 minute' WHERE id = $1`,
      [view.id],
    );
    const runner = app.running.app.get(ContactImportRunner);
    await runner.run(view.id);
    expect((await ws.owner.get(`/api/v1/contact-imports/${view.id}`)).body.status).toBe('queued');
    await db.query(
      `UPDATE contact_imports SET lease_until = now() - interval '1 second' WHERE id = $1`,
      [view.id],
    );
    expect(await runner.resumeOrphans()).toBeGreaterThanOrEqual(1);
    expect((await until(ws.owner, view.id, ['completed'])).progress.created).toBe(1);
  });
});
