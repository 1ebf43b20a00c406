import type {
  CategoryView,
  CompanyView,
  CustomFieldView,
  PageView,
  PersonView,
  Problem,
} from '@sanad/contracts';
import { type HttpSession, addMember, createWorkspace, sharedTestApp } from './test-app';

const app = sharedTestApp();

async function people(session: HttpSession, query = ''): Promise<PageView<PersonView>> {
  const res = await session.get(`/api/v1/people${query}`);
  expect(res.status).toBe(200);
  return res.body as PageView<PersonView>;
}
const names = async (session: HttpSession, query: string): Promise<Array<string | null>> =>
  (await people(session, query)).items.map((p) => p.name);
const q = (text: string): string => `?q=${encodeURIComponent(text)}`;

async function addField(
  session: HttpSession,
  body: Record<string, unknown>,
): Promise<CustomFieldView> {
  const res = await session.post('/api/v1/contact-fields', { entity: 'person', ...body });
  expect(res.status).toBe(201);
  return res.body as CustomFieldView;
}

const PLAN = {
  key: 'plan',
  labelAr: 'الباقة',
  labelEn: 'Plan',
  type: 'select',
  options: [
    { value: 'gold', ar: 'ذهبية', en: 'Gold' },
    { value: 'basic', ar: 'أساسية', en: 'Basic' },
  ],
};

describe('people', () => {
  it('creates a person with custom fields, E.164 phones and the default categories', async () => {
    const ws = await createWorkspace(app.base);
    const categories = (await ws.owner.get('/api/v1/contact-categories')).body
      .items as CategoryView[];
    expect(categories.map((c) => [c.systemKey, c.name])).toEqual([
      ['prospects', 'العملاء المحتملون'],
      ['customers', 'العملاء'],
    ]);
    await addField(ws.owner, PLAN);
    await addField(ws.owner, {
      key: 'seats',
      labelAr: 'المقاعد',
      labelEn: 'Seats',
      type: 'number',
    });
    const res = await ws.owner.post('/api/v1/people', {
      name: 'مُحمّد العتيبي',
      emails: ['M.Otaibi@Example.SA', 'm.otaibi@example.sa'],
      phones: ['٠٥٠١٢٣٤٥٦٧'],
      categoryId: categories[1].id,
      customFields: { plan: 'ذهبية', seats: '١٢' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'مُحمّد العتيبي',
      initials: 'مع',
      emails: ['m.otaibi@example.sa'],
      phones: ['+966501234567'],
      registered: true,
      category: { name: 'العملاء' },
      customFields: { plan: 'gold', seats: 12 },
    });
    const id = (res.body as PersonView).id;
    const timeline = (await ws.owner.get(`/api/v1/people/${id}/activities`)).body.items;
    expect(timeline.map((a: { kind: string }) => a.kind)).toEqual(['created']);
  });

  it('refuses bad input naming each field, in the caller’s language, and writes nothing', async () => {
    const ws = await createWorkspace(app.base);
    await addField(ws.owner, PLAN);
    await addField(ws.owner, {
      key: 'renewal',
      labelAr: 'التجديد',
      labelEn: 'Renewal',
      type: 'date',
      required: true,
    });
    const res = await ws.owner.post('/api/v1/people', {
      name: 'خطأ',
      emails: ['not-an-email'],
      phones: ['12'],
      customFields: { plan: 'platinum', unknown: 'x' },
    });
    expect(res.status).toBe(400);
    const problem = res.body as Problem;
    expect(problem.errors?.map((e) => [e.field, e.code])).toEqual([
      ['emails.0', 'isEmail'],
      ['phones.0', 'isPhone'],
      ['customFields.plan', 'isIn'],
      ['customFields.unknown', 'unknownField'],
      ['customFields.renewal', 'isNotEmpty'],
    ]);
    expect(problem.errors?.[0].message).toBe('أدخل بريداً إلكترونياً صحيحاً.');
    // The member's own language decides, whatever the browser sends.
    expect((await ws.owner.patch('/api/v1/me', { language: 'en' })).status).toBe(200);
    const english = await ws.owner.post('/api/v1/people', {
      phones: ['12'],
      customFields: { renewal: '2026-01-01' },
    });
    expect((english.body as Problem).errors?.[0].message).toContain('valid phone number');
    expect((await people(ws.owner)).items).toEqual([]);
  });

  it('keeps emails, phones and external ids unique in the workspace', async () => {
    const ws = await createWorkspace(app.base);
    await ws.owner.post('/api/v1/people', {
      name: 'أ',
      emails: ['a@x.test'],
      phones: ['+201001234567'],
    });
    const dup = await ws.owner.post('/api/v1/people', {
      name: 'ب',
      emails: ['A@x.test'],
      phones: ['+20 100 123 4567'],
    });
    expect(dup.status).toBe(400);
    expect((dup.body as Problem).errors?.map((e) => e.code)).toEqual(['emailInUse', 'phoneInUse']);
  });

  it('answers a repeated create with the same Idempotency-Key once', async () => {
    const ws = await createWorkspace(app.base);
    const body = { name: 'سارة', emails: ['sara@x.test'] };
    const [a, b] = await Promise.all([
      ws.owner.post('/api/v1/people', body, { 'Idempotency-Key': 'k1' }),
      ws.owner.post('/api/v1/people', body, { 'Idempotency-Key': 'k1' }),
    ]);
    expect((a.body as PersonView).id).toBe((b.body as PersonView).id);
    expect((await people(ws.owner)).items).toHaveLength(1);
  });

  it('finds people by Arabic names in any spelling, email parts, phone digits and company', async () => {
    const ws = await createWorkspace(app.base);
    const company = (await ws.owner.post('/api/v1/companies', { name: 'شركة الأفق' }))
      .body as CompanyView;
    for (const body of [
      { name: 'مُحمّد الشمري', emails: ['sara.johnson@example.com'], phones: ['0501234567'] },
      { name: 'أحمد عبد الله', companyId: company.id },
      { name: 'Sara Jones', emails: ['sj@jones.test'], phones: ['+201001112233'] },
      { name: 'فاطمة', phones: ['+971501119999'] },
    ])
      expect((await ws.owner.post('/api/v1/people', body)).status).toBe(201);
    expect(await names(ws.owner, q('محمد'))).toEqual(['مُحمّد الشمري']);
    expect(await names(ws.owner, q('محم'))).toEqual(['مُحمّد الشمري']);
    expect(await names(ws.owner, q('احمد عبدالله'))).toEqual(['أحمد عبد الله']);
    expect(await names(ws.owner, q('الافق'))).toEqual(['أحمد عبد الله']);
    expect(await names(ws.owner, q('sara.jo'))).toEqual(['مُحمّد الشمري']);
    expect(await names(ws.owner, q('sara'))).toEqual(['Sara Jones', 'مُحمّد الشمري']);
    // 0501… is a Saudi and an Emirati mobile prefix.
    expect(await names(ws.owner, q('0501'))).toEqual(['فاطمة', 'مُحمّد الشمري']);
    expect(await names(ws.owner, q('0501234'))).toEqual(['مُحمّد الشمري']);
    expect(await names(ws.owner, q('+966 50 123'))).toEqual(['مُحمّد الشمري']);
    expect(await names(ws.owner, q('٩٩٩٩'))).toEqual(['فاطمة']);
    expect(await names(ws.owner, q('50%'))).toEqual([]);
  });

  it('filters by category, company, registered, custom fields and dates, with cursor pages', async () => {
    const ws = await createWorkspace(app.base);
    await addField(ws.owner, PLAN);
    await addField(ws.owner, {
      key: 'renewal',
      labelAr: 'التجديد',
      labelEn: 'Renewal',
      type: 'date',
    });
    const [prospects] = (await ws.owner.get('/api/v1/contact-categories')).body
      .items as CategoryView[];
    for (let i = 0; i < 7; i += 1)
      await ws.owner.post('/api/v1/people', {
        name: `عميل ${i}`,
        emails: [`c${i}@x.test`],
        categoryId: i % 2 === 0 ? prospects.id : undefined,
        customFields: { plan: i < 3 ? 'gold' : 'basic', renewal: `2026-0${i + 1}-01` },
      });
    await ws.owner.post('/api/v1/people', { name: 'زائر', externalId: undefined });
    expect(await names(ws.owner, `?categoryId=${prospects.id}`)).toEqual([
      'عميل 0',
      'عميل 2',
      'عميل 4',
      'عميل 6',
    ]);
    expect(await names(ws.owner, '?field=plan:eq:gold')).toEqual(['عميل 0', 'عميل 1', 'عميل 2']);
    expect(await names(ws.owner, '?field=renewal:before:2026-03-01')).toEqual(['عميل 0', 'عميل 1']);
    expect(await names(ws.owner, '?field=plan:empty')).toEqual(['زائر']);
    expect(await names(ws.owner, '?registered=false')).toEqual(['زائر']);
    expect(await names(ws.owner, `?field=plan:eq:basic&categoryId=${prospects.id}`)).toEqual([
      'عميل 4',
      'عميل 6',
    ]);
    const first = await people(ws.owner, '?limit=3');
    expect(first.items.map((p) => p.name)).toEqual(['زائر', 'عميل 0', 'عميل 1']);
    const second = await people(ws.owner, `?limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((p) => p.name)).toEqual(['عميل 2', 'عميل 3', 'عميل 4']);
    const newest = await people(ws.owner, '?sort=created&limit=2');
    expect(newest.items.map((p) => p.name)).toEqual(['زائر', 'عميل 6']);
    expect(
      (await ws.owner.get(`/api/v1/people?sort=created&cursor=${first.nextCursor}`)).status,
    ).toBe(400);
    expect((await ws.owner.get('/api/v1/people?field=nope:eq:1')).status).toBe(400);
    expect((await ws.owner.get('/api/v1/people?field=plan:before:1')).status).toBe(400);
    expect((await ws.owner.get('/api/v1/people?field=renewal:after:2026-13-01')).status).toBe(400);
  });

  it('links people to a company by email domain, undoably, and keeps manual links', async () => {
    const ws = await createWorkspace(app.base);
    const before = (
      await ws.owner.post('/api/v1/people', { name: 'قديم', emails: ['old@ufuq.sa'] })
    ).body as PersonView;
    const company = (
      await ws.owner.post('/api/v1/companies', { name: 'الأفق', domains: ['ufuq.sa'] })
    ).body as CompanyView;
    expect((await ws.owner.get(`/api/v1/people/${before.id}`)).body).toMatchObject({
      company: { id: company.id },
      companyLink: 'domain',
    });
    const after = (await ws.owner.post('/api/v1/people', { name: 'جديد', emails: ['new@ufuq.sa'] }))
      .body as PersonView;
    expect(after.company?.name).toBe('الأفق');
    const unlinked = await ws.owner.post(`/api/v1/people/${after.id}/company`, { companyId: null });
    expect(unlinked.body).toMatchObject({ company: null });
    await ws.owner.patch(`/api/v1/people/${after.id}`, { emails: ['new@ufuq.sa', 'n2@ufuq.sa'] });
    expect((await ws.owner.get(`/api/v1/people/${after.id}`)).body.company).toBeNull();
    expect((await ws.owner.get(`/api/v1/companies/${company.id}`)).body.peopleCount).toBe(1);
    await ws.owner.patch(`/api/v1/companies/${company.id}`, { name: 'مجموعة الأفق' });
    expect(await names(ws.owner, q('مجموعه'))).toEqual(['قديم']);
    const kinds = (await ws.owner.get(`/api/v1/people/${after.id}/activities`)).body.items.map(
      (a: { kind: string }) => a.kind,
    );
    expect(kinds).toEqual(['updated', 'updated', 'company_unlinked', 'company_linked', 'created']);
  });

  it('lets admins manage categories; deleting one moves its people', async () => {
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
    expect(
      (await agent.session.post('/api/v1/contact-categories', { entity: 'person', name: 'VIP' }))
        .status,
    ).toBe(403);
    const vip = (
      await ws.owner.post('/api/v1/contact-categories', {
        entity: 'person',
        name: 'العملاء المميزون',
        color: '#AA00FF',
      })
    ).body as CategoryView;
    expect(vip).toMatchObject({ color: '#aa00ff', position: 2, count: 0 });
    expect(
      (await ws.owner.post('/api/v1/contact-categories', { entity: 'person', name: 'العملاء' }))
        .status,
    ).toBe(409);
    const [prospects, customers] = (await ws.owner.get('/api/v1/contact-categories')).body
      .items as CategoryView[];
    const person = (await ws.owner.post('/api/v1/people', { name: 'س', categoryId: vip.id }))
      .body as PersonView;
    const reordered = await ws.owner.post('/api/v1/contact-categories/reorder', {
      entity: 'person',
      ids: [vip.id, customers.id, prospects.id],
    });
    expect(reordered.body.items.map((c: CategoryView) => c.id)).toEqual([
      vip.id,
      customers.id,
      prospects.id,
    ]);
    expect(
      (await ws.owner.delete(`/api/v1/contact-categories/${vip.id}?moveTo=${customers.id}`)).status,
    ).toBe(204);
    expect((await ws.owner.get(`/api/v1/people/${person.id}`)).body.category.id).toBe(customers.id);
    const company = await ws.owner.post('/api/v1/people', {
      name: 'x',
      categoryId: (
        await ws.owner.post('/api/v1/contact-categories', { entity: 'company', name: 'شركاء' })
      ).body.id,
    });
    expect((company.body as Problem).errors?.[0]).toMatchObject({
      field: 'categoryId',
      code: 'unknownCategory',
    });
  });

  it('converts values when a field changes type and keeps what does not convert', async () => {
    const ws = await createWorkspace(app.base);
    const field = await addField(ws.owner, {
      key: 'size',
      labelAr: 'الحجم',
      labelEn: 'Size',
      type: 'text',
    });
    const a = (await ws.owner.post('/api/v1/people', { name: 'أ', customFields: { size: '٤٠' } }))
      .body as PersonView;
    const b = (await ws.owner.post('/api/v1/people', { name: 'ب', customFields: { size: 'كبير' } }))
      .body as PersonView;
    expect(
      (await ws.owner.get(`/api/v1/contact-fields/${field.id}/type-change?to=number`)).body,
    ).toEqual({
      from: 'text',
      to: 'number',
      converted: 1,
      kept: 1,
    });
    expect(
      (await ws.owner.patch(`/api/v1/contact-fields/${field.id}`, { type: 'number' })).body.type,
    ).toBe('number');
    expect((await ws.owner.get(`/api/v1/people/${a.id}`)).body.customFields).toEqual({ size: 40 });
    expect((await ws.owner.get(`/api/v1/people/${b.id}`)).body.customFields).toEqual({
      size__previous: 'كبير',
    });
    expect((await ws.owner.get(`/api/v1/contact-fields/${field.id}/usage`)).body).toEqual({
      values: 1,
    });
    expect((await ws.owner.delete(`/api/v1/contact-fields/${field.id}`)).status).toBe(204);
    expect((await ws.owner.get(`/api/v1/people/${a.id}`)).body.customFields).toEqual({});
  });

  it('holds at least 100 field definitions and refuses a duplicate key', async () => {
    const ws = await createWorkspace(app.base);
    for (let i = 0; i < 100; i += 1)
      await addField(ws.owner, {
        key: `f${i}`,
        labelAr: `حقل ${i}`,
        labelEn: `Field ${i}`,
        type: 'text',
      });
    expect(
      (
        await ws.owner.post('/api/v1/contact-fields', {
          entity: 'person',
          key: 'f1',
          labelAr: 'x',
          labelEn: 'x',
          type: 'text',
        })
      ).status,
    ).toBe(409);
    expect((await ws.owner.get('/api/v1/contact-fields')).body.items).toHaveLength(100);
  });

  it('answers 404 for another workspace’s people, companies, categories and fields', async () => {
    const mine = await createWorkspace(app.base);
    const theirs = await createWorkspace(app.base);
    const person = (await theirs.owner.post('/api/v1/people', { name: 'غريب' })).body as PersonView;
    const company = (await theirs.owner.post('/api/v1/companies', { name: 'غريبة' }))
      .body as CompanyView;
    const [category] = (await theirs.owner.get('/api/v1/contact-categories')).body
      .items as CategoryView[];
    const field = await addField(theirs.owner, PLAN);
    for (const path of [`/api/v1/people/${person.id}`, `/api/v1/companies/${company.id}`])
      for (const res of [
        await mine.owner.get(path),
        await mine.owner.patch(path, { name: 'x' }),
        await mine.owner.delete(path),
      ])
        expect(res.status).toBe(404);
    expect(
      (await mine.owner.patch(`/api/v1/contact-categories/${category.id}`, { name: 'x' })).status,
    ).toBe(404);
    expect((await mine.owner.delete(`/api/v1/contact-fields/${field.id}`)).status).toBe(404);
    const linked = await mine.owner.post('/api/v1/people', {
      name: 'x',
      companyId: company.id,
      categoryId: category.id,
    });
    expect((linked.body as Problem).errors?.map((e) => e.code)).toEqual([
      'unknownCategory',
      'unknownCompany',
    ]);
    expect((await mine.owner.get(`/api/v1/people?companyId=${company.id}`)).body.items).toEqual([]);
  });
});
