import { Client } from 'pg';
import type {
  ConversationDetailView,
  ConversationView,
  MailboxView,
  ViewCountsView,
} from '@sanad/contracts';
import { uniqueEmail } from '@sanad/testing';
import { type HttpSession, addMember, createWorkspace, sharedTestApp } from './test-app';

import { conversationBody, list, open } from './inbox-helpers';

const app = sharedTestApp();

describe('mailboxes', () => {
  it('lets admins add, rename and archive custom mailboxes, not agents', async () => {
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
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
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
    const other = await addMember(app.base, ws.owner, 'agent');
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
    // As the agent types, with the inbox's matching; hostile text is only punctuation.
    expect(await names(agent.session, `?q=${encodeURIComponent('ترح')}`)).toEqual(['ترحيب']);
    expect(await names(agent.session, `?q=${encodeURIComponent('طلبكم')}`)).toEqual(['شحن']);
    for (const hostile of ['&|!:*()\'"\\', 'ـــًٌٍ', 'x'.repeat(10_000)])
      expect(await names(agent.session, `?q=${encodeURIComponent(hostile)}`)).toEqual([]);
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
    const b = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
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
    const b = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
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
    const db = new Client({ connectionString: app.running.databaseUrl });
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
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
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
    const other = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
    const other = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
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
    const other = await createWorkspace(app.base);
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
    const ws = await createWorkspace(app.base);
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
