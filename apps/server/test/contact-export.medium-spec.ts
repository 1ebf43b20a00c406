import type { CategoryView, PersonView } from '@sanad/contracts';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { addMember, createWorkspace, sharedTestApp, type HttpSession } from './test-app';

const app = sharedTestApp();
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function csv(
  session: HttpSession,
  path: string,
): Promise<{ raw: Buffer; rows: string[][]; disposition: string }> {
  const res = await session.download(path);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const raw = res.body as Buffer;
  return {
    raw,
    rows: parse(raw.subarray(BOM.length)),
    disposition: String(res.headers['content-disposition']),
  };
}

async function person(session: HttpSession, body: object): Promise<PersonView> {
  const res = await session.post('/api/v1/people', body);
  expect(res.status).toBe(201);
  return res.body as PersonView;
}

describe('contact export', () => {
  it('writes a BOM, Arabic or English headers, custom fields and only the filtered people', async () => {
    const ws = await createWorkspace(app.base);
    const field = await ws.owner.post('/api/v1/contact-fields', {
      entity: 'person',
      key: 'plan',
      labelAr: 'الباقة',
      labelEn: 'Plan',
      type: 'multi_select',
      options: [
        { value: 'gold', ar: 'ذهبية', en: 'Gold' },
        { value: 'basic', ar: 'أساسية', en: 'Basic' },
      ],
    });
    expect(field.status).toBe(201);
    const categories = (await ws.owner.get('/api/v1/contact-categories')).body
      .items as CategoryView[];
    await person(ws.owner, {
      name: 'مُحمّد العتيبي',
      emails: ['m@example.sa', 'm2@example.sa'],
      phones: ['0501234567'],
      categoryId: categories[1].id,
      customFields: { plan: ['gold', 'basic'] },
      notes: '=HYPERLINK("http://evil.example","click")',
    });
    await person(ws.owner, { name: 'Sara Ali', emails: ['sara@example.com'] });
    await person(ws.owner, { name: '@SUM(1+1)', categoryId: categories[1].id });

    const ar = await csv(
      ws.owner,
      `/api/v1/people/export.csv?categoryId=${categories[1].id}&columns=name,emails,phones,category,notes,createdAt,field:plan`,
    );
    expect(ar.raw.subarray(0, 3).equals(BOM)).toBe(true);
    expect(ar.disposition).toMatch(/^attachment;/);
    expect(ar.disposition).toMatch(/\.csv/);
    expect(ar.rows[0]).toEqual([
      'الاسم',
      'البريد الإلكتروني',
      'الهاتف',
      'الفئة',
      'ملاحظات',
      'تاريخ الإنشاء',
      'الباقة',
    ]);
    // Sorted by name: '@SUM…' folds before Arabic letters; Sara is not in the category.
    const byName = new Map(ar.rows.slice(1).map((r) => [r[0], r]));
    expect(ar.rows).toHaveLength(3);
    expect(byName.get(`'@SUM(1+1)`)).toBeDefined();
    const mohammed = byName.get('مُحمّد العتيبي') as string[];
    expect(mohammed[1]).toBe('m@example.sa; m2@example.sa');
    expect(mohammed[2]).toBe(`'+966501234567`);
    expect(mohammed[3]).toBe('العملاء');
    expect(mohammed[4]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    // On the workspace's clock (Asia/Riyadh), which spreadsheets read as a date and time.
    expect(mohammed[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+03:00$/);
    expect(mohammed[6]).toBe('ذهبية; أساسية');

    // The same filters as the list: a search and a custom-field filter.
    const searched = await csv(ws.owner, `/api/v1/people/export.csv?q=sara&columns=name`);
    expect(searched.rows).toEqual([['الاسم'], ['Sara Ali']]);
    const gold = await csv(ws.owner, `/api/v1/people/export.csv?field=plan:eq:gold&columns=name`);
    expect(gold.rows).toEqual([['الاسم'], ['مُحمّد العتيبي']]);

    // An English-speaking member gets English headers and labels; defaults are every column.
    const admin = await addMember(app.base, ws.owner, 'admin');
    expect((await admin.session.patch('/api/v1/me', { language: 'en' })).status).toBe(200);
    const en = await csv(admin.session, '/api/v1/people/export.csv');
    expect(en.rows[0]).toEqual([
      'Name',
      'Emails',
      'Phones',
      'Company',
      'Category',
      'Language',
      'External ID',
      'Registered',
      'Notes',
      'Created',
      'Last seen',
      'Plan',
    ]);
    expect(en.rows).toHaveLength(4);
    expect(en.rows.find((r) => r[0] === 'مُحمّد العتيبي')?.[11]).toBe('Gold; Basic');
  });

  it("writes dates on the workspace's clock as its basic settings say, in spreadsheet digits", async () => {
    const ws = await createWorkspace(app.base);
    const created = await person(ws.owner, { name: 'ليلى', emails: ['layla@example.sa'] });
    const changed = await ws.owner.patch('/api/v1/workspace', {
      timeZone: 'America/New_York',
      digits: 'arab',
    });
    expect(changed.status).toBe(200);
    const { rows, disposition } = await csv(
      ws.owner,
      '/api/v1/people/export.csv?columns=name,createdAt',
    );
    // New York's offset that day (-05:00 in winter, -04:00 in summer), not Riyadh's +03:00.
    const offset = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(created.createdAt))
      .find((part) => part.type === 'timeZoneName')
      ?.value.replace('GMT', '');
    expect(rows[1][1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/);
    expect(rows[1][1].endsWith(` ${offset}`)).toBe(true);
    // Arabic-Indic digits are for reading on screen: a spreadsheet reads 0-9 as a date.
    expect(rows[1][1]).not.toMatch(/[٠-٩]/);
    // The file is named after the day on that clock too.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
      new Date(),
    );
    expect(disposition).toContain(day);
  });

  it('refuses unknown columns and filters before writing anything', async () => {
    const ws = await createWorkspace(app.base);
    const res = await ws.owner.get('/api/v1/people/export.csv?columns=name,password,field:nope');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('contact_export/unknown_columns');
    expect(res.body.detail ?? res.body.title).toContain('password');
    const bad = await ws.owner.get('/api/v1/people/export.csv?field=nope:eq:1');
    expect(bad.status).toBe(400);
  });

  it('exports companies with their domains, category and custom fields', async () => {
    const ws = await createWorkspace(app.base);
    const field = await ws.owner.post('/api/v1/contact-fields', {
      entity: 'company',
      key: 'tier',
      labelAr: 'المستوى',
      labelEn: 'Tier',
      type: 'text',
    });
    expect(field.status).toBe(201);
    const created = await ws.owner.post('/api/v1/companies', {
      name: 'شركة الأفق',
      domains: ['ofuq.sa', 'ofuq.com'],
      customFields: { tier: '-1 premium' },
    });
    expect(created.status).toBe(201);
    await ws.owner.post('/api/v1/companies', { name: 'Acme' });
    const out = await csv(ws.owner, '/api/v1/companies/export.csv');
    expect(out.raw.subarray(0, 3).equals(BOM)).toBe(true);
    expect(out.rows[0]).toEqual([
      'الاسم',
      'النطاقات',
      'الفئة',
      'ملاحظات',
      'تاريخ الإنشاء',
      'المستوى',
    ]);
    const ofuq = out.rows.find((r) => r[0] === 'شركة الأفق') as string[];
    expect(ofuq[1].split('; ').sort()).toEqual(['ofuq.com', 'ofuq.sa']);
    expect(ofuq[5]).toBe(`'-1 premium`);
    expect(out.rows).toHaveLength(3);
    const filtered = await csv(ws.owner, '/api/v1/companies/export.csv?q=acme&columns=name');
    expect(filtered.rows).toEqual([['الاسم'], ['Acme']]);
  });

  it('reads past one batch in keyset order and never shows another workspace', async () => {
    const ws = await createWorkspace(app.base);
    const other = await createWorkspace(app.base);
    await person(other.owner, { name: 'Other Workspace Person' });
    // 1,000 a batch: 1,005 people cross the boundary.
    await app.running.app.get(DataSource).query(
      `INSERT INTO contacts (id, workspace_id, name, sort_name, search_text)
       SELECT gen_random_uuid(), $1, 'p' || lpad(g::text, 5, '0'), 'p' || lpad(g::text, 5, '0'), ''
       FROM generate_series(1, 1005) g`,
      [ws.me.workspace.id],
    );
    const out = await csv(ws.owner, '/api/v1/people/export.csv?columns=name');
    const names = out.rows.slice(1).map((r) => r[0]);
    expect(names).toHaveLength(1005);
    expect(names[0]).toBe('p00001');
    expect(names[1004]).toBe('p01005');
    expect(new Set(names).size).toBe(1005);
    expect(names).not.toContain('Other Workspace Person');
  });
});
