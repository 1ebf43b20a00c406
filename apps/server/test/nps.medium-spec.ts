import type {
  NpsPreviewView,
  NpsReportView,
  NpsResponseView,
  NpsSurveyDetailView,
  NpsSurveyView,
} from '@sanad/contracts';
import { NpsSurveySender, signNpsLink } from '@sanad/satisfaction';
import { testDir, uniqueEmail } from '@sanad/testing';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CapturedMail, type EmailApp, MailSink, startEmailApp } from './email-harness';
import { addMember, createWorkspace, type TestWorkspace } from './test-app';

let app: EmailApp;
let sink: MailSink;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

beforeAll(async () => {
  sink = new MailSink();
  app = await startEmailApp({
    SMTP_URL: await sink.start(),
    MAIL_FROM: 'support@sanad.example',
    // The housekeeping timer never fires during the file: each test runs the sender itself.
    NPS_SURVEYS_EVERY_MS: '3600000',
  });
});

afterAll(async () => {
  await app?.close();
  await sink?.close();
});

async function sql<T = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await app.db.query(text, params)).rows as T[];
}

const sender = () => app.running.app.get(NpsSurveySender);
const secret = () => app.running.config.appSecret;

async function person(
  ws: TestWorkspace,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; email: string | null }> {
  const email = 'emails' in fields ? null : uniqueEmail('nps');
  const res = await ws.owner.post('/api/v1/people', {
    name: `عميل ${randomUUID().slice(0, 6)}`,
    ...(email ? { emails: [email] } : {}),
    ...fields,
  });
  expect(res.status).toBe(201);
  return { id: (res.body as { id: string }).id, email };
}

async function category(ws: TestWorkspace): Promise<string> {
  const res = await ws.owner.post('/api/v1/contact-categories', {
    entity: 'person',
    name: `فئة ${randomUUID().slice(0, 6)}`,
  });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function company(ws: TestWorkspace): Promise<string> {
  const res = await ws.owner.post('/api/v1/companies', {
    name: `شركة ${randomUUID().slice(0, 6)}`,
  });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

async function survey(
  ws: TestWorkspace,
  segment: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<NpsSurveyView> {
  const res = await ws.owner.post('/api/v1/nps/surveys', {
    name: `استطلاع ${randomUUID().slice(0, 6)}`,
    segment,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as NpsSurveyView;
}

async function recipientsOf(surveyId: string) {
  return sql<{ id: string; contact_id: string; status: string; reason: string | null }>(
    'SELECT id, contact_id, status, reason FROM nps_recipients WHERE survey_id = $1 ORDER BY created_at, id',
    [surveyId],
  );
}

/** The email's score links by score (0–10), from its plain-text part, on the test server. */
function linksOf(mail: CapturedMail): string[] {
  const urls = [...(mail.parsed.text ?? '').matchAll(/https?:\/\/\S+\/n\/([0-9a-z.]+)/g)];
  expect(urls).toHaveLength(11);
  return urls.map((m) => `${app.base}/n/${m[1]}`);
}

const mailTo = (address: string) => sink.received.filter((m) => m.to.includes(address));

async function page(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { redirect: 'manual', ...init });
  return { status: res.status, html: await res.text(), res };
}

function post(url: string, fields: Record<string, string>) {
  return page(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

async function responsesOf(surveyId: string) {
  return sql<{ id: string; score: number; comment: string | null; contact_id: string | null }>(
    'SELECT id, score, comment, contact_id FROM nps_responses WHERE survey_id = $1',
    [surveyId],
  );
}

/** A workspace, one person with an email in a fresh category, their survey sent: their links. */
async function sentTo(ws: TestWorkspace, fields: Record<string, unknown> = {}) {
  const cat = await category(ws);
  const p = await person(ws, { categoryId: cat, ...fields });
  const s = await survey(ws, { categoryId: cat });
  await sender().sendDue();
  const mail = await sink.waitFor((m) => m.to.includes(p.email as string));
  return { person: p, survey: s, links: linksOf(mail), mail, categoryId: cat };
}

describe('NPS settings', () => {
  it('defaults to 90 days and 60 a minute; admins change them (audited), agents may not', async () => {
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
    expect((await ws.owner.get('/api/v1/nps/settings')).body).toEqual({
      minDaysBetweenSurveys: 90,
      sendPerMinute: 60,
    });
    expect((await agent.session.get('/api/v1/nps/settings')).status).toBe(403);
    expect((await agent.session.put('/api/v1/nps/settings', { sendPerMinute: 5 })).status).toBe(
      403,
    );
    for (const bad of [
      { minDaysBetweenSurveys: 0 },
      { minDaysBetweenSurveys: 731 },
      { sendPerMinute: 1001 },
    ]) {
      const res = await ws.owner.put('/api/v1/nps/settings', bad);
      expect(res.status).toBe(400);
      expect((res.body as { errors: Array<{ field: string }> }).errors[0].field).toBe(
        Object.keys(bad)[0],
      );
    }
    const res = await ws.owner.put('/api/v1/nps/settings', { sendPerMinute: 5 });
    expect(res.body).toEqual({ minDaysBetweenSurveys: 90, sendPerMinute: 5 });
    const audit = await sql<{ data: unknown }>(
      `SELECT data FROM audit_log WHERE workspace_id = $1 AND action = 'nps.settings_updated'`,
      [ws.me.workspace.id],
    );
    expect(audit.map((a) => a.data)).toEqual([{ sendPerMinute: { from: 60, to: 5 } }]);
  });
});

describe('NPS segments and surveys', () => {
  it('previews who matches, who is eligible and why the others are not', async () => {
    const ws = await createWorkspace(app.base);
    const cat = await category(ws);
    const co = await company(ws);
    await person(ws, { categoryId: cat, companyId: co });
    await person(ws, { categoryId: cat });
    await person(ws, { categoryId: cat, emails: [], phones: ['+966500000001'] });
    await person(ws); // another category: not matched
    const preview = async (segment: object) => {
      const res = await ws.owner.post('/api/v1/nps/surveys/preview', { segment });
      expect(res.status).toBe(200);
      return res.body as NpsPreviewView;
    };
    expect(await preview({ categoryId: cat })).toEqual({
      matched: 3,
      eligible: 2,
      excluded: { noEmail: 1, recentlySurveyed: 0 },
    });
    expect((await preview({ categoryId: cat, companyId: co })).eligible).toBe(1);
    expect((await preview({ categoryId: cat, registered: true })).matched).toBe(3);
    expect((await preview({})).matched).toBe(4);
  });

  it('filters by last contact in the workspace’s days; an end before the start is a 400', async () => {
    const ws = await createWorkspace(app.base);
    const cat = await category(ws);
    const a = await person(ws, { categoryId: cat });
    const b = await person(ws, { categoryId: cat });
    await sql('UPDATE contacts SET last_seen_at = $2 WHERE id = $1', [
      a.id,
      '2026-11-10T12:00:00Z',
    ]);
    await sql('UPDATE contacts SET last_seen_at = $2 WHERE id = $1', [
      b.id,
      '2026-10-01T12:00:00Z',
    ]);
    const res = await ws.owner.post('/api/v1/nps/surveys/preview', {
      segment: { categoryId: cat, lastContactFrom: '2026-11-01', lastContactTo: '2026-11-10' },
    });
    expect((res.body as NpsPreviewView).matched).toBe(1);
    const bad = await ws.owner.post('/api/v1/nps/surveys/preview', {
      segment: { lastContactFrom: '2026-11-10', lastContactTo: '2026-11-01' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Array<{ field: string }> }).errors[0].field).toBe(
      'segment.lastContactTo',
    );
    const junk = await ws.owner.post('/api/v1/nps/surveys/preview', {
      segment: { lastContactFrom: 'yesterday' },
    });
    expect(junk.status).toBe(400);
  });

  it('answers 404 naming the field for another workspace’s category or company', async () => {
    const ws = await createWorkspace(app.base);
    const other = await createWorkspace(app.base);
    const theirCategory = await category(other);
    const theirCompany = await company(other);
    for (const [field, id] of [
      ['categoryId', theirCategory],
      ['companyId', theirCompany],
    ]) {
      for (const path of ['/api/v1/nps/surveys/preview', '/api/v1/nps/surveys']) {
        const body = {
          segment: { [field]: id },
          ...(path.endsWith('preview') ? {} : { name: 'x' }),
        };
        const res = await ws.owner.post(path, body);
        expect(res.status).toBe(404);
        expect((res.body as { errors: Array<{ field: string }> }).errors[0].field).toBe(
          `segment.${field}`,
        );
      }
    }
    expect(
      (await sql('SELECT id FROM nps_surveys WHERE workspace_id = $1', [ws.me.workspace.id]))
        .length,
    ).toBe(0);
  });

  it('snapshots the eligible people at once, once per Idempotency-Key; nobody eligible is a 400', async () => {
    const ws = await createWorkspace(app.base);
    const cat = await category(ws);
    const a = await person(ws, { categoryId: cat, language: 'en' });
    const b = await person(ws, { categoryId: cat });
    await person(ws, { categoryId: cat, emails: [], phones: ['+966500000002'] });
    const body = { name: 'الربع الرابع', segment: { categoryId: cat } };
    const key = randomUUID();
    const first = await ws.owner.post('/api/v1/nps/surveys', body, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const created = first.body as NpsSurveyView;
    expect(created).toMatchObject({
      name: 'الربع الرابع',
      status: 'sending',
      segment: { categoryId: cat },
      recipients: 2,
      sent: 0,
      responses: 0,
      score: null,
      responseRate: null,
      createdBy: { id: ws.me.user.id },
    });
    expect(created.question.ar).toContain('{workspace}');
    const again = await ws.owner.post('/api/v1/nps/surveys', body, { 'Idempotency-Key': key });
    expect(again.status).toBe(201);
    expect((again.body as NpsSurveyView).id).toBe(created.id);
    const rows = await sql<{ contact_id: string; language: string; status: string }>(
      'SELECT contact_id, language, status FROM nps_recipients WHERE workspace_id = $1 ORDER BY language',
      [ws.me.workspace.id],
    );
    expect(rows).toEqual([
      { contact_id: b.id, language: 'ar', status: 'pending' },
      { contact_id: a.id, language: 'en', status: 'pending' },
    ]);
    // Both wait for this survey: another one finds nobody left.
    const none = await ws.owner.post('/api/v1/nps/surveys', { ...body, name: 'ثانٍ' });
    expect(none.status).toBe(400);
    expect((none.body as { code: string }).code).toBe('nps/no_recipients');
    const audit = await sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE workspace_id = $1 AND action LIKE 'nps.%'`,
      [ws.me.workspace.id],
    );
    expect(audit.map((r) => r.action)).toEqual(['nps.survey_created']);
    const list = (await ws.owner.get('/api/v1/nps/surveys?limit=1')).body as {
      items: NpsSurveyView[];
      nextCursor: string | null;
    };
    expect(list.items.map((s) => s.id)).toEqual([created.id]);
    expect(list.nextCursor).toBeNull();
    const bad = await ws.owner.post('/api/v1/nps/surveys', { name: '', segment: {} });
    expect(bad.status).toBe(400);
    const long = await ws.owner.post('/api/v1/nps/surveys', { name: 'x'.repeat(121), segment: {} });
    expect(long.status).toBe(400);
  });

  it('keeps a person surveyed 10 days ago out for a 90-day period, not for a 5-day one', async () => {
    const ws = await createWorkspace(app.base);
    const { person: p, categoryId } = await sentTo(ws);
    await sql(
      `UPDATE nps_recipients SET sent_at = now() - interval '10 days' WHERE contact_id = $1`,
      [p.id],
    );
    const preview = async () =>
      (await ws.owner.post('/api/v1/nps/surveys/preview', { segment: { categoryId } }))
        .body as NpsPreviewView;
    expect(await preview()).toEqual({
      matched: 1,
      eligible: 0,
      excluded: { noEmail: 0, recentlySurveyed: 1 },
    });
    await ws.owner.put('/api/v1/nps/settings', { minDaysBetweenSurveys: 5 });
    expect((await preview()).eligible).toBe(1);
  });

  it('cancels: pending recipients are skipped and never sent; the audit log has it', async () => {
    const ws = await createWorkspace(app.base);
    const cat = await category(ws);
    const p = await person(ws, { categoryId: cat });
    const s = await survey(ws, { categoryId: cat });
    const res = await ws.owner.post(`/api/v1/nps/surveys/${s.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', recipients: 1, skipped: 1, sent: 0 });
    expect(await recipientsOf(s.id)).toEqual([
      expect.objectContaining({ status: 'skipped', reason: 'cancelled' }),
    ]);
    await sender().sendDue(new Date(Date.now() + MINUTE));
    expect(mailTo(p.email as string)).toHaveLength(0);
    expect((await ws.owner.post(`/api/v1/nps/surveys/${s.id}/cancel`)).status).toBe(200);
    const audit = await sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE workspace_id = $1 AND action LIKE 'nps.survey%' ORDER BY created_at`,
      [ws.me.workspace.id],
    );
    expect(audit.map((r) => r.action)).toEqual(['nps.survey_created', 'nps.survey_cancelled']);
    const other = await createWorkspace(app.base);
    expect((await other.owner.get(`/api/v1/nps/surveys/${s.id}`)).status).toBe(404);
    expect((await other.owner.post(`/api/v1/nps/surveys/${s.id}/cancel`)).status).toBe(404);
    expect((await other.owner.get('/api/v1/nps/surveys/not-a-uuid')).status).toBe(404);
  });
});

describe('NPS sending', () => {
  it('sends through the outbound path at the workspace’s pace, once per recipient', async () => {
    const ws = await createWorkspace(app.base);
    await ws.owner.put('/api/v1/nps/settings', { sendPerMinute: 2 });
    const cat = await category(ws);
    const people = [
      await person(ws, { categoryId: cat, language: 'en' }),
      await person(ws, { categoryId: cat }),
      await person(ws, { categoryId: cat }),
    ];
    const s = await survey(ws, { categoryId: cat });
    const now = new Date(Date.now() + 5000);
    const emails = people.map((p) => p.email as string);
    const ours = () => sink.received.filter((m) => m.to.some((to) => emails.includes(to)));

    // Two runs at once (two workers): they share the minute's budget between them.
    await Promise.all([sender().sendDue(now), sender().sendDue(now)]);
    expect(ours()).toHaveLength(2);
    await sender().sendDue(now); // a third run in the same minute: the budget is spent
    await sender().sendDue(new Date(now.getTime() + 30_000));
    expect(ours()).toHaveLength(2);
    expect((await recipientsOf(s.id)).filter((r) => r.status === 'sent')).toHaveLength(2);
    await sender().sendDue(new Date(now.getTime() + MINUTE + 1000));
    await sender().sendDue(new Date(now.getTime() + 2 * MINUTE + 1000));
    expect(ours()).toHaveLength(3);
    for (const email of emails) expect(mailTo(email)).toHaveLength(1);
    const view = (await ws.owner.get(`/api/v1/nps/surveys/${s.id}`)).body as NpsSurveyDetailView;
    expect(view).toMatchObject({ status: 'sent', recipients: 3, sent: 3, skipped: 0 });
    expect(view.distribution).toEqual(Array(11).fill(0));

    const english = mailTo(emails[0])[0];
    expect(english.parsed.subject).toContain('one quick question');
    expect(english.parsed.text).toContain('How likely are you to recommend');
    expect(english.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(english.from).toBe('support@sanad.example');
    const arabic = mailTo(emails[1])[0];
    expect(arabic.parsed.text).toContain('ما مدى احتمال أن توصي بـ');
    const html = String(arabic.parsed.html);
    expect(html).toContain('dir="rtl"');
    expect(html.match(/\/n\/[0-9a-z.]+/g)).toHaveLength(11);
    expect(html).toContain('غير محتمل إطلاقًا');
    expect(linksOf(arabic)).toHaveLength(11);
  });

  it('counts what another worker claimed against the pace; a claim left behind lapses', async () => {
    const ws = await createWorkspace(app.base);
    await ws.owner.put('/api/v1/nps/settings', { sendPerMinute: 2 });
    const cat = await category(ws);
    const people = [
      await person(ws, { categoryId: cat }),
      await person(ws, { categoryId: cat }),
      await person(ws, { categoryId: cat }),
    ];
    const s = await survey(ws, { categoryId: cat });
    const now = new Date(Date.now() + 5000);
    // A worker took one recipient and is still sending it (or died doing so).
    const [taken] = await sql<{ id: string }>(
      `UPDATE nps_recipients SET claimed_at = $2
        WHERE id = (SELECT id FROM nps_recipients WHERE survey_id = $1 ORDER BY id LIMIT 1)
       RETURNING id`,
      [s.id, now],
    );
    await sender().sendDue(now);
    let rows = await recipientsOf(s.id);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1);
    expect(rows.find((r) => r.id === taken.id)?.status).toBe('pending');
    await sender().sendDue(new Date(now.getTime() + MINUTE + 1000));
    rows = await recipientsOf(s.id);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(3);
    for (const p of people) expect(mailTo(p.email as string)).toHaveLength(1);
  });

  it('retries a failed send later and records a permanent refusal with its reason', async () => {
    const ws = await createWorkspace(app.base);
    const cat = await category(ws);
    const p = await person(ws, { categoryId: cat });
    const s = await survey(ws, { categoryId: cat });
    sink.fail(451, 'try later');
    try {
      await sender().sendDue();
    } finally {
      sink.accept();
    }
    const [waiting] = await sql<{ status: string; attempts: number; reason: string }>(
      'SELECT status, attempts, reason FROM nps_recipients WHERE survey_id = $1',
      [s.id],
    );
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.reason).toContain('try later');
    expect(mailTo(p.email as string)).toHaveLength(0);
    await sender().sendDue(new Date(Date.now() + 10 * MINUTE));
    await sink.waitFor((m) => m.to.includes(p.email as string));
    expect((await recipientsOf(s.id))[0].status).toBe('sent');

    const other = await category(ws);
    await person(ws, { categoryId: other });
    const refused = await survey(ws, { categoryId: other });
    sink.fail(550, 'no such user');
    try {
      await sender().sendDue(new Date(Date.now() + 20 * MINUTE));
    } finally {
      sink.accept();
    }
    const [failed] = await recipientsOf(refused.id);
    expect(failed.status).toBe('failed');
    expect(failed.reason).toContain('no such user');
  });
});

describe('the NPS page', () => {
  it('records nothing on GET, the score on POST, a change within 7 days and nothing after', async () => {
    const ws = await createWorkspace(app.base);
    const { survey: s, links, person: p } = await sentTo(ws);
    const opened = await page(links[8]);
    expect(opened.status).toBe(200);
    expect(await responsesOf(s.id)).toHaveLength(0);
    expect(opened.html).toContain('lang="ar" dir="rtl"');
    expect(opened.html).toMatch(/value="8" checked/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(
      opened.res.headers.get('content-security-policy') ?? '',
    )?.[1];
    expect(nonce).toBeTruthy();
    expect(opened.html).toContain(`<script nonce="${nonce}">`);
    expect(opened.html).toContain('<textarea');
    expect(opened.res.headers.get('cache-control')).toBe('no-store');
    // Twice, like a scanner that fetches every link: still nothing.
    await page(links[0]);
    expect(await responsesOf(s.id)).toHaveLength(0);

    const action = links[8];
    const saved = await post(action, { score: '8' });
    expect(saved.status).toBe(303);
    const location = saved.res.headers.get('location') as string;
    expect(location).toMatch(/^\/n\/.+\/done\?lang=ar$/);
    expect(await responsesOf(s.id)).toEqual([
      expect.objectContaining({ score: 8, comment: null, contact_id: p.id }),
    ]);
    const done = await page(`${app.base}${location}`);
    expect(done.status).toBe(200);
    expect(done.html).not.toContain('<script');
    expect(done.html).toContain('data-nps-state="recorded"');

    await post(action, { score: '3', comment: '<b>خدمة</b> =بطيئة' });
    expect(await responsesOf(s.id)).toEqual([
      expect.objectContaining({ score: 3, comment: '<b>خدمة</b> =بطيئة' }),
    ]);
    const again = await page(links[3]);
    expect(again.html).not.toContain('<b>خدمة</b>');
    expect(again.html).toContain('&lt;b&gt;خدمة&lt;/b&gt;');
    expect(again.html).not.toContain('<script'); // the recorded score: nothing to post
    const events = await sql<{ type: string }>(
      `SELECT type FROM outbox WHERE workspace_id = $1 AND type = 'nps.responded'`,
      [ws.me.workspace.id],
    );
    expect(events).toHaveLength(2);
    const feed = (await ws.owner.get('/api/v1/events?after=0')).body as {
      events: Array<{ type: string; data: Record<string, unknown> }>;
    };
    const responded = feed.events.filter((e) => e.type === 'nps.responded');
    expect(responded).toHaveLength(2);
    expect(responded[1].data).toMatchObject({
      survey: { id: s.id, name: s.name },
      response: { surveyId: s.id, score: 3, person: { id: p.id } },
    });

    await sql(
      `UPDATE nps_responses SET responded_at = now() - interval '8 days' WHERE survey_id = $1`,
      [s.id],
    );
    const late = await post(action, { score: '10' });
    expect(late.status).toBe(409);
    expect(late.html).toContain('لم يعد تعديل الإجابة ممكنًا');
    expect((await responsesOf(s.id))[0].score).toBe(3);
  });

  it('refuses a score of 11 or −1 and a comment of 2001 characters with the answers kept', async () => {
    const ws = await createWorkspace(app.base);
    const { survey: s, links } = await sentTo(ws, { language: 'en' });
    for (const score of ['11', '-1', '', 'x']) {
      const res = await post(links[5], { score, comment: 'kept words' });
      expect(res.status).toBe(400);
      expect(res.html).toContain('Choose a number from 0 to 10.');
      expect(res.html).toContain('kept words');
    }
    const long = await post(links[5], { score: '5', comment: 'ك'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.html).toContain('id="error-comment"');
    expect(long.html).toContain('ك'.repeat(2001));
    expect(await responsesOf(s.id)).toHaveLength(0);
    const ok = await post(links[5], { score: '5', comment: 'ك'.repeat(2000) });
    expect(ok.status).toBe(303);
  });

  it('shows a clear page for forged, expired and cancelled links and records nothing', async () => {
    const ws = await createWorkspace(app.base);
    const { survey: s, links } = await sentTo(ws);
    const token = links[9].split('/n/')[1];
    const forged = `${app.base}/n/${token.replace(/\.(\d+)\./, '.10.')}`;
    for (const url of [forged, `${app.base}/n/nonsense`]) {
      const res = await page(url);
      expect(res.status).toBe(404);
      expect(res.html).toContain('رابط الاستطلاع غير صحيح');
      expect((await post(url, { score: '9' })).status).toBe(404);
    }
    const [recipient] = await recipientsOf(s.id);
    const expired = signNpsLink(secret(), {
      recipientId: recipient.id,
      score: 9,
      expiresAt: new Date(Date.now() - 1000),
    });
    const old = await page(`${app.base}/n/${expired}`);
    expect(old.status).toBe(410);
    expect(old.html).toContain('انتهت صلاحية الرابط');
    expect((await post(`${app.base}/n/${expired}`, { score: '9' })).status).toBe(410);
    const english = await page(`${app.base}/n/${expired}?lang=en`);
    expect(english.html).toContain('This link has expired');

    // A cancelled survey's recipient who was never sent has no valid page either.
    const cat = await category(ws);
    await person(ws, { categoryId: cat });
    const cancelled = await survey(ws, { categoryId: cat });
    await ws.owner.post(`/api/v1/nps/surveys/${cancelled.id}/cancel`);
    const [skipped] = await recipientsOf(cancelled.id);
    const link = signNpsLink(secret(), {
      recipientId: skipped.id,
      score: 4,
      expiresAt: new Date(Date.now() + DAY),
    });
    const gone = await post(`${app.base}/n/${link}`, { score: '4' });
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('أُلغي هذا الاستطلاع');
    expect(await responsesOf(s.id)).toHaveLength(0);
    expect(await responsesOf(cancelled.id)).toHaveLength(0);
  });
});

describe('NPS results', () => {
  it('adds up a survey, lists its responses by group and exports them inert', async () => {
    const ws = await createWorkspace(app.base);
    const cat = await category(ws);
    const people = await Promise.all([0, 1, 2, 3].map(() => person(ws, { categoryId: cat })));
    const s = await survey(ws, { categoryId: cat });
    await sender().sendDue();
    const scores = [10, 9, 7, 2];
    for (const [i, p] of people.entries()) {
      const mail = await sink.waitFor((m) => m.to.includes(p.email as string));
      const res = await post(linksOf(mail)[scores[i]], {
        score: String(scores[i]),
        comment: i === 3 ? '=HYPERLINK("http://x")' : '',
      });
      expect(res.status).toBe(303);
    }
    const view = (await ws.owner.get(`/api/v1/nps/surveys/${s.id}`)).body as NpsSurveyDetailView;
    // 2 promoters − 1 detractor of 4 = 25.
    expect(view).toMatchObject({
      responses: 4,
      promoters: 2,
      passives: 1,
      detractors: 1,
      score: 25,
      responseRate: 1,
    });
    expect(view.distribution).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1]);
    const detractors = (
      await ws.owner.get(`/api/v1/nps/surveys/${s.id}/responses?group=detractors`)
    ).body as { items: NpsResponseView[] };
    expect(detractors.items).toHaveLength(1);
    expect(detractors.items[0]).toMatchObject({ score: 2, comment: '=HYPERLINK("http://x")' });
    expect(detractors.items[0].person?.id).toBe(people[3].id);
    const first = (await ws.owner.get(`/api/v1/nps/surveys/${s.id}/responses?limit=3`)).body as {
      items: NpsResponseView[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(3);
    const rest = (
      await ws.owner.get(`/api/v1/nps/surveys/${s.id}/responses?limit=3&cursor=${first.nextCursor}`)
    ).body as { items: NpsResponseView[]; nextCursor: string | null };
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const csv = await ws.owner.download(`/api/v1/nps/surveys/${s.id}/responses/export.csv`);
    expect(csv.status).toBe(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`'=HYPERLINK(`);
    expect(text).toContain('الدرجة');
    const other = await createWorkspace(app.base);
    expect((await other.owner.get(`/api/v1/nps/surveys/${s.id}/responses`)).status).toBe(404);
  });

  it('reports NPS over time in buckets of the workspace’s days across a DST change', async () => {
    const ws = await createWorkspace(app.base);
    const timeZone = 'America/New_York'; // clocks go back on 1 November 2026
    expect((await ws.owner.patch('/api/v1/workspace', { timeZone })).status).toBe(200);
    const cat = await category(ws);
    const people = await Promise.all([0, 1, 2].map(() => person(ws, { categoryId: cat })));
    const s = await survey(ws, { categoryId: cat });
    await sender().sendDue();
    for (const [i, p] of people.entries()) {
      const mail = await sink.waitFor((m) => m.to.includes(p.email as string));
      await post(linksOf(mail)[[10, 0, 9][i]], { score: String([10, 0, 9][i]) });
    }
    const ids = (await responsesOf(s.id)).sort((a, b) => b.score - a.score);
    // 23:30 on 1 November in New York (EST, after the change) is 04:30 UTC on the 2nd.
    const at = ['2026-10-31T15:00:00Z', '2026-11-02T04:30:00Z', '2026-11-02T05:30:00Z'];
    const byScore = new Map([
      [10, at[0]],
      [9, at[1]],
      [0, at[2]],
    ]);
    for (const r of ids)
      await sql('UPDATE nps_responses SET responded_at = $2 WHERE id = $1', [
        r.id,
        byScore.get(r.score),
      ]);
    const res = await ws.owner.get('/api/v1/reports/nps?from=2026-10-30&to=2026-11-03');
    expect(res.status).toBe(200);
    const report = res.body as NpsReportView;
    expect(report.period.bucket).toBe('day');
    expect(report.current).toEqual({
      responses: 3,
      promoters: 2,
      passives: 0,
      detractors: 1,
      score: 33,
    });
    expect(report.previous).toEqual({
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      score: null,
    });
    expect(report.series).toEqual([
      { bucket: '2026-10-30T04:00:00.000Z', score: null, responses: 0 },
      { bucket: '2026-10-31T04:00:00.000Z', score: 100, responses: 1 },
      { bucket: '2026-11-01T04:00:00.000Z', score: 100, responses: 1 },
      { bucket: '2026-11-02T05:00:00.000Z', score: -100, responses: 1 },
      { bucket: '2026-11-03T05:00:00.000Z', score: null, responses: 0 },
    ]);
    expect(report.surveys).toEqual([{ id: s.id, name: s.name, responses: 3, score: 33 }]);
    const noCompare = (
      await ws.owner.get('/api/v1/reports/nps?from=2026-10-30&to=2026-11-03&compare=false')
    ).body as NpsReportView;
    expect(noCompare.previous).toBeNull();
    const bySurvey = await ws.owner.get(
      `/api/v1/reports/nps?from=2026-10-30&to=2026-11-03&surveyId=${randomUUID()}`,
    );
    expect(bySurvey.status).toBe(400);
    const byCategory = (
      await ws.owner.get(
        `/api/v1/reports/nps?from=2026-10-30&to=2026-11-03&categoryId=${cat}&surveyId=${s.id}`,
      )
    ).body as NpsReportView;
    expect(byCategory.current.responses).toBe(3);
    const other = await createWorkspace(app.base);
    const foreign = await other.owner.get(`/api/v1/reports/nps?categoryId=${cat}`);
    expect(foreign.status).toBe(400);
    expect((await ws.owner.get('/api/v1/reports/nps?from=2026-11-03&to=2026-10-30')).status).toBe(
      400,
    );
    const agent = await addMember(app.base, ws.owner, 'agent');
    expect((await agent.session.get('/api/v1/reports/nps')).status).toBe(403);
    const csv = await ws.owner.download(
      '/api/v1/reports/nps/export.csv?from=2026-10-30&to=2026-11-03',
    );
    expect(csv.status).toBe(200);
    expect((csv.body as Buffer).toString('utf8')).toContain('2026-11-02 00:00:00 -05:00');
    // The page as a PDF: the Arabic read back in order, the score, the survey filter named.
    const pdf = await ws.owner.download(
      `/api/v1/reports/nps/export.pdf?from=2026-10-30&to=2026-11-03&surveyId=${s.id}`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('2026-10-30_2026-11-03.pdf');
    mkdirSync(testDir('nps'), { recursive: true });
    const file = join(testDir('nps'), 'nps-report.pdf');
    writeFileSync(file, pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    // (pdftotext splits the lam-alef ligature, so the words checked have none.)
    expect(text).toContain('تقرير صافي نقاط الترويج');
    expect(text).toContain('المنتقدون');
    expect(text).toContain(s.name.split(' ')[1]);
    expect(text).toMatch(/\+33/);
    expect(text).toContain('2026-11-02 00:00:00 -05:00');
    expect((await agent.session.get('/api/v1/reports/nps/export.pdf')).status).toBe(403);
  });

  it('follows a person erased: the comment and the link to them go, the score stays', async () => {
    const ws = await createWorkspace(app.base);
    const { survey: s, links, person: p } = await sentTo(ws);
    await post(links[6], { score: '6', comment: 'كلمات العميل' });
    const res = await ws.owner.post(`/api/v1/people/${p.id}/erase`, { mode: 'delete' });
    expect(res.status).toBe(202);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row] = await responsesOf(s.id);
      if (row.contact_id === null) {
        expect(row).toMatchObject({ score: 6, comment: null });
        break;
      }
      if (Date.now() > deadline) throw new Error('erase did not reach the NPS response');
      await new Promise((r) => setTimeout(r, 200));
    }
    const [recipient] = await sql<{ email: string | null; contact_id: string | null }>(
      'SELECT email, contact_id FROM nps_recipients WHERE survey_id = $1',
      [s.id],
    );
    expect(recipient).toEqual({ email: null, contact_id: null });
  });
});
