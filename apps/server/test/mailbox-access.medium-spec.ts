import type {
  ConversationDetailView,
  ConversationView,
  EventsPageView,
  MailboxView,
  PageView,
  Problem,
  UserView,
  ViewCountsView,
} from '@sanad/contracts';
import { uniqueEmail } from '@sanad/testing';
import { type HttpSession, addMember, createWorkspace, sharedTestApp } from './test-app';

const app = sharedTestApp();

async function ok<T>(
  response: Promise<{ status: number; body: unknown }>,
  status = 200,
): Promise<T> {
  const r = await response;
  if (r.status !== status)
    throw new Error(`expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

async function openIn(
  owner: HttpSession,
  mailboxId: string,
  subject: string,
): Promise<ConversationDetailView> {
  return ok(
    owner.post('/api/v1/conversations', {
      contact: { email: uniqueEmail('c'), name: 'عميل' },
      subject,
      text: `نص ${subject}`,
      mailboxId,
    }),
    201,
  );
}

/**
 * A workspace with the inbox and a billing mailbox, a conversation in each, and an agent limited
 * to billing.
 */
async function limitedSetup() {
  const ws = await createWorkspace(app.base);
  const mailboxes = (await ok<{ items: MailboxView[] }>(ws.owner.get('/api/v1/mailboxes'))).items;
  const inbox = mailboxes.find((m) => m.kind === 'inbox') as MailboxView;
  const billing = await ok<MailboxView>(
    ws.owner.post('/api/v1/mailboxes', { name: 'الفواتير', slug: 'billing' }),
    201,
  );
  const secret = await openIn(ws.owner, inbox.id, 'سرّي الصندوق الوارد zebra');
  const visible = await openIn(ws.owner, billing.id, 'فاتورة مكررة zebra');
  const agent = await addMember(app.base, ws.owner, 'agent');
  const limited = await ok<UserView>(
    ws.owner.put(`/api/v1/members/${agent.me.user.id}/mailboxes`, { mailboxIds: [billing.id] }),
  );
  expect(limited.mailboxIds).toEqual([billing.id]);
  return { ws, inbox, billing, secret, visible, agent };
}

describe('mailbox access', () => {
  it('limits lists, search, counts and the mailbox list to the chosen mailboxes', async () => {
    const { ws, billing, secret, visible, agent } = await limitedSetup();
    const mine = await ok<{ items: MailboxView[] }>(agent.session.get('/api/v1/mailboxes'));
    expect(mine.items.map((m) => m.id)).toEqual([billing.id]);

    const all = await ok<PageView<ConversationView>>(agent.session.get('/api/v1/conversations'));
    expect(all.items.map((c) => c.id)).toEqual([visible.conversation.id]);
    const found = await ok<PageView<ConversationView>>(
      agent.session.get('/api/v1/conversations?q=zebra'),
    );
    expect(found.items.map((c) => c.id)).toEqual([visible.conversation.id]);
    const byNumber = await ok<PageView<ConversationView>>(
      agent.session.get(`/api/v1/conversations?number=${secret.conversation.number}`),
    );
    expect(byNumber.items).toEqual([]);
    const contactHistory = await ok<PageView<ConversationView>>(
      agent.session.get(`/api/v1/conversations?contactId=${secret.conversation.contact?.id}`),
    );
    expect(contactHistory.items).toEqual([]);

    const counts = await ok<ViewCountsView>(agent.session.get('/api/v1/conversations/counts'));
    expect(counts.views.all).toBe(1);
    expect(counts.views.ongoing).toBe(1);
    expect(counts.views.unassigned).toBe(1);
    expect(Object.keys(counts.mailboxes)).toEqual([billing.id]);
    const ownerCounts = await ok<ViewCountsView>(ws.owner.get('/api/v1/conversations/counts'));
    expect(ownerCounts.views.all).toBe(2);
  });

  it('answers 404 for reads and every change of a conversation in another mailbox', async () => {
    const { inbox, secret, visible, agent } = await limitedSetup();
    const id = secret.conversation.id;
    const refused = [
      await agent.session.get(`/api/v1/conversations/${id}`),
      await agent.session.post(`/api/v1/conversations/${id}/replies`, { text: 'رد' }),
      await agent.session.post(`/api/v1/conversations/${id}/notes`, { text: 'ملاحظة' }),
      await agent.session.patch(`/api/v1/conversations/${id}`, { status: 'closed' }),
      await agent.session.put(`/api/v1/conversations/${id}/follow`, { follow: true }),
      await agent.session.post(`/api/v1/conversations/${visible.conversation.id}/merge`, {
        intoId: id,
      }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(404);
      expect((response.body as Problem).code).toBe('conversation/not_found');
    }
    // Moving a visible conversation into a mailbox the agent cannot see: as if it did not exist.
    const move = await agent.session.patch(`/api/v1/conversations/${visible.conversation.id}`, {
      mailboxId: inbox.id,
    });
    expect(move.status).toBe(404);
    expect((move.body as Problem).code).toBe('mailbox/not_found');
    const bulk = await ok<{ updated: string[]; failed: Array<{ id: string; code: string }> }>(
      agent.session.post('/api/v1/conversations/bulk', {
        ids: [id, visible.conversation.id],
        changes: { priority: 'high' },
      }),
    );
    expect(bulk.updated).toEqual([visible.conversation.id]);
    expect(bulk.failed).toEqual([{ id, code: 'conversation/not_found' }]);
  });

  it('keeps events of other mailboxes out of the catch-up feed, and still moves past them', async () => {
    const { ws, inbox, visible, agent } = await limitedSetup();
    const before = await ok<EventsPageView>(agent.session.get('/api/v1/events?after=0'));
    const ids = (page: EventsPageView): string[] =>
      page.events.map(
        (e) =>
          (e.data as { conversation?: { id: string }; conversationId?: string }).conversation?.id ??
          (e.data as { conversationId?: string }).conversationId ??
          '',
      );
    expect(ids(before).every((id) => id === '' || id === visible.conversation.id)).toBe(true);
    const hidden = await openIn(ws.owner, inbox.id, 'أخرى');
    const after = await ok<EventsPageView>(
      agent.session.get(`/api/v1/events?after=${before.lastSeq}`),
    );
    // People are the workspace's, not a mailbox's: only the conversation's events are held back.
    expect(after.events.map((e) => e.type)).toEqual(['contact.created']);
    expect(after.lastSeq).toBeGreaterThan(before.lastSeq);
    const owner = await ok<EventsPageView>(ws.owner.get(`/api/v1/events?after=${before.lastSeq}`));
    expect(ids(owner)).toContain(hidden.conversation.id);
  });

  it('refuses to assign a conversation to an agent who cannot see its mailbox', async () => {
    const { ws, secret, visible, agent } = await limitedSetup();
    const refused = await ws.owner.patch(`/api/v1/conversations/${secret.conversation.id}`, {
      assigneeId: agent.me.user.id,
    });
    expect(refused.status).toBe(422);
    expect((refused.body as Problem).code).toBe('conversation/assignee_invalid');
    const assigned = await ok<ConversationView>(
      ws.owner.patch(`/api/v1/conversations/${visible.conversation.id}`, {
        assigneeId: agent.me.user.id,
      }),
    );
    expect(assigned.assignee?.id).toBe(agent.me.user.id);
    const counts = await ok<ViewCountsView>(agent.session.get('/api/v1/conversations/counts'));
    expect(counts.views.mine).toBe(1);
  });

  it('lifts the limit with null; admins ignore it; bad input is named', async () => {
    const { ws, billing, agent } = await limitedSetup();
    const other = await createWorkspace(app.base);
    const otherMailbox = (await ok<{ items: MailboxView[] }>(other.owner.get('/api/v1/mailboxes')))
      .items[0];

    const unknown = await ws.owner.put(`/api/v1/members/${agent.me.user.id}/mailboxes`, {
      mailboxIds: [billing.id, otherMailbox.id],
    });
    expect(unknown.status).toBe(404);
    expect((unknown.body as Problem).errors?.[0].field).toBe('mailboxIds.1');
    const malformed = await ws.owner.put(`/api/v1/members/${agent.me.user.id}/mailboxes`, {
      mailboxIds: ['nope'],
    });
    expect(malformed.status).toBe(400);
    const byAgent = await agent.session.put(`/api/v1/members/${agent.me.user.id}/mailboxes`, {
      mailboxIds: null,
    });
    expect(byAgent.status).toBe(403);
    const otherMember = await other.owner.put(`/api/v1/members/${agent.me.user.id}/mailboxes`, {
      mailboxIds: null,
    });
    expect(otherMember.status).toBe(404);

    await ok(ws.owner.put(`/api/v1/members/${agent.me.user.id}/mailboxes`, { mailboxIds: null }));
    const all = await ok<PageView<ConversationView>>(agent.session.get('/api/v1/conversations'));
    expect(all.items).toHaveLength(2);

    // An admin with a stored limit (e.g. promoted from agent) still sees everything.
    await ok(ws.owner.put(`/api/v1/members/${agent.me.user.id}/mailboxes`, { mailboxIds: [] }));
    expect(
      (await ok<PageView<ConversationView>>(agent.session.get('/api/v1/conversations'))).items,
    ).toHaveLength(0);
    await ok(ws.owner.patch(`/api/v1/members/${agent.me.user.id}`, { role: 'admin' }));
    expect(
      (await ok<PageView<ConversationView>>(agent.session.get('/api/v1/conversations'))).items,
    ).toHaveLength(2);
  });
});
