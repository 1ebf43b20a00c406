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
import { addMember, createWorkspace, type TestWorkspace, sharedTestApp } from './test-app';

import { conversationBody, list, open } from './inbox-helpers';

const app = sharedTestApp();

describe('API channel', () => {
  it('opens a conversation for a contact with its first message, in the inbox', async () => {
    const ws = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
    const body = conversationBody();
    const first = await open(ws, body, 'key-1');
    const again = await open(ws, body, 'key-1');
    expect(again.conversation.id).toBe(first.conversation.id);
    expect((await list(ws.owner)).items).toHaveLength(1);
    const conflict = await fetch(`${app.base}/api/v1/conversations`, {
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
    const ws = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
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
    const ws = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
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
    const ws = await createWorkspace(app.base);
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
    ws = await createWorkspace(app.base);
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

  it('ranks the word as written first, then stems, then completions, and pages by tier', async () => {
    const ranked = await createWorkspace(app.base);
    for (const subject of ['تلفون المكتب', 'التلفونات', 'تلفون جديد', 'تلفونكم'])
      await open(ranked, conversationBody({ subject, text: 'نص' }));
    const subjects = async (q: string, limit = 25): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: PageView<ConversationView> = await list(
          ranked.owner,
          `?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((i) => i.subject));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await subjects('تلفون')).toEqual(['تلفون جديد', 'تلفون المكتب', 'تلفونكم', 'التلفونات']);
    expect(await subjects('تلفون', 1)).toEqual(await subjects('تلفون'));
    const typing = await list(ranked.owner, `?q=${encodeURIComponent('تلفو')}`);
    expect(typing.items).toHaveLength(4);
    expect(typing.items[0].snippet?.filter((p) => p.match).map((p) => p.text)).toEqual(['تلفونكم']);
    // A list cursor is no search cursor, and the other way round.
    const plain = await list(ranked.owner, '?limit=1');
    const refused = await ranked.owner.get(
      `/api/v1/conversations?q=${encodeURIComponent('تلفون')}&cursor=${plain.nextCursor}`,
    );
    expect(refused.status).toBe(400);
  });

  it.each([
    ['only marks and tatweel', 'ًٌٍَُِّْـــ'],
    ['only punctuation', '!!! ؟؟ ...'],
    ['only stop words', 'في من على the of'],
    ['tsquery operators', "& | ! : * ( ) 'a' <-> \\"],
    ['unbalanced quotes', '"فاتورة \'invoice'],
    // 10,000 Arabic characters are 60 KB of address: Node answers 431 before any route.
    ['2,000 Arabic characters', 'فاتورة '.repeat(285)],
    ['10,000 characters', 'refund invoice '.repeat(666)],
    ['10,000 characters of one word', 'x'.repeat(10_000)],
  ])('answers a query of %s with a list, never an error', async (_name, q) => {
    const response = await ws.owner.get(`/api/v1/conversations?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    expect(Array.isArray((response.body as PageView<ConversationView>).items)).toBe(true);
  });

  it('refuses NUL and control characters in a query as a bad field, not a server error', async () => {
    const response = await ws.owner.get(
      `/api/v1/conversations?q=${encodeURIComponent('a\u0000b\u0007')}`,
    );
    expect(response.status).toBe(400);
    expect((response.body as { errors: Array<{ field: string }> }).errors[0].field).toBe('q');
  });
});

describe('tenancy and catch-up', () => {
  it('gives another workspace 404 for a conversation and keeps it out of lists', async () => {
    const a = await createWorkspace(app.base);
    const b = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
    const first = (await ws.owner.get('/api/v1/events?after=0')).body as EventsPageView;
    const { conversation } = await open(ws, conversationBody());
    await ws.owner.post(`/api/v1/conversations/${conversation.id}/replies`, { text: 'رد' });
    const missed = (await ws.owner.get(`/api/v1/events?after=${first.lastSeq}`))
      .body as EventsPageView;
    expect(missed.events.map((e) => e.type)).toEqual([
      'contact.created',
      'conversation.created',
      'message.created',
      'conversation.updated',
      'message.created',
    ]);
    expect(missed.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5].map((n) => first.lastSeq + n));
  });
});
