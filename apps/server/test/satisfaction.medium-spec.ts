import type {
  ConversationDetailView,
  MailboxView,
  MessageView,
  RatingView,
  ReportWindow,
  SatisfactionSettingsView,
} from '@sanad/contracts';
import {
  RatingRequestsConsumer,
  RatingRequestSender,
  SatisfactionReports,
  signRatingLink,
} from '@sanad/satisfaction';
import type { DomainEvent } from '@sanad/queue';
import { uniqueEmail } from '@sanad/testing';
import { randomUUID } from 'node:crypto';
import {
  type CapturedMail,
  type EmailApp,
  MailSink,
  conversationWith,
  inboxAddress,
  raw,
  send,
  startEmailApp,
  until,
} from './email-harness';
import { addMember, createWorkspace, type TestWorkspace } from './test-app';

const SECRET = 'test-secret-test-secret-test-secret-0123';
let app: EmailApp;
let sink: MailSink;

beforeAll(async () => {
  sink = new MailSink();
  app = await startEmailApp({
    SMTP_URL: await sink.start(),
    MAIL_FROM: 'support@sanad.example',
    AUTO_REPLIES_PER_RECIPIENT_PER_DAY: '2',
    RATING_REQUESTS_EVERY_MS: '1000',
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

async function noDelay(ws: TestWorkspace, extra: Partial<SatisfactionSettingsView> = {}) {
  const res = await ws.owner.patch('/api/v1/satisfaction/settings', { delayMinutes: 0, ...extra });
  expect(res.status).toBe(200);
}

/** A customer's email that opens a conversation. */
async function customerWrites(
  ws: TestWorkspace,
  subject: string,
  from = uniqueEmail('customer'),
): Promise<{ detail: ConversationDetailView; from: string }> {
  const to = await inboxAddress(app, ws);
  await send(
    app,
    to,
    raw(
      {
        From: `عميل <${from}>`,
        To: to,
        Subject: subject,
        'Message-ID': `<${uniqueEmail('cust')}>`,
        'Content-Type': 'text/plain; charset=utf-8',
      },
      'مرحباً، أحتاج مساعدة في طلبي.',
    ),
    from,
  );
  return { detail: await conversationWith(ws, subject), from };
}

async function close(ws: TestWorkspace, id: string): Promise<void> {
  const res = await ws.owner.patch(`/api/v1/conversations/${id}`, { status: 'closed' });
  expect(res.status).toBe(200);
}

async function requestsOf(conversationId: string) {
  return sql<{ id: string; status: string; skip_reason: string | null; language: string }>(
    'SELECT id, status, skip_reason, language FROM rating_requests WHERE conversation_id = $1 ORDER BY created_at',
    [conversationId],
  );
}

/** The email's star links by score (1–5), from its plain-text part, on the test server. */
function linksOf(mail: CapturedMail): Map<number, string> {
  const urls = [...(mail.parsed.text ?? '').matchAll(/https?:\/\/\S+\/r\/([0-9a-z.]+)/g)];
  expect(urls.every((m) => m[0].startsWith(app.running.config.publicUrl.replace(/\/$/, '')))).toBe(
    true,
  );
  return new Map(urls.map((m) => [Number(m[1].split('.')[3]), `${app.base}/r/${m[1]}`]));
}

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

/** What the rating page's script does: record the link's star. */
function star(url: string) {
  return page(`${url.replace(/\?.*$/, '')}/star`, { method: 'POST' });
}

async function ratingOf(conversationId: string): Promise<Record<string, unknown> | undefined> {
  return (await sql('SELECT * FROM ratings WHERE conversation_id = $1', [conversationId]))[0];
}

describe('satisfaction settings', () => {
  it('defaults to on, 5 minutes, API off; agents read, admins change, the audit log keeps it', async () => {
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
    expect((await agent.session.get('/api/v1/satisfaction/settings')).body).toEqual({
      enabled: true,
      delayMinutes: 5,
      includeApiChannel: false,
    });
    expect(
      (await agent.session.patch('/api/v1/satisfaction/settings', { enabled: false })).status,
    ).toBe(403);
    const bad = await ws.owner.patch('/api/v1/satisfaction/settings', { delayMinutes: 99999 });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Array<{ field: string }> }).errors[0].field).toBe('delayMinutes');
    const notBool = await ws.owner.patch('/api/v1/satisfaction/settings', { enabled: 'yes' });
    expect((notBool.body as { errors: Array<{ field: string }> }).errors[0].field).toBe('enabled');
    const ok = await ws.owner.patch('/api/v1/satisfaction/settings', { delayMinutes: 15 });
    expect(ok.body).toEqual({ enabled: true, delayMinutes: 15, includeApiChannel: false });
    const audit = await sql<{ data: unknown }>(
      `SELECT data FROM audit_log WHERE workspace_id = $1 AND action = 'satisfaction.settings_updated'`,
      [ws.me.workspace.id],
    );
    expect(audit.map((a) => a.data)).toEqual([{ delayMinutes: { from: 5, to: 15 } }]);
  });
});

describe('a closed conversation asks its customer for a rating', () => {
  it('emails one-click stars in Arabic, records the star, then the dimensions and the comment', async () => {
    const ws = await createWorkspace(app.base);
    await noDelay(ws);
    const { detail, from } = await customerWrites(ws, 'تقييم الخدمة');
    const id = detail.conversation.id;
    await ws.owner.patch(`/api/v1/conversations/${id}`, { assigneeId: ws.me.user.id });
    await close(ws, id);
    const mail = await sink.waitFor((m) => m.to.includes(from), 15_000);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.parsed.text).toContain('كيف كانت تجربتك؟');
    const links = linksOf(mail);
    expect([...links.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    // The HTML part has the five stars as links.
    for (const url of links.values())
      expect(mail.parsed.html).toContain(url.slice(url.indexOf('/r/')));
    expect(await requestsOf(id)).toEqual([
      expect.objectContaining({ status: 'sent', language: 'ar' }),
    ]);

    // Opening the link records nothing (a mail scanner opens them all); the page's script posts
    // the star, so one click counts.
    for (const url of links.values()) expect((await page(url)).status).toBe(200);
    expect(await ratingOf(id)).toBeUndefined();
    const clicked = await page(links.get(4) as string);
    expect(clicked.status).toBe(200);
    expect(clicked.html).toContain('اخترت 4 من 5.');
    expect(clicked.html).toContain(`fetch("/r/${(links.get(4) as string).split('/r/')[1]}/star"`);
    const csp = clicked.res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(clicked.html).toContain(`<script nonce="${nonce}">`);
    expect((await star(links.get(4) as string)).status).toBe(204);
    expect(clicked.res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(clicked.html).toContain('dir="rtl"');
    for (const label of ['الأسلوب والتعامل', 'سرعة الرد', 'وضوح الردود', 'مستوى السعادة'])
      expect(clicked.html).toContain(label);
    expect(await ratingOf(id)).toMatchObject({
      score: 4,
      manner: null,
      agent_id: ws.me.user.id,
      mailbox_id: detail.conversation.mailboxId,
    });

    // The thread shows the request without the customer's links.
    const request = (
      (await ws.owner.get(`/api/v1/conversations/${id}`)).body as ConversationDetailView
    ).messages.find((m) => m.data.ratingRequest);
    expect(request?.text).toContain('★★★★ جيد');
    expect(request?.text).not.toContain('/r/');
    expect(JSON.stringify(request)).not.toContain('/r/');

    // A second click on the same star changes nothing; a comment over 2,000 characters is a 400
    // with the answers kept; a score outside 1–5 is a 400.
    await star(links.get(4) as string);
    const long = await post(links.get(4) as string, {
      score: '4',
      manner: '5',
      comment: 'ع'.repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(long.html).toContain('ع'.repeat(50));
    expect(long.html).toMatch(/name="manner" value="5" checked/);
    expect((await post(links.get(4) as string, { score: '9' })).status).toBe(400);
    expect(await ratingOf(id)).toMatchObject({ score: 4, manner: null, comment: null });

    const saved = await post(links.get(4) as string, {
      score: '5',
      manner: '5',
      speed: '3',
      clarity: '4',
      happiness: '5',
      comment: 'شكرًا على المساعدة <b>السريعة</b>',
    });
    expect(saved.status).toBe(303);
    const thanks = await page(new URL(saved.res.headers.get('location') as string, app.base).href);
    expect(thanks.html).toContain('شكرًا لك');
    expect(await ratingOf(id)).toMatchObject({
      score: 5,
      manner: 5,
      speed: 3,
      clarity: 4,
      happiness: 5,
      comment: 'شكرًا على المساعدة <b>السريعة</b>',
    });

    // The timeline shows it; the events are in the outbox, and the webhook/event view has it.
    const thread = (await ws.owner.get(`/api/v1/conversations/${id}`))
      .body as ConversationDetailView;
    const entries = thread.messages.filter(
      (m: MessageView) => m.kind === 'activity' && m.data.action === 'rating',
    );
    expect(entries.map((e) => e.data)).toEqual([
      expect.objectContaining({ score: 4, changed: false }),
      expect.objectContaining({ score: 5, manner: 5, speed: 3, changed: true }),
    ]);
    const events = await sql<{ type: string }>(
      `SELECT type FROM outbox WHERE workspace_id = $1 AND type LIKE 'rating.%' ORDER BY seq`,
      [ws.me.workspace.id],
    );
    expect(events.map((e) => e.type)).toEqual(['rating.created', 'rating.updated']);
    const feed = await until(async () => {
      const body = (await ws.owner.get('/api/v1/events?after=0&limit=500')).body as {
        events: Array<{ type: string; data: { rating?: RatingView } }>;
      };
      return body.events.find((e) => e.type === 'rating.created');
    });
    expect(feed.data.rating).toMatchObject({ conversationId: id, agentId: ws.me.user.id });
  });

  it('refuses forged, expired and mismatched links with a page in the customer’s language, recording nothing', async () => {
    const ws = await createWorkspace(app.base);
    await noDelay(ws);
    const { detail, from } = await customerWrites(ws, 'روابط مزورة');
    await close(ws, detail.conversation.id);
    const mail = await sink.waitFor((m) => m.to.includes(from), 15_000);
    const good = linksOf(mail).get(3) as string;
    const [request] = await requestsOf(detail.conversation.id);
    const forged = good.replace(/\.3\./, '.5.');
    const forgedPage = await page(forged, { headers: { 'accept-language': 'ar' } });
    expect(forgedPage.status).toBe(404);
    expect(forgedPage.html).toContain('رابط التقييم غير صحيح');
    const other = signRatingLink(SECRET, {
      requestId: request.id,
      conversationId: randomUUID(),
      score: 5,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect((await page(`${app.base}/r/${other}`)).status).toBe(404);
    const expired = signRatingLink(SECRET, {
      requestId: request.id,
      conversationId: detail.conversation.id,
      score: 5,
      expiresAt: new Date(Date.now() - 1000),
    });
    const expiredPage = await page(`${app.base}/r/${expired}`);
    expect(expiredPage.status).toBe(410);
    expect(expiredPage.html).toContain('انتهت صلاحية الرابط');
    expect((await post(`${app.base}/r/${expired}`, { score: '5' })).status).toBe(410);
    expect((await star(`${app.base}/r/${expired}`)).status).toBe(410);
    expect((await star(forged)).status).toBe(404);
    expect(await ratingOf(detail.conversation.id)).toBeUndefined();
  });

  it('lets a rating change for 7 days, then says it can no longer be changed', async () => {
    const ws = await createWorkspace(app.base);
    await noDelay(ws);
    const { detail, from } = await customerWrites(ws, 'تعديل التقييم');
    await close(ws, detail.conversation.id);
    const links = linksOf(await sink.waitFor((m) => m.to.includes(from), 15_000));
    await star(links.get(2) as string);
    await star(links.get(3) as string);
    expect(await ratingOf(detail.conversation.id)).toMatchObject({ score: 3 });
    await sql(
      `UPDATE ratings SET first_rated_at = now() - interval '8 days' WHERE conversation_id = $1`,
      [detail.conversation.id],
    );
    const late = await page(links.get(5) as string);
    expect(late.status).toBe(409);
    expect(late.html).toContain('لم يعد تعديل التقييم ممكنًا');
    expect((await post(links.get(5) as string, { score: '5' })).status).toBe(409);
    expect((await star(links.get(5) as string)).status).toBe(409);
    expect(await ratingOf(detail.conversation.id)).toMatchObject({ score: 3 });
  });
});

describe('rating requests', () => {
  it('are recorded once per close even when the event is delivered twice, and once per close again after a reopen', async () => {
    const ws = await createWorkspace(app.base);
    await ws.owner.patch('/api/v1/satisfaction/settings', { delayMinutes: 600 });
    const { detail } = await customerWrites(ws, 'مرتين');
    const id = detail.conversation.id;
    await close(ws, id);
    await until(async () => (await requestsOf(id)).length === 1);
    const consumer = app.running.app.get(RatingRequestsConsumer);
    const event = {
      id: randomUUID(),
      workspaceId: ws.me.workspace.id,
      seq: null,
      type: 'conversation.updated',
      payload: {
        conversationId: id,
        mailboxId: detail.conversation.mailboxId,
        changes: [{ action: 'status', from: 'open', to: 'closed' }],
      },
      createdAt: new Date(),
      failures: 0,
    } as DomainEvent<'conversation.updated'>;
    await consumer.handle(event);
    await consumer.handle(event);
    expect(await requestsOf(id)).toHaveLength(1);
    // Another workspace's conversation id records nothing.
    expect(await consumer.record((await createWorkspace(app.base)).me.workspace.id, id)).toBeNull();
    // Reopened and closed again: a second close, a second request; the first is skipped when due.
    await ws.owner.patch(`/api/v1/conversations/${id}`, { status: 'open' });
    await close(ws, id);
    await until(async () => (await requestsOf(id)).length === 2);
    await sql(`UPDATE rating_requests SET due_at = now() WHERE conversation_id = $1`, [id]);
    await app.running.app.get(RatingRequestSender).sendDue();
    // The worker's own round may hold a request we skipped (SKIP LOCKED): wait for its commit.
    const [first, second] = await until(async () => {
      const both = await requestsOf(id);
      return both.every((r) => r.status !== 'pending') ? both : null;
    });
    expect(first).toMatchObject({ status: 'skipped', skip_reason: 'closed_again' });
    expect(second.status).toBe('sent');
  });

  it('are skipped when the conversation was reopened before they were due', async () => {
    const ws = await createWorkspace(app.base);
    await ws.owner.patch('/api/v1/satisfaction/settings', { delayMinutes: 600 });
    const { detail } = await customerWrites(ws, 'أعيد فتحها');
    await close(ws, detail.conversation.id);
    await until(async () => (await requestsOf(detail.conversation.id)).length === 1);
    await ws.owner.patch(`/api/v1/conversations/${detail.conversation.id}`, { status: 'open' });
    await sql(`UPDATE rating_requests SET due_at = now() WHERE conversation_id = $1`, [
      detail.conversation.id,
    ]);
    await app.running.app.get(RatingRequestSender).sendDue();
    expect(await requestsOf(detail.conversation.id)).toEqual([
      expect.objectContaining({ status: 'skipped', skip_reason: 'reopened' }),
    ]);
  });

  it('are not made for spam, merged-away or (unless included) API conversations', async () => {
    const ws = await createWorkspace(app.base);
    await ws.owner.patch('/api/v1/satisfaction/settings', { delayMinutes: 600 });
    const consumer = app.running.app.get(RatingRequestsConsumer);
    const spam = (await customerWrites(ws, 'مزعج')).detail.conversation.id;
    await ws.owner.patch(`/api/v1/conversations/${spam}`, { spam: true });
    await close(ws, spam);
    const customer = uniqueEmail('twice');
    const a = (await customerWrites(ws, 'الأولى', customer)).detail.conversation.id;
    const b = (await customerWrites(ws, 'الثانية', customer)).detail.conversation.id;
    await close(ws, a);
    await until(async () => (await requestsOf(a)).length === 1);
    expect((await ws.owner.post(`/api/v1/conversations/${a}/merge`, { intoId: b })).status).toBe(
      200,
    );
    const api = (
      await ws.owner.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('api'), name: 'API' },
        subject: 'من التكامل',
        text: 'hello',
      })
    ).body as ConversationDetailView;
    await close(ws, api.conversation.id);
    // Let the close events be consumed.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await requestsOf(spam)).toEqual([]);
    expect(await requestsOf(a)).toEqual([]);
    expect(await consumer.record(ws.me.workspace.id, a)).toBeNull();
    expect(await requestsOf(api.conversation.id)).toEqual([]);
    await ws.owner.patch('/api/v1/satisfaction/settings', { includeApiChannel: true });
    expect(await consumer.record(ws.me.workspace.id, api.conversation.id)).not.toBeNull();
  });

  it('respect the automatic-message budget per customer (R12)', async () => {
    const ws = await createWorkspace(app.base);
    await noDelay(ws);
    const customer = uniqueEmail('budget');
    const ids: string[] = [];
    for (const subject of ['واحد', 'اثنان', 'ثلاثة']) {
      const { detail } = await customerWrites(ws, `ميزانية ${subject}`, customer);
      ids.push(detail.conversation.id);
      await close(ws, detail.conversation.id);
      await until(
        async () =>
          (await requestsOf(detail.conversation.id))[0]?.status !== 'pending' &&
          (await requestsOf(detail.conversation.id)).length === 1,
        15_000,
      );
    }
    const states = [];
    for (const id of ids) states.push((await requestsOf(id))[0]);
    expect(states.map((s) => s.status)).toEqual(['sent', 'sent', 'skipped']);
    expect(states[2].skip_reason).toBe('budget');
  });
});

describe('satisfaction reports', () => {
  async function inboxOf(ws: TestWorkspace): Promise<MailboxView> {
    const boxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
    return boxes.items.find((m) => m.kind === 'inbox') as MailboxView;
  }

  it('summarise, group, distribute, list comments and bucket in the workspace time zone, with filters', async () => {
    const ws = await createWorkspace(app.base);
    const other = await createWorkspace(app.base);
    const box = await inboxOf(ws);
    const tag = (
      await sql<{ id: string }>(
        `INSERT INTO tags (id, workspace_id, name) VALUES ($1, $2, 'vip') RETURNING id`,
        [randomUUID(), ws.me.workspace.id],
      )
    )[0].id;
    const insert = (
      workspaceId: string,
      at: string,
      score: number,
      extra: {
        manner?: number;
        comment?: string;
        tagIds?: string[];
        agentId?: string;
        channel?: string;
      } = {},
    ) =>
      sql(
        `INSERT INTO ratings (id, workspace_id, conversation_id, conversation_number, agent_id,
           mailbox_id, channel, tag_ids, score, manner, comment, first_rated_at, updated_at)
         VALUES ($1, $2, $3, 1, $4, $5, $6, $7::uuid[], $8, $9, $10, $11, $11)`,
        [
          randomUUID(),
          workspaceId,
          randomUUID(),
          extra.agentId ?? null,
          box.id,
          extra.channel ?? 'email',
          extra.tagIds ?? [],
          score,
          extra.manner ?? null,
          extra.comment ?? null,
          at,
        ],
      );
    // Riyadh is UTC+3: 22:30 UTC on the 1st is already the 2nd there.
    await insert(ws.me.workspace.id, '2026-11-01T10:00:00Z', 5, {
      manner: 4,
      agentId: ws.me.user.id,
      tagIds: [tag],
      comment: 'ممتاز',
    });
    await insert(ws.me.workspace.id, '2026-11-01T22:30:00Z', 3, { manner: 2, comment: 'بطيء' });
    await insert(ws.me.workspace.id, '2026-11-02T08:00:00Z', 1, { channel: 'api' });
    await insert(ws.me.workspace.id, '2026-12-01T08:00:00Z', 2); // outside the window
    await insert(other.me.workspace.id, '2026-11-01T12:00:00Z', 1);
    const reports = app.running.app.get(SatisfactionReports);
    const window: ReportWindow = {
      workspaceId: ws.me.workspace.id,
      from: '2026-10-31T21:00:00Z',
      to: '2026-11-30T21:00:00Z',
      timeZone: 'Asia/Riyadh',
      weekStart: 'saturday',
      bucket: 'day',
      filters: {},
    };
    expect(await reports.summary(window)).toEqual({
      count: 3,
      average: 3,
      dimensions: { manner: 3, speed: null, clarity: null, happiness: null },
    });
    expect((await reports.summary({ ...window, filters: { agentId: ws.me.user.id } })).count).toBe(
      1,
    );
    expect((await reports.summary({ ...window, filters: { tagId: tag } })).average).toBe(5);
    expect((await reports.summary({ ...window, filters: { channel: 'api' } })).average).toBe(1);
    expect((await reports.summary({ ...window, filters: { mailboxId: randomUUID() } })).count).toBe(
      0,
    );
    const byAgent = await reports.groups(window, 'agent');
    expect(byAgent).toEqual([
      expect.objectContaining({ key: null, count: 2 }),
      expect.objectContaining({ key: ws.me.user.id, name: 'Owner', count: 1, average: 5 }),
    ]);
    expect(await reports.groups(window, 'tag')).toEqual([
      expect.objectContaining({ key: tag, name: 'vip', count: 1 }),
    ]);
    expect(await reports.groups(window, 'mailbox')).toEqual([
      expect.objectContaining({ key: box.id, name: box.name, count: 3 }),
    ]);
    const distribution = await reports.distribution(window);
    expect(distribution.overall).toEqual([1, 0, 1, 0, 1]);
    expect(distribution.manner).toEqual([0, 1, 0, 1, 0]);
    const first = await reports.comments(window, null, 1);
    expect(first.comments.map((c) => c.comment)).toEqual(['بطيء']);
    const second = await reports.comments(window, first.nextCursor, 1);
    expect(second.comments.map((c) => c.comment)).toEqual(['ممتاز']);
    expect(second.comments[0].agent).toEqual({ id: ws.me.user.id, name: 'Owner' });
    expect(second.nextCursor).toBeNull();
    expect(await reports.averageSeries(window)).toEqual([
      expect.objectContaining({ start: '2026-10-31T21:00:00.000Z', count: 1, average: 5 }),
      expect.objectContaining({ start: '2026-11-01T21:00:00.000Z', count: 2, average: 2 }),
    ]);
    expect(
      (await reports.averageSeries({ ...window, bucket: 'month' })).map((p) => [p.start, p.count]),
    ).toEqual([['2026-10-31T21:00:00.000Z', 3]]);
    // Weeks start on the workspace's day: Sunday the 1st and Monday the 2nd share a Saturday week,
    // and fall in two weeks that start on Monday.
    const weeks = (weekStart: ReportWindow['weekStart']) =>
      reports
        .averageSeries({ ...window, bucket: 'week', weekStart })
        .then((points) => points.map((p) => [p.start, p.count]));
    expect(await weeks('saturday')).toEqual([['2026-10-30T21:00:00.000Z', 3]]);
    expect(await weeks('monday')).toEqual([
      ['2026-10-25T21:00:00.000Z', 1],
      ['2026-11-01T21:00:00.000Z', 2],
    ]);
    expect((await reports.summary({ ...window, workspaceId: other.me.workspace.id })).count).toBe(
      1,
    );
  });
});
