import { Client } from 'pg';
import type {
  ConversationDetailView,
  ConversationView,
  EventsPageView,
  MailboxView,
  MessageView,
  PageView,
  Problem,
  ViewCountsView,
} from '@sanad/contracts';
import { uniqueEmail } from '@sanad/testing';
import type { Running } from '../src/boot';
import {
  type HttpSession,
  addMember,
  createWorkspace,
  startTestApp,
  type TestWorkspace,
} from './test-app';

let running: Running;
let base: string;

beforeAll(async () => {
  running = await startTestApp();
  base = running.httpUrl as string;
});

afterAll(async () => {
  await running?.close();
});

async function open(
  ws: TestWorkspace,
  body: Record<string, unknown>,
  key?: string,
): Promise<ConversationDetailView> {
  const session = ws.owner;
  const response = key
    ? await (async () => {
        const res = await fetch(`${base}/api/v1/conversations`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookieHeader,
            'x-csrf-token': /sanad_csrf=([^;]+)/.exec(session.cookieHeader)?.[1] ?? '',
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: await res.json() };
      })()
    : await session.post('/api/v1/conversations', body);
  if (response.status !== 201)
    throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as ConversationDetailView;
}

function conversationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    contact: { email: uniqueEmail('customer'), name: 'عميل' },
    subject: 'طلب مساعدة',
    text: 'مرحباً، أحتاج مساعدة في طلبي',
    ...overrides,
  };
}

async function list(session: HttpSession, query = ''): Promise<PageView<ConversationView>> {
  const response = await session.get(`/api/v1/conversations${query}`);
  if (response.status !== 200)
    throw new Error(`list failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as PageView<ConversationView>;
}

describe('API channel', () => {
  it('opens a conversation for a contact with its first message, in the inbox', async () => {
    const ws = await createWorkspace(base);
    const email = uniqueEmail('ahmad');
    const created = await open(
      ws,
      conversationBody({
        contact: { email: email.toUpperCase(), name: 'أحمد', externalId: 'crm-1' },
      }),
    );
    expect(created.conversation).toMatchObject({
      number: 1,
      status: 'open',
      channel: 'api',
      priority: 'normal',
      lastPublicFrom: 'contact',
      contact: { name: 'أحمد', emails: [email], externalId: 'crm-1' },
    });
    expect(created.messages).toHaveLength(1);
    expect(created.messages[0]).toMatchObject({
      kind: 'reply',
      author: { type: 'contact', name: 'أحمد' },
      text: 'مرحباً، أحتاج مساعدة في طلبي',
    });
    const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body.items as MailboxView[];
    expect(mailboxes.map((m) => [m.kind, m.name])).toEqual([
      ['inbox', 'الصندوق الوارد'],
      ['spam', 'المزعج'],
    ]);
    expect(created.conversation.mailboxId).toBe(mailboxes[0].id);
    // The same person by external id joins the same contact; numbers grow per workspace.
    const second = await open(ws, conversationBody({ contact: { externalId: 'crm-1' } }));
    expect(second.conversation.number).toBe(2);
    expect(second.conversation.contact?.id).toBe(created.conversation.contact?.id);
    await open(ws, conversationBody());
    // The customer sidebar lists that contact's conversations only.
    const history = await list(ws.owner, `?contactId=${created.conversation.contact?.id}`);
    expect(history.items.map((i) => i.number)).toEqual([2, 1]);
  });

  it('answers a repeated Idempotency-Key with the same conversation, and refuses it for another body', async () => {
    const ws = await createWorkspace(base);
    const body = conversationBody();
    const first = await open(ws, body, 'key-1');
    const again = await open(ws, body, 'key-1');
    expect(again.conversation.id).toBe(first.conversation.id);
    expect((await list(ws.owner)).items).toHaveLength(1);
    const conflict = await fetch(`${base}/api/v1/conversations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: ws.owner.cookieHeader,
        'x-csrf-token': /sanad_csrf=([^;]+)/.exec(ws.owner.cookieHeader)?.[1] ?? '',
        'idempotency-key': 'key-1',
      },
      body: JSON.stringify(conversationBody({ subject: 'different' })),
    });
    expect(conflict.status).toBe(409);
  });

  it('refuses a contact without any identifier and an unknown mailbox', async () => {
    const ws = await createWorkspace(base);
    const noId = await ws.owner.post(
      '/api/v1/conversations',
      conversationBody({ contact: { name: 'x' } }),
    );
    expect(noId.status).toBe(400);
    expect((noId.body as Problem).errors?.[0].field).toBe('contact');
    const badMailbox = await ws.owner.post(
      '/api/v1/conversations',
      conversationBody({ mailboxId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(badMailbox.status).toBe(404);
  });
});

describe('replies, notes and the timeline', () => {
  it('records replies, notes and every change; the customer reopens a closed conversation', async () => {
    const ws = await createWorkspace(base);
    const agent = await addMember(base, ws.owner, 'agent');
    const { conversation, messages } = await open(ws, conversationBody());
    const reply = await agent.session.post(`/api/v1/conversations/${conversation.id}/replies`, {
      text: 'أهلاً، كيف أساعدك؟',
      lastSeenMessageId: messages[0].id,
    });
    expect(reply.status).toBe(201);
    expect((reply.body as MessageView).author).toMatchObject({
      type: 'user',
      name: 'Member agent',
    });
    expect(
      (
        await agent.session.post(`/api/v1/conversations/${conversation.id}/notes`, {
          text: 'ملاحظة داخلية',
        })
      ).status,
    ).toBe(201);
    const updated = await ws.owner.patch(`/api/v1/conversations/${conversation.id}`, {
      status: 'closed',
      priority: 'high',
      assigneeId: agent.me.user.id,
      tags: ['فواتير', 'VIP', 'vip'],
    });
    expect(updated.status).toBe(200);
    expect(updated.body as ConversationView).toMatchObject({
      status: 'closed',
      priority: 'high',
      assignee: { id: agent.me.user.id },
      tags: ['VIP', 'فواتير'],
      lastPublicFrom: 'user',
    });
    expect((updated.body as ConversationView).firstAgentReplyAt).not.toBeNull();
    expect((updated.body as ConversationView).closedAt).not.toBeNull();
    const customer = await ws.owner.post(
      `/api/v1/conversations/${conversation.id}/customer-messages`,
      { text: 'ما زالت المشكلة قائمة' },
    );
    expect(customer.status).toBe(201);
    const detail = (await ws.owner.get(`/api/v1/conversations/${conversation.id}`))
      .body as ConversationDetailView;
    expect(detail.conversation).toMatchObject({ status: 'open', lastPublicFrom: 'contact' });
    expect(detail.conversation.reopenedAt).not.toBeNull();
    expect(
      detail.messages.map((m) =>
        m.kind === 'activity' ? `activity:${String(m.data.action)}` : m.kind,
      ),
    ).toEqual([
      'reply',
      'reply',
      'note',
      'activity:status',
      'activity:priority',
      'activity:assignee',
      'activity:tags',
      'reply',
      'activity:status',
    ]);
  });

  it('refuses a reply when a newer customer message arrived, showing it, unless sent anyway', async () => {
    const ws = await createWorkspace(base);
    const { conversation, messages } = await open(ws, conversationBody());
    await ws.owner.post(`/api/v1/conversations/${conversation.id}/customer-messages`, {
      text: 'رسالة جديدة من العميل',
    });
    const refused = await ws.owner.post(`/api/v1/conversations/${conversation.id}/replies`, {
      text: 'رد',
      lastSeenMessageId: messages[0].id,
    });
    expect(refused.status).toBe(409);
    const problem = refused.body as Problem & { messages: MessageView[] };
    expect(problem.code).toBe('conversation/stale_reply');
    expect(problem.messages.map((m) => m.text)).toEqual(['رسالة جديدة من العميل']);
    const forced = await ws.owner.post(`/api/v1/conversations/${conversation.id}/replies`, {
      text: 'رد',
      lastSeenMessageId: messages[0].id,
      force: true,
    });
    expect(forced.status).toBe(201);
  });

  it('validates values against the allowed ones', async () => {
    const ws = await createWorkspace(base);
    const { conversation } = await open(ws, conversationBody());
    await ws.owner.patch('/api/v1/me', { language: 'en' });
    const bad = await ws.owner.patch(`/api/v1/conversations/${conversation.id}`, {
      status: 'done',
      priority: 'asap',
    });
    expect(bad.status).toBe(400);
    const messages = (bad.body as Problem).errors?.map((e) => e.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        'Not allowed. Allowed values: open, pending, closed.',
        'Not allowed. Allowed values: low, normal, high, urgent.',
      ]),
    );
    expect((await ws.owner.get('/api/v1/conversations?view=everything')).status).toBe(400);
    expect((await ws.owner.get('/api/v1/conversations?status=open,finished')).status).toBe(400);
    expect((await ws.owner.get('/api/v1/conversations?cursor=garbage')).status).toBe(400);
    expect(
      (
        await ws.owner.patch(`/api/v1/conversations/${conversation.id}`, {
          assigneeId: '00000000-0000-4000-8000-000000000000',
        })
      ).status,
    ).toBe(422);
  });
});

describe('views, filters and counts', () => {
  it('lists each view with live counts', async () => {
    const ws = await createWorkspace(base);
    const agent = await addMember(base, ws.owner, 'agent');
    const a = await open(ws, conversationBody({ subject: 'A' }));
    const b = await open(ws, conversationBody({ subject: 'B', priority: 'urgent' }));
    const c = await open(ws, conversationBody({ subject: 'C' }));
    await ws.owner.post(`/api/v1/conversations/${a.conversation.id}/replies`, { text: 'answered' });
    await ws.owner.patch(`/api/v1/conversations/${b.conversation.id}`, {
      assigneeId: ws.me.user.id,
      tags: ['billing'],
    });
    await ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, { status: 'closed' });
    const subjects = async (query: string, session = ws.owner): Promise<string[]> =>
      (await list(session, query)).items.map((i) => i.subject);
    expect(await subjects('')).toEqual(['A', 'C', 'B']);
    expect(await subjects('?view=ongoing')).toEqual(['A', 'B']);
    expect(await subjects('?view=unanswered')).toEqual(['B']);
    expect(await subjects('?view=mine')).toEqual(['B']);
    expect(await subjects('?view=mine', agent.session)).toEqual([]);
    expect(await subjects('?view=unassigned')).toEqual(['A']);
    expect(await subjects('?status=closed')).toEqual(['C']);
    expect(await subjects('?priority=urgent')).toEqual(['B']);
    expect(await subjects('?tag=BILLING')).toEqual(['B']);
    expect(await subjects('?assigneeId=none&status=open')).toEqual(['A']);
    expect(await subjects(`?assigneeId=${ws.me.user.id}`)).toEqual(['B']);
    expect(await subjects('?channel=email')).toEqual([]);
    expect(await subjects(`?mailboxId=${a.conversation.mailboxId}&view=ongoing`)).toEqual([
      'A',
      'B',
    ]);
    expect(await subjects(`?from=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    const counts = (await ws.owner.get('/api/v1/conversations/counts')).body as ViewCountsView;
    expect(counts.views).toEqual({
      all: 3,
      ongoing: 2,
      unanswered: 1,
      mine: 1,
      following: 0,
      unassigned: 1,
    });
    // Following: the agent follows B; it shows in their view only.
    expect(
      (await agent.session.put(`/api/v1/conversations/${b.conversation.id}/follow`)).status,
    ).toBe(200);
    expect(await subjects('?view=following', agent.session)).toEqual(['B']);
    expect(await subjects('?view=following')).toEqual([]);
    expect(
      ((await agent.session.get('/api/v1/conversations/counts')).body as ViewCountsView).views
        .following,
    ).toBe(1);
    expect(
      (await agent.session.delete(`/api/v1/conversations/${b.conversation.id}/follow`)).status,
    ).toBe(200);
    expect(await subjects('?view=following', agent.session)).toEqual([]);
    expect(counts.mailboxes[a.conversation.mailboxId]).toBe(2);
    // Spam stays out of the views.
    const spam = ((await ws.owner.get('/api/v1/mailboxes')).body.items as MailboxView[]).find(
      (m) => m.kind === 'spam',
    ) as MailboxView;
    await ws.owner.patch(`/api/v1/conversations/${a.conversation.id}`, { mailboxId: spam.id });
    expect(await subjects('')).toEqual(['C', 'B']);
    expect(await subjects(`?mailboxId=${spam.id}`)).toEqual(['A']);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const ws = await createWorkspace(base);
    for (let i = 0; i < 7; i++) await open(ws, conversationBody({ subject: `S${i}` }));
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: PageView<ConversationView> = await list(
        ws.owner,
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((i) => i.subject));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['S6', 'S5', 'S4', 'S3', 'S2', 'S1', 'S0']);
  });
});

describe('Arabic-aware search', () => {
  let ws: TestWorkspace;

  beforeAll(async () => {
    ws = await createWorkspace(base);
    await open(ws, conversationBody({ subject: 'مشكلة في محادثة الدعم', text: 'لا تظهر الرسائل' }));
    await open(
      ws,
      conversationBody({
        subject: 'استفسار',
        contact: { email: uniqueEmail('x'), name: 'احمد علي' },
        text: 'سؤال عن الاشتراك',
      }),
    );
    await open(ws, conversationBody({ subject: 'الشحنة', text: 'تم الإرسال والطلب مرسل منذ أمس' }));
    await open(
      ws,
      conversationBody({ subject: 'Refund', text: 'I am ordering a refund for my orders' }),
    );
    await open(ws, conversationBody({ subject: 'فاتورة', text: 'الفاتورة invoice رقم 42 لم تصل' }));
    await open(
      ws,
      conversationBody({
        subject: 'Contact',
        contact: { email: 'layla.support@shop.example', name: 'Layla' },
        text: 'hello',
      }),
    );
  });

  const search = async (q: string): Promise<string[]> =>
    (await list(ws.owner, `?q=${encodeURIComponent(q)}`)).items.map((i) => i.subject);

  it.each([
    ['المحادثات', 'مشكلة في محادثة الدعم'],
    ['أحمد', 'استفسار'],
    ['مُرْسَل', 'الشحنة'],
    ['order', 'Refund'],
    ['refunds', 'Refund'],
    ['invoice', 'فاتورة'],
    ['فواتير', null],
    ['الفاتوره', 'فاتورة'],
    ['layla.support@shop.example', 'Contact'],
  ])('%s finds %s', async (q, subject) => {
    const found = await search(q);
    if (subject) expect(found).toContain(subject);
    else expect(found).toEqual([]);
  });

  it('returns snippets with the matching words marked, as text', async () => {
    const page = await list(ws.owner, `?q=${encodeURIComponent('الرسائل')}`);
    const parts = page.items[0].snippet ?? [];
    expect(parts.filter((p) => p.match).map((p) => p.text)).toContain('الرسائل');
  });
});

describe('tenancy and catch-up', () => {
  it('gives another workspace 404 for a conversation and keeps it out of lists', async () => {
    const a = await createWorkspace(base);
    const b = await createWorkspace(base);
    const { conversation } = await open(a, conversationBody());
    expect((await b.owner.get(`/api/v1/conversations/${conversation.id}`)).status).toBe(404);
    expect(
      (await b.owner.post(`/api/v1/conversations/${conversation.id}/replies`, { text: 'x' }))
        .status,
    ).toBe(404);
    expect(
      (await b.owner.patch(`/api/v1/conversations/${conversation.id}`, { status: 'closed' }))
        .status,
    ).toBe(404);
    expect((await list(b.owner)).items).toEqual([]);
    expect(
      ((await b.owner.get('/api/v1/conversations/counts')).body as ViewCountsView).views.all,
    ).toBe(0);
    expect(
      (await b.owner.patch(`/api/v1/mailboxes/${conversation.mailboxId}`, { name: 'x' })).status,
    ).toBe(404);
  });

  it('returns the events a client missed after a sequence number', async () => {
    const ws = await createWorkspace(base);
    const first = (await ws.owner.get('/api/v1/events?after=0')).body as EventsPageView;
    const { conversation } = await open(ws, conversationBody());
    await ws.owner.post(`/api/v1/conversations/${conversation.id}/replies`, { text: 'رد' });
    const missed = (await ws.owner.get(`/api/v1/events?after=${first.lastSeq}`))
      .body as EventsPageView;
    expect(missed.events.map((e) => e.type)).toEqual([
      'conversation.created',
      'message.created',
      'conversation.updated',
      'message.created',
    ]);
    expect(missed.events.map((e) => e.seq)).toEqual([1, 2, 3, 4].map((n) => first.lastSeq + n));
  });
});

describe('mailboxes', () => {
  it('lets admins add, rename and archive custom mailboxes, not agents', async () => {
    const ws = await createWorkspace(base);
    const agent = await addMember(base, ws.owner, 'agent');
    expect((await agent.session.post('/api/v1/mailboxes', { name: 'x', slug: 'x' })).status).toBe(
      403,
    );
    const created = await ws.owner.post('/api/v1/mailboxes', {
      name: 'الفواتير',
      slug: 'billing',
      signature: 'فريق الفواتير',
    });
    expect(created.status).toBe(201);
    expect(
      (await ws.owner.post('/api/v1/mailboxes', { name: 'dup', slug: 'billing' })).status,
    ).toBe(409);
    expect(
      (await ws.owner.post('/api/v1/mailboxes', { name: 'bad', slug: 'Bad Slug' })).status,
    ).toBe(400);
    const id = (created.body as MailboxView).id;
    expect(
      (await ws.owner.patch(`/api/v1/mailboxes/${id}`, { name: 'المحاسبة', archived: true }))
        .body as MailboxView,
    ).toMatchObject({ name: 'المحاسبة', archived: true });
    expect(
      (await ws.owner.post('/api/v1/conversations', conversationBody({ mailboxId: id }))).status,
    ).toBe(422);
    const inbox = ((await ws.owner.get('/api/v1/mailboxes')).body.items as MailboxView[]).find(
      (m) => m.kind === 'inbox',
    ) as MailboxView;
    expect((await ws.owner.patch(`/api/v1/mailboxes/${inbox.id}`, { archived: true })).status).toBe(
      422,
    );
  });
});

describe('saved replies', () => {
  it('keeps shared replies for the team and personal ones private, and fills placeholders', async () => {
    const ws = await createWorkspace(base);
    const agent = await addMember(base, ws.owner, 'agent');
    const other = await addMember(base, ws.owner, 'agent');
    expect(
      (await agent.session.post('/api/v1/saved-replies', { name: 'x', body: 'x', shared: true }))
        .status,
    ).toBe(403);
    const shared = (
      await ws.owner.post('/api/v1/saved-replies', {
        name: 'ترحيب',
        body: 'مرحباً {{contact.name}}، معك {{agent.name}} (#{{conversation.number}})',
        shared: true,
      })
    ).body as { id: string };
    const personal = (
      await agent.session.post('/api/v1/saved-replies', {
        name: 'شحن',
        body: 'سيصلك الطلب خلال يومين',
      })
    ).body as { id: string };
    const names = async (session: HttpSession, q = ''): Promise<string[]> =>
      (
        (await session.get(`/api/v1/saved-replies${q}`)).body as { items: Array<{ name: string }> }
      ).items.map((r) => r.name);
    expect(await names(agent.session)).toEqual(['ترحيب', 'شحن']);
    expect(await names(other.session)).toEqual(['ترحيب']);
    expect(await names(agent.session, `?q=${encodeURIComponent('الطلبات')}`)).toEqual(['شحن']);
    expect(await names(agent.session, '?q=welcoming')).toEqual([]);
    expect(
      (await other.session.patch(`/api/v1/saved-replies/${personal.id}`, { name: 'mine' })).status,
    ).toBe(404);
    expect(
      (await agent.session.patch(`/api/v1/saved-replies/${shared.id}`, { name: 'changed' })).status,
    ).toBe(403);
    const { conversation } = await open(
      ws,
      conversationBody({ contact: { email: uniqueEmail('s'), name: 'سارة' } }),
    );
    const rendered = await agent.session.post(`/api/v1/saved-replies/${shared.id}/render`, {
      conversationId: conversation.id,
    });
    expect(rendered.body).toEqual({
      text: `مرحباً سارة، معك Member agent (#${conversation.number})`,
    });
    const b = await createWorkspace(base);
    expect(
      (
        await b.owner.post(`/api/v1/saved-replies/${shared.id}/render`, {
          conversationId: conversation.id,
        })
      ).status,
    ).toBe(404);
    expect((await agent.session.delete(`/api/v1/saved-replies/${personal.id}`)).status).toBe(204);
    expect(await names(agent.session)).toEqual(['ترحيب']);
  });
});

describe('tags administration', () => {
  it('renames, merges and deletes tags; agents may only read them', async () => {
    const ws = await createWorkspace(base);
    const agent = await addMember(base, ws.owner, 'agent');
    const one = await open(ws, conversationBody({ subject: 'one' }));
    const two = await open(ws, conversationBody({ subject: 'two' }));
    await ws.owner.patch(`/api/v1/conversations/${one.conversation.id}`, {
      tags: ['فواتير', 'billing'],
    });
    await ws.owner.patch(`/api/v1/conversations/${two.conversation.id}`, { tags: ['billing'] });
    const tags = async (): Promise<Array<{ id: string; name: string; count: number }>> =>
      (
        (await agent.session.get('/api/v1/tags')).body as {
          items: Array<{ id: string; name: string; count: number }>;
        }
      ).items;
    const [billing, arabic] = await tags();
    expect([billing, arabic].map((t) => [t.name, t.count])).toEqual([
      ['billing', 2],
      ['فواتير', 1],
    ]);
    expect((await agent.session.patch(`/api/v1/tags/${billing.id}`, { name: 'x' })).status).toBe(
      403,
    );
    expect((await ws.owner.patch(`/api/v1/tags/${billing.id}`, { name: 'فواتير' })).status).toBe(
      409,
    );
    expect(
      (
        (await ws.owner.patch(`/api/v1/tags/${billing.id}`, { name: 'Billing' })).body as {
          name: string;
        }
      ).name,
    ).toBe('Billing');
    const merged = await ws.owner.post(`/api/v1/tags/${arabic.id}/merge`, { intoId: billing.id });
    expect(merged.body).toMatchObject({ id: billing.id, name: 'Billing', count: 2 });
    expect((await tags()).map((t) => t.name)).toEqual(['Billing']);
    expect(
      (
        (await ws.owner.get(`/api/v1/conversations/${one.conversation.id}`))
          .body as ConversationDetailView
      ).conversation.tags,
    ).toEqual(['Billing']);
    const b = await createWorkspace(base);
    expect((await b.owner.delete(`/api/v1/tags/${billing.id}`)).status).toBe(404);
    expect((await ws.owner.delete(`/api/v1/tags/${billing.id}`)).status).toBe(204);
    expect(await tags()).toEqual([]);
    expect(
      (
        (await ws.owner.get(`/api/v1/conversations/${two.conversation.id}`))
          .body as ConversationDetailView
      ).conversation.tags,
    ).toEqual([]);
  });
});

describe('view counts kept by triggers', () => {
  it('match a full recount after many random changes, for every member', async () => {
    const ws = await createWorkspace(base);
    const agent = await addMember(base, ws.owner, 'agent');
    const members = [ws.owner, agent.session];
    const ids = [ws.me.user.id, agent.me.user.id];
    const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body.items as MailboxView[];
    const conversations: string[] = [];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 60; i++) {
      const pick = conversations[rand(Math.max(conversations.length, 1))];
      const who = members[rand(2)];
      const op = conversations.length < 5 ? 0 : rand(7);
      if (op === 0) conversations.push((await open(ws, conversationBody())).conversation.id);
      if (op === 1) await who.post(`/api/v1/conversations/${pick}/replies`, { text: 'r' });
      if (op === 2)
        await ws.owner.post(`/api/v1/conversations/${pick}/customer-messages`, { text: 'c' });
      if (op === 3)
        await who.patch(`/api/v1/conversations/${pick}`, {
          status: ['open', 'pending', 'closed'][rand(3)],
        });
      if (op === 4)
        await who.patch(`/api/v1/conversations/${pick}`, { assigneeId: [null, ...ids][rand(3)] });
      if (op === 5)
        await who.patch(`/api/v1/conversations/${pick}`, {
          mailboxId: mailboxes[rand(mailboxes.length)].id,
        });
      if (op === 6)
        await (rand(2)
          ? who.put(`/api/v1/conversations/${pick}/follow`)
          : who.delete(`/api/v1/conversations/${pick}/follow`));
    }
    const db = new Client({ connectionString: running.databaseUrl });
    await db.connect();
    try {
      for (const [index, session] of members.entries()) {
        const counted = (await session.get('/api/v1/conversations/counts')).body as ViewCountsView;
        const { rows } = await db.query<Record<string, string>>(
          `SELECT count(*) AS all,
                  count(*) FILTER (WHERE c.status <> 'closed') AS ongoing,
                  count(*) FILTER (WHERE c.status <> 'closed' AND c.last_public_from = 'contact') AS unanswered,
                  count(*) FILTER (WHERE c.status <> 'closed' AND c.assignee_id = $2) AS mine,
                  count(*) FILTER (WHERE c.status <> 'closed' AND EXISTS (SELECT 1 FROM conversation_followers f WHERE f.conversation_id = c.id AND f.user_id = $2)) AS following,
                  count(*) FILTER (WHERE c.status <> 'closed' AND c.assignee_id IS NULL) AS unassigned
           FROM conversations c JOIN mailboxes m ON m.id = c.mailbox_id WHERE c.workspace_id = $1 AND m.kind <> 'spam'`,
          [ws.me.workspace.id, ids[index]],
        );
        expect(counted.views).toEqual(
          Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)])),
        );
        const perMailbox = await db.query<{ mailbox_id: string; n: string }>(
          `SELECT mailbox_id, count(*) AS n FROM conversations WHERE workspace_id = $1 AND status <> 'closed' GROUP BY mailbox_id`,
          [ws.me.workspace.id],
        );
        for (const mailbox of mailboxes) {
          const expected = Number(perMailbox.rows.find((r) => r.mailbox_id === mailbox.id)?.n ?? 0);
          expect({ mailbox: mailbox.kind, n: counted.mailboxes[mailbox.id] ?? 0 }).toEqual({
            mailbox: mailbox.kind,
            n: expected,
          });
        }
      }
    } finally {
      await db.end();
    }
  });
});

describe('teams', () => {
  it('lets admins form teams, assigns conversations to them and filters by team', async () => {
    const ws = await createWorkspace(base);
    const agent = await addMember(base, ws.owner, 'agent');
    expect((await agent.session.post('/api/v1/teams', { name: 'x' })).status).toBe(403);
    const created = await ws.owner.post('/api/v1/teams', {
      name: 'فريق الفواتير',
      memberIds: [agent.me.user.id],
    });
    expect(created.status).toBe(201);
    const team = created.body as { id: string; name: string; memberIds: string[] };
    expect(team.memberIds).toEqual([agent.me.user.id]);
    expect((await ws.owner.post('/api/v1/teams', { name: 'فريق الفواتير' })).status).toBe(409);
    expect(
      (
        await ws.owner.post('/api/v1/teams', {
          name: 'y',
          memberIds: ['00000000-0000-4000-8000-000000000000'],
        })
      ).status,
    ).toBe(400);
    const one = await open(ws, conversationBody({ subject: 'one' }));
    await open(ws, conversationBody({ subject: 'two' }));
    const assigned = await agent.session.patch(`/api/v1/conversations/${one.conversation.id}`, {
      teamId: team.id,
    });
    expect((assigned.body as ConversationView).team).toEqual({
      id: team.id,
      name: 'فريق الفواتير',
    });
    expect((await list(agent.session, `?teamId=${team.id}`)).items.map((i) => i.subject)).toEqual([
      'one',
    ]);
    const other = await createWorkspace(base);
    const foreign = (await other.owner.post('/api/v1/teams', { name: 'foreign' })).body as {
      id: string;
    };
    expect(
      (await ws.owner.patch(`/api/v1/conversations/${one.conversation.id}`, { teamId: foreign.id }))
        .status,
    ).toBe(404);
    expect((await other.owner.patch(`/api/v1/teams/${team.id}`, { name: 'stolen' })).status).toBe(
      404,
    );
    expect((await ws.owner.delete(`/api/v1/teams/${team.id}`)).status).toBe(204);
    expect(
      (
        (await ws.owner.get(`/api/v1/conversations/${one.conversation.id}`))
          .body as ConversationDetailView
      ).conversation.team,
    ).toBeNull();
  });
});

describe('bulk actions and merging', () => {
  it('applies one change to a selection and reports what it could not change', async () => {
    const ws = await createWorkspace(base);
    const other = await createWorkspace(base);
    const a = await open(ws, conversationBody({ subject: 'a' }));
    const b = await open(ws, conversationBody({ subject: 'b' }));
    const foreign = await open(other, conversationBody({ subject: 'foreign' }));
    await ws.owner.patch(`/api/v1/conversations/${a.conversation.id}`, { tags: ['old', 'keep'] });
    const result = await ws.owner.post('/api/v1/conversations/bulk', {
      ids: [a.conversation.id, b.conversation.id, foreign.conversation.id],
      changes: {
        status: 'closed',
        assigneeId: ws.me.user.id,
        addTags: ['bulk'],
        removeTags: ['OLD'],
      },
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      updated: [a.conversation.id, b.conversation.id],
      failed: [{ id: foreign.conversation.id, code: 'conversation/not_found' }],
    });
    const after = (await ws.owner.get(`/api/v1/conversations/${a.conversation.id}`))
      .body as ConversationDetailView;
    expect(after.conversation).toMatchObject({
      status: 'closed',
      assignee: { id: ws.me.user.id },
      tags: ['bulk', 'keep'],
    });
    expect(
      (
        (await other.owner.get(`/api/v1/conversations/${foreign.conversation.id}`))
          .body as ConversationDetailView
      ).conversation.status,
    ).toBe('open');
    expect(
      (await ws.owner.post('/api/v1/conversations/bulk', { ids: [], changes: {} })).status,
    ).toBe(400);
    expect(
      (
        await ws.owner.post('/api/v1/conversations/bulk', {
          ids: Array.from({ length: 101 }, () => a.conversation.id),
          changes: {},
        })
      ).status,
    ).toBe(400);
  });

  it('merges one conversation into another with its messages, tags and followers', async () => {
    const ws = await createWorkspace(base);
    const agent = await addMember(base, ws.owner, 'agent');
    const source = await open(
      ws,
      conversationBody({ subject: 'المصدر', text: 'رسالة أولى عن الشحنة' }),
    );
    const target = await open(ws, conversationBody({ subject: 'الهدف', text: 'رسالة في الهدف' }));
    await ws.owner.patch(`/api/v1/conversations/${source.conversation.id}`, { tags: ['شحن'] });
    await agent.session.put(`/api/v1/conversations/${source.conversation.id}/follow`);
    expect(
      ((await agent.session.get('/api/v1/conversations/counts')).body as ViewCountsView).views
        .following,
    ).toBe(1);
    expect(
      (
        await ws.owner.post(`/api/v1/conversations/${source.conversation.id}/merge`, {
          intoId: source.conversation.id,
        })
      ).status,
    ).toBe(422);
    const merged = await ws.owner.post(`/api/v1/conversations/${source.conversation.id}/merge`, {
      intoId: target.conversation.id,
    });
    expect(merged.status).toBe(200);
    const detail = merged.body as ConversationDetailView;
    expect(detail.conversation).toMatchObject({
      id: target.conversation.id,
      tags: ['شحن'],
      followers: [agent.me.user.id],
    });
    expect(
      detail.messages
        .filter((m) => m.kind !== 'activity')
        .map((m) => m.text)
        .sort(),
    ).toEqual(['رسالة أولى عن الشحنة', 'رسالة في الهدف'].sort());
    expect(detail.messages.at(-1)?.data).toEqual({
      action: 'merge',
      from: source.conversation.number,
    });
    expect((await ws.owner.get(`/api/v1/conversations/${source.conversation.id}`)).status).toBe(
      404,
    );
    expect(
      (await list(ws.owner, `?q=${encodeURIComponent('الشحنة')}`)).items.map((i) => i.id),
    ).toEqual([target.conversation.id]);
    const counts = (await agent.session.get('/api/v1/conversations/counts')).body as ViewCountsView;
    expect(counts.views).toMatchObject({ all: 1, ongoing: 1, following: 1 });
    const other = await createWorkspace(base);
    const foreign = await open(other, conversationBody());
    expect(
      (
        await ws.owner.post(`/api/v1/conversations/${target.conversation.id}/merge`, {
          intoId: foreign.conversation.id,
        })
      ).status,
    ).toBe(404);
  });
});

describe('spam', () => {
  it('moves a conversation to المزعج and back where it came from, out of the views meanwhile', async () => {
    const ws = await createWorkspace(base);
    const billing = (
      await ws.owner.post('/api/v1/mailboxes', { name: 'الفواتير', slug: 'billing' })
    ).body as MailboxView;
    const created = await open(ws, conversationBody({ mailboxId: billing.id }));
    const id = created.conversation.id;
    const spam = await ws.owner.patch(`/api/v1/conversations/${id}`, { spam: true });
    expect(spam.status).toBe(200);
    const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
    const spamBox = mailboxes.items.find((m) => m.kind === 'spam') as MailboxView;
    expect((spam.body as ConversationView).mailboxId).toBe(spamBox.id);
    expect((await list(ws.owner)).items.map((c) => c.id)).not.toContain(id);
    const counts = (await ws.owner.get('/api/v1/conversations/counts')).body as ViewCountsView;
    expect(counts.views.all).toBe(0);
    expect(counts.mailboxes[spamBox.id]).toBe(1);
    // Marking it again changes nothing.
    await ws.owner.patch(`/api/v1/conversations/${id}`, { spam: true });

    const back = await ws.owner.patch(`/api/v1/conversations/${id}`, { spam: false });
    expect((back.body as ConversationView).mailboxId).toBe(billing.id);
    const detail = (await ws.owner.get(`/api/v1/conversations/${id}`))
      .body as ConversationDetailView;
    expect(detail.messages.filter((m) => m.kind === 'activity').map((m) => m.data.action)).toEqual([
      'spam',
      'not_spam',
    ]);
    const invalid = await ws.owner.patch(`/api/v1/conversations/${id}`, { spam: 'yes' });
    expect(invalid.status).toBe(400);
  });
});
