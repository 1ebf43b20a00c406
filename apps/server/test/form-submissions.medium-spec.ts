import type {
  FormDefinition,
  FormField,
  FormView,
  PageView,
  SubmissionSummaryView,
  SubmissionView,
} from '@sanad/contracts';
import { emptyField, renderToken } from '@sanad/forms';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorkspace, sharedTestApp, type TestWorkspace } from './test-app';

// A database of its own: the spam and limit tests count rows, and the rate limit is per app.
// No minimum fill time here (tests post at once); a forged render token is still spam.
const app = sharedTestApp({
  scratch: true,
  env: {
    FORM_RATE_LIMIT_PER_IP: '6',
    FORM_RATE_LIMIT_PER_FORM: '100000',
    FORM_MIN_FILL_SECONDS: '0',
    FORM_MAX_REQUEST_MB: '2',
    TRUST_PROXY: 'loopback',
  },
});
const SECRET = 'test-secret-test-secret-test-secret-0123';

function sql<T = Array<Record<string, unknown>>>(text: string, params: unknown[] = []): Promise<T> {
  return app.running.app.get(DataSource).query<T>(text, params);
}

const field = (
  key: string,
  type: FormField['type'],
  extra: Partial<FormField> = {},
): FormField => ({
  ...emptyField(key, type, { ar: `حقل ${key}`, en: `Field ${key}` }),
  ...extra,
});

/** A published form: name, email, phone, a choice, a message and a file, opening conversations. */
async function publishedForm(
  ws: TestWorkspace,
  change: (d: FormDefinition) => void = () => undefined,
): Promise<FormView> {
  const form = (await ws.owner.post('/api/v1/forms', { name: 'طلب دعم' })).body as FormView;
  const draft = structuredClone(form.draft);
  draft.fields = [
    field('name', 'short_text', { mapTo: { kind: 'contact', property: 'name' } }),
    field('email', 'email', { required: true, mapTo: { kind: 'contact', property: 'email' } }),
    field('phone', 'phone', { mapTo: { kind: 'contact', property: 'phone' } }),
    field('topic', 'select', {
      options: [
        { value: 'billing', label: { ar: 'الفواتير', en: 'Billing' } },
        { value: 'tech', label: { ar: 'مشكلة تقنية', en: 'Technical' } },
      ],
    }),
    field('message', 'long_text', { required: true, maxLength: 500 }),
    field('invoice', 'file', { file: { maxFiles: 1, maxSizeMb: 1, accept: ['.pdf', 'image/*'] } }),
  ];
  draft.settings.subjectTemplate = { ar: '{{topic}}: {{name}}', en: '{{topic}}: {{name}}' };
  change(draft);
  expect((await ws.owner.patch(`/api/v1/forms/${form.id}`, { draft })).status).toBe(200);
  const published = await ws.owner.post(`/api/v1/forms/${form.id}/publish`, { note: 'v1' });
  expect(published.status).toBe(200);
  return published.body as FormView;
}

/** The submission once its processor made its person and conversation (a moment after 201). */
async function processed(ws: TestWorkspace, id: string): Promise<SubmissionView> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const view = (await ws.owner.get(`/api/v1/form-submissions/${id}`)).body as SubmissionView;
    if (view.contact && (view.conversationId || Date.now() > deadline)) return view;
    if (Date.now() > deadline) throw new Error(`submission ${id} not processed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let ip = 0;
/** Each call from its own address: the per-IP limit is tested on its own. */
function fromNewIp(): string {
  ip += 1;
  return `10.0.${Math.floor(ip / 250)}.${ip % 250}`;
}

function submitJson(key: string, body: object, headers: Record<string, string> = {}) {
  return request(app.base)
    .post(`/public/forms/${key}/submissions`)
    .set('X-Forwarded-For', fromNewIp())
    .set(headers)
    .send(body);
}

describe('form submissions', () => {
  let ws: TestWorkspace;
  let form: FormView;
  beforeAll(async () => {
    ws = await createWorkspace(app.base);
    form = await publishedForm(ws);
  });

  it('opens a conversation on channel form with the answers, and links person and submission', async () => {
    const res = await submitJson(form.key, {
      values: {
        name: 'سارة',
        email: 'Sara@Example.SA',
        phone: '٠٥٥١٢٣٤٥٦٧',
        topic: 'tech',
        message: 'الطابعة لا تعمل',
      },
      language: 'ar',
      pageUrl: 'https://shop.example/contact',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ message: expect.stringContaining('شكراً'), redirectUrl: null });
    const submission = await processed(ws, res.body.id as string);
    expect(submission).toMatchObject({
      formId: form.id,
      formName: 'طلب دعم',
      version: 1,
      state: 'new',
      language: 'ar',
      pageUrl: 'https://shop.example/contact',
      contact: { name: 'سارة', email: 'sara@example.sa' },
    });
    expect(submission.answers.find((a) => a.key === 'topic')).toMatchObject({
      value: 'tech',
      display: { ar: 'مشكلة تقنية', en: 'Technical' },
    });
    expect(submission.answers.find((a) => a.key === 'phone')?.value).toBe('+966551234567');
    const thread = (await ws.owner.get(`/api/v1/conversations/${submission.conversationId}`)).body;
    expect(thread.conversation).toMatchObject({ channel: 'form', subject: 'مشكلة تقنية: سارة' });
    const first = thread.messages[0];
    expect(first.text).toBe(
      [
        'حقل name: سارة',
        'حقل email: sara@example.sa',
        'حقل phone: +966551234567',
        'حقل topic: مشكلة تقنية',
        'حقل message: الطابعة لا تعمل',
      ].join('\n'),
    );
    expect(first.data.form).toEqual({
      submissionId: submission.id,
      formId: form.id,
      formName: 'طلب دعم',
      version: 1,
    });
    // The list counts it, the form list too.
    const forms = (await ws.owner.get('/api/v1/forms')).body.items as Array<{
      id: string;
      submissions: { total: number; unread: number };
    }>;
    expect(forms.find((f) => f.id === form.id)?.submissions).toEqual({ total: 1, unread: 1 });
  });

  it('finds the same person again by email and adds a new phone instead of replacing', async () => {
    const email = `repeat${Date.now()}@example.sa`;
    const one = await submitJson(form.key, {
      values: { email, phone: '+966501111111', message: 'أولى' },
    });
    const two = await submitJson(form.key, {
      values: { email, phone: '+966502222222', message: 'ثانية', name: 'خالد' },
    });
    expect([one.status, two.status]).toEqual([201, 201]);
    const [a, b] = await Promise.all([one, two].map((r) => processed(ws, r.body.id as string)));
    expect(a.contact?.id).toBe(b.contact?.id);
    const person = (await ws.owner.get(`/api/v1/people/${a.contact?.id}`)).body;
    // The two submissions may be processed in either order; both phones stay.
    expect([...person.phones].sort()).toEqual(['+966501111111', '+966502222222']);
    expect(person.name).toBe('خالد');
  });

  it('answers field errors in the form’s language, and stores nothing', async () => {
    const before = await sql<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM form_submissions',
    );
    const res = await submitJson(
      form.key,
      { values: { email: 'not-an-email', topic: 'nope', extra: 'x', message: 'x'.repeat(501) } },
      { 'Accept-Language': 'en' },
    );
    expect(res.status).toBe(400);
    const codes = Object.fromEntries(
      (res.body.errors as Array<{ field: string; code: string; message: string }>).map((f) => [
        f.field,
        f.code,
      ]),
    );
    expect(codes).toEqual({
      extra: 'unknownFormField',
      email: 'isEmail',
      topic: 'isIn',
      message: 'maxLength',
    });
    const arabic = await submitJson(form.key, { values: { message: 'x' }, language: 'ar' });
    expect(arabic.body.errors[0]).toMatchObject({ field: 'email', code: 'isNotEmpty' });
    expect(arabic.body.errors[0].message).toMatch(/[\u0600-\u06FF]/);
    const after = await sql<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM form_submissions',
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('takes a file by multipart, into the submission and the conversation; refuses a wrong type', async () => {
    const res = await request(app.base)
      .post(`/public/forms/${form.key}/submissions`)
      .set('X-Forwarded-For', fromNewIp())
      .field('email', 'file@example.sa')
      .field('message', 'الفاتورة مرفقة')
      .attach('invoice', Buffer.from('%PDF-1.4 invoice'), {
        filename: 'فاتورة.pdf',
        contentType: 'application/pdf',
      });
    expect(res.status).toBe(201);
    const submission = await processed(ws, res.body.id as string);
    expect(submission.files).toEqual([
      expect.objectContaining({ fieldKey: 'invoice', fileName: 'فاتورة.pdf', size: 16 }),
    ]);
    const file = await ws.owner.download(submission.files[0].url);
    expect(file.status).toBe(200);
    expect(String(file.body)).toBe('%PDF-1.4 invoice');
    const thread = (await ws.owner.get(`/api/v1/conversations/${submission.conversationId}`)).body;
    expect(thread.messages[0].attachments).toEqual([
      expect.objectContaining({ fileName: 'فاتورة.pdf' }),
    ]);
    expect(thread.messages[0].text).toContain('حقل invoice: فاتورة.pdf');

    const wrong = await request(app.base)
      .post(`/public/forms/${form.key}/submissions`)
      .set('X-Forwarded-For', fromNewIp())
      .field('email', 'file@example.sa')
      .field('message', 'x')
      .attach('invoice', Buffer.from('MZ'), {
        filename: 'tool.exe',
        contentType: 'application/x-msdownload',
      });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'invoice', code: 'fileType' });
    const big = await request(app.base)
      .post(`/public/forms/${form.key}/submissions`)
      .set('X-Forwarded-For', fromNewIp())
      .field('email', 'file@example.sa')
      .field('message', 'x')
      .attach('invoice', Buffer.alloc(1024 * 1024 + 1), {
        filename: 'big.pdf',
        contentType: 'application/pdf',
      });
    expect(big.status).toBe(413);
    expect(big.body.errors[0]).toMatchObject({ field: 'invoice', code: 'fileTooLarge' });
    // Over FORM_MAX_REQUEST_MB in all: refused before it is read.
    const huge = await request(app.base)
      .post(`/public/forms/${form.key}/submissions`)
      .set('X-Forwarded-For', fromNewIp())
      .field('email', 'file@example.sa')
      .attach('invoice', Buffer.alloc(2 * 1024 * 1024 + 10), {
        filename: 'huge.pdf',
        contentType: 'application/pdf',
      });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('form/too_large');
  });

  it('holds a honeypot or too-fast submission as spam: no person, no conversation, same answer', async () => {
    const token = await request(app.base).get(`/public/forms/${form.key}/token`);
    expect(token.status).toBe(200);
    const honeypot = token.body.honeypot as string;
    const res = await request(app.base)
      .post(`/public/forms/${form.key}/submissions`)
      .set('X-Forwarded-For', fromNewIp())
      .type('form')
      .send({ email: 'bot@example.sa', message: 'buy now', [honeypot]: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.body.message).toContain('شكراً');
    const fast = await request(app.base)
      .post(`/public/forms/${form.key}/submissions`)
      .set('X-Forwarded-For', fromNewIp())
      .type('form')
      .send({ email: 'bot2@example.sa', message: 'forged', _sanad_t: `${token.body.token}0` });
    expect(fast.status).toBe(201);
    const slowToken = renderToken(SECRET, form.key, Date.now() - 10_000);
    const person = await request(app.base)
      .post(`/public/forms/${form.key}/submissions`)
      .set('X-Forwarded-For', fromNewIp())
      .type('form')
      .send({ email: 'human@example.sa', message: 'slow', _sanad_t: slowToken, [honeypot]: '' });
    expect(person.status).toBe(201);

    const spam = (await ws.owner.get(`/api/v1/form-submissions?state=spam&formId=${form.id}`))
      .body as PageView<SubmissionSummaryView>;
    expect(spam.items.map((s) => [s.id, s.spamReason, s.contact, s.conversationId])).toEqual([
      [fast.body.id, 'too_fast', null, null],
      [res.body.id, 'honeypot', null, null],
    ]);
    const human = (await ws.owner.get(`/api/v1/form-submissions/${person.body.id}`)).body;
    expect(human.state).toBe('new');

    // Released: the person and the conversation it held back are made then.
    const released = await ws.owner.patch(`/api/v1/form-submissions/${res.body.id}`, {
      state: 'new',
    });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ state: 'new', spamReason: null });
    expect(released.body.conversationId).toEqual(expect.any(String));
    expect(released.body.contact).toMatchObject({ email: 'bot@example.sa' });
  });

  it('answers 429 with Retry-After past the per-IP limit, and stores nothing for it', async () => {
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await request(app.base)
        .post(`/public/forms/${form.key}/submissions`)
        .set('X-Forwarded-For', ip)
        .send({ values: { email: `rate${i}@example.sa`, message: 'x' } });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429, 429]);
  });

  it('closed forms answer 410, drafts and other workspaces’ keys 404, limits 410', async () => {
    const closed = await publishedForm(ws);
    await ws.owner.patch(`/api/v1/forms/${closed.id}`, { state: 'closed' });
    const res = await submitJson(closed.key, { values: { email: 'a@example.sa', message: 'x' } });
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('form/closed');
    const draftOnly = (await ws.owner.post('/api/v1/forms', { name: 'مسودة' })).body as FormView;
    expect((await submitJson(draftOnly.key, { values: {} })).status).toBe(404);
    expect((await request(app.base).get(`/public/forms/${draftOnly.key}`)).status).toBe(404);
    expect((await submitJson('nosuchkey123', { values: {} })).status).toBe(404);

    const limited = await publishedForm(ws, (d) => (d.settings.submissionLimit = 1));
    const ok = await submitJson(limited.key, { values: { email: 'l1@example.sa', message: 'x' } });
    const over = await submitJson(limited.key, {
      values: { email: 'l2@example.sa', message: 'x' },
    });
    expect([ok.status, over.status]).toEqual([201, 410]);
    expect(over.body.code).toBe('form/limit_reached');

    const other = await createWorkspace(app.base);
    expect((await other.owner.get(`/api/v1/form-submissions/${ok.body.id}`)).status).toBe(404);
    expect(
      (await other.owner.patch(`/api/v1/form-submissions/${ok.body.id}`, { state: 'archived' }))
        .status,
    ).toBe(404);
    const theirs = (await other.owner.get(`/api/v1/form-submissions?formId=${limited.id}`)).body;
    expect(theirs.items).toEqual([]);
    // A form with submissions cannot be deleted.
    const deleted = await ws.owner.delete(`/api/v1/forms/${limited.id}`);
    expect(deleted.status).toBe(409);
  });

  it('CORS: only the form’s allowed origins get an answer from a browser', async () => {
    const open = await publishedForm(
      ws,
      (d) => (d.settings.allowedOrigins = ['https://shop.example']),
    );
    const allowed = await request(app.base)
      .options(`/public/forms/${open.key}/submissions`)
      .set('Origin', 'https://shop.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example');
    const refused = await request(app.base)
      .options(`/public/forms/${open.key}/submissions`)
      .set('Origin', 'https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const post = await submitJson(
      open.key,
      { values: { email: 'c@example.sa', message: 'x' } },
      { Origin: 'https://evil.example' },
    );
    expect(post.status).toBe(403);
    const good = await submitJson(
      open.key,
      { values: { email: 'c@example.sa', message: 'x' } },
      { Origin: 'https://shop.example' },
    );
    expect(good.status).toBe(201);
    expect(good.headers['access-control-allow-origin']).toBe('https://shop.example');
  });

  it('the plain HTML endpoint goes back to the page with the result', async () => {
    const res = await request(app.base)
      .post(`/public/forms/${form.key}/submit`)
      .set('X-Forwarded-For', fromNewIp())
      .set('Referer', 'https://site.example/contact?x=1')
      .type('form')
      .send({ email: 'html@example.sa', message: 'من صفحة HTML' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('https://site.example/contact?x=1&sanad_form=sent');
    const bad = await request(app.base)
      .post(`/public/forms/${form.key}/submit`)
      .set('X-Forwarded-For', fromNewIp())
      .set('Referer', 'https://site.example/contact')
      .type('form')
      .send({ message: '' });
    expect(bad.status).toBe(303);
    const back = new URL(bad.headers.location);
    expect(back.searchParams.get('sanad_form')).toBe('error');
    expect(back.searchParams.get('sanad_errors')).toBe('email:isNotEmpty,message:isNotEmpty');
  });

  it('agents filter, search, correct (audited), archive and export', async () => {
    const mine = await submitJson(form.key, {
      values: { email: 'search@example.sa', message: 'المكيفات معطلة في الفرع', topic: 'billing' },
    });
    const found = (await ws.owner.get(`/api/v1/form-submissions?q=${encodeURIComponent('المكيف')}`))
      .body as PageView<SubmissionSummaryView>;
    expect(found.items.map((s) => s.id)).toEqual([mine.body.id]);
    const edited = await ws.owner.patch(`/api/v1/form-submissions/${mine.body.id}`, {
      values: { topic: 'tech', message: 'المكيف معطل' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.editedBy).toBe(ws.me.user.id);
    const wrong = await ws.owner.patch(`/api/v1/form-submissions/${mine.body.id}`, {
      values: { topic: 'nope' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'values.topic', code: 'isIn' });
    const audit = await sql<Array<{ action: string; data: object }>>(
      `SELECT action, data FROM audit_log WHERE target_id = $1 ORDER BY created_at`,
      [mine.body.id],
    );
    expect(audit).toEqual([
      { action: 'form_submission.edited', data: { fields: ['topic', 'message'] } },
    ]);
    await ws.owner.patch(`/api/v1/form-submissions/${mine.body.id}`, { state: 'archived' });
    const inbox = (await ws.owner.get(`/api/v1/form-submissions?formId=${form.id}&limit=100`)).body;
    expect(inbox.items.map((s: { id: string }) => s.id)).not.toContain(mine.body.id);
    const archived = (await ws.owner.get('/api/v1/form-submissions?state=archived')).body;
    expect(archived.items.map((s: { id: string }) => s.id)).toContain(mine.body.id);

    const csv = await ws.owner.download(
      `/api/v1/form-submissions/export.csv?formId=${form.id}&state=archived`,
    );
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = text.slice(1).trim().split(/\r?\n/);
    expect(header).toContain('وقت الإرسال');
    expect(header).toContain('حقل topic');
    expect(row).toContain('مشكلة تقنية');
    expect(row).toContain('المكيف معطل');
    // Cursors are checked; days are the workspace's.
    expect((await ws.owner.get('/api/v1/form-submissions?cursor=bogus')).status).toBe(400);
    expect((await ws.owner.get('/api/v1/form-submissions?from=2026-13-01')).status).toBe(400);
  });

  it('keeps values inert: a formula is neutralised in the CSV', async () => {
    const formula = await submitJson(form.key, {
      values: { email: 'formula@example.sa', message: '=HYPERLINK("http://x")' },
    });
    expect(formula.status).toBe(201);
    const csv = String(
      (await ws.owner.download(`/api/v1/form-submissions/export.csv?formId=${form.id}`)).body,
    );
    expect(csv).toContain(`'=HYPERLINK`);
  });
});

describe('the hosted form page', () => {
  let ws: TestWorkspace;
  let form: FormView;
  beforeAll(async () => {
    ws = await createWorkspace(app.base);
    form = await publishedForm(ws, (d) => {
      d.settings.languages = 'both';
      d.fields.push(field('source', 'hidden'));
    });
  });

  /** The page's hidden inputs (token, honeypot), as a browser without JavaScript would post. */
  function hiddenInputs(html: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [, name, value] of html.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
    ))
      out[name] = value;
    return out;
  }

  it('renders the form in Arabic, right to left, with its own policy; English on request', async () => {
    const page = await request(app.base).get(`/f/${form.key}?source=ad`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toMatch(/<html[^>]* lang="ar"[^>]* dir="rtl"/);
    expect(page.text).toContain('name="email"');
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(hiddenInputs(page.text)).toMatchObject({ source: 'ad', _sanad_lang: 'ar' });
    const english = await request(app.base).get(`/f/${form.key}?lang=en`);
    expect(english.text).toMatch(/<html[^>]* lang="en"[^>]* dir="ltr"/);
    const embed = await request(app.base).get(`/f/${form.key}?embed=1`);
    expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors \*/);
    expect(embed.headers['x-frame-options']).toBeUndefined();
  });

  it('posts back to itself: errors next to the fields with the answers kept, then thanks', async () => {
    const page = await request(app.base).get(`/f/${form.key}`);
    const inputs = hiddenInputs(page.text);
    const bad = await request(app.base)
      .post(`/f/${form.key}?lang=ar`)
      .set('X-Forwarded-For', fromNewIp())
      .type('form')
      .send({ ...inputs, email: 'ليس-بريدا', message: 'رسالتي <b>عريضة</b>' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('aria-invalid="true"');
    expect(bad.text).toContain('رسالتي &lt;b&gt;عريضة&lt;/b&gt;');
    expect(bad.text).not.toContain('<b>عريضة</b>');
    const good = await request(app.base)
      .post(`/f/${form.key}?lang=ar`)
      .set('X-Forwarded-For', fromNewIp())
      .type('form')
      .send({ ...inputs, email: 'page@example.sa', message: 'من الصفحة', source: 'ad' });
    expect(good.status).toBe(303);
    expect(good.headers.location).toBe(`/f/${form.key}/thanks?lang=ar`);
    const thanks = await request(app.base).get(good.headers.location);
    expect(thanks.status).toBe(200);
    expect(thanks.text).toContain('شكراً');
    const list = (await ws.owner.get(`/api/v1/form-submissions?formId=${form.id}`)).body;
    expect(list.items[0]).toMatchObject({ state: 'new' });
    expect((await processed(ws, list.items[0].id as string)).contact).toMatchObject({
      email: 'page@example.sa',
    });
    const stored = (await ws.owner.get(`/api/v1/form-submissions/${list.items[0].id}`)).body;
    expect(stored.answers.find((a: { key: string }) => a.key === 'source').value).toBe('ad');
  });

  it('shows the closed message with 410 once closed, and serves the embed scripts', async () => {
    const closed = await publishedForm(ws);
    await ws.owner.patch(`/api/v1/forms/${closed.id}`, { state: 'closed' });
    const page = await request(app.base).get(`/f/${closed.key}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('لا يستقبل');
    const post = await request(app.base)
      .post(`/f/${closed.key}`)
      .type('form')
      .send({ email: 'x@example.sa' });
    expect(post.status).toBe(410);
    expect((await request(app.base).get('/f/nosuchform999')).status).toBe(404);
    const embed = await request(app.base).get('/public/forms/embed.js');
    expect(embed.status).toBe(200);
    expect(embed.headers['content-type']).toMatch(/javascript/);
    expect((await request(app.base).get('/public/forms/frame.js')).status).toBe(200);
    expect((await request(app.base).get('/public/forms/fonts/..%2Fpackage.json')).status).toBe(404);
  });
});

describe('the proof-of-work challenge', () => {
  it('holds a submission without a solution as spam, takes a solved one once', async () => {
    const { solveChallenge } = await import('altcha-lib');
    const { deriveKey } = await import('altcha-lib/algorithms/pbkdf2');
    const ws = await createWorkspace(app.base);
    const form = await publishedForm(ws, (d) => (d.settings.challenge = true));
    expect((await request(app.base).get(`/public/forms/${form.key}`)).body.challenge).toBe(true);
    const missing = await submitJson(form.key, {
      values: { email: 'p1@example.sa', message: 'x' },
    });
    expect(missing.status).toBe(201);
    const challenge = (await request(app.base).get(`/public/forms/${form.key}/challenge`)).body;
    const solution = await solveChallenge({ challenge, deriveKey });
    const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
    const solved = await submitJson(form.key, {
      values: { email: 'p2@example.sa', message: 'x' },
      challenge: payload,
    });
    const replayed = await submitJson(form.key, {
      values: { email: 'p3@example.sa', message: 'x' },
      challenge: payload,
    });
    const states = await Promise.all(
      [missing, solved, replayed].map(
        async (r) =>
          (await ws.owner.get(`/api/v1/form-submissions/${r.body.id}`)).body as SubmissionView,
      ),
    );
    expect(states.map((s) => [s.state, s.spamReason])).toEqual([
      ['spam', 'challenge'],
      ['new', null],
      ['spam', 'challenge'],
    ]);
    const page = await request(app.base).get(`/f/${form.key}`);
    expect(page.text).toContain('<altcha-widget');
    expect(page.headers['content-security-policy']).toContain('worker-src blob:');
  });
});
