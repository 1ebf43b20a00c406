import { parseSearchQuery, stemTsquery } from '@sanad/search';
import { repositoryHarness, type RepositoryHarness } from '@sanad/testing';
import type { ConversationQuery } from './conversation-query';
import { InboxRepository } from './inbox.repository';

describe('InboxRepository', () => {
  let h: RepositoryHarness;
  let repo: InboxRepository;
  beforeAll(async () => {
    h = await repositoryHarness([InboxRepository]);
    repo = h.get(InboxRepository);
  });
  afterAll(() => h.close());

  const query = (q: Partial<ConversationQuery> = {}): ConversationQuery => ({
    view: 'all',
    mailboxIds: null,
    limit: 50,
    ...q,
  });

  it('lists a view newest first, keyset-paginated, and only in its workspace', async () => {
    const ws = await h.seed.workspace();
    const other = await h.seed.workspace();
    const t = (m: number) => new Date(Date.UTC(2026, 10, 30, 10, m));
    const ids = [];
    for (let m = 0; m < 5; m++) ids.push(await h.seed.conversation(ws, { lastMessageAt: t(m) }));
    await h.seed.conversation(other);
    const { conversations: first } = await repo.list(ws.id, 'u', query({ limit: 3 }));
    expect(first.map((c) => c.id)).toEqual([ids[4], ids[3], ids[2]]);
    const last = first[2];
    const { conversations: next } = await repo.list(
      ws.id,
      'u',
      query({ cursor: { lastMessageAt: last.lastMessageAt.toISOString(), id: last.id } }),
    );
    expect(next.map((c) => c.id)).toEqual([ids[1], ids[0]]);
    expect(next[0]).toMatchObject({ workspaceId: ws.id, mailboxId: ws.inboxId, status: 'open' });
    expect(next[0].lastMessageAt).toBeInstanceOf(Date);
  });

  it.each([
    ['ongoing', ['open', 'pending']],
    ['unanswered', ['open']],
    ['unassigned', ['open', 'pending']],
  ] as const)('view %s keeps %j', async (view, expected) => {
    const ws = await h.seed.workspace();
    const agent = await h.seed.user(ws.id);
    await h.seed.conversation(ws, { status: 'open', subject: 'open' });
    await h.seed.conversation(ws, {
      status: 'pending',
      subject: 'pending',
      lastPublicFrom: 'user',
    });
    await h.seed.conversation(ws, { status: 'closed', subject: 'closed' });
    await h.seed.conversation(ws, {
      status: 'open',
      subject: 'assigned',
      assigneeId: agent,
      lastPublicFrom: 'user',
    });
    const { conversations: rows } = await repo.list(ws.id, agent, query({ view }));
    const subjects = rows.map((c) => c.subject).filter((s) => s !== 'assigned');
    expect(subjects.sort()).toEqual([...expected].sort());
  });

  it('keeps spam out of views unless its mailbox is asked for, and honours a mailbox limit', async () => {
    const ws = await h.seed.workspace();
    const sales = await h.seed.mailbox(ws.id);
    const spam = await h.seed.conversation(ws, { mailboxId: ws.spamId });
    const inSales = await h.seed.conversation(ws, { mailboxId: sales });
    const inInbox = await h.seed.conversation(ws);
    expect((await repo.list(ws.id, 'u', query())).conversations.map((c) => c.id).sort()).toEqual(
      [inSales, inInbox].sort(),
    );
    expect(
      (await repo.list(ws.id, 'u', query({ mailboxId: ws.spamId }))).conversations.map((c) => c.id),
    ).toEqual([spam]);
    expect(
      (await repo.list(ws.id, 'u', query({ mailboxIds: [sales] }))).conversations.map((c) => c.id),
    ).toEqual([inSales]);
  });

  it('searches the vector with a tsquery, leaving out what a higher tier matched', async () => {
    const ws = await h.seed.workspace();
    const stemmed = await h.seed.conversation(ws, { search: 'أين الفاتورة؟' });
    const written = await h.seed.conversation(ws, { search: 'فاتورة جديدة' });
    await h.seed.conversation(ws, { search: 'شكرا جزيلا' });
    const match = stemTsquery(parseSearchQuery('فاتورة')!);
    const { conversations: rows } = await repo.list(
      ws.id,
      'u',
      query({ search: { match, exclude: null } }),
    );
    expect(rows.map((c) => c.id).sort()).toEqual([stemmed, written].sort());
    const { conversations: below } = await repo.list(
      ws.id,
      'u',
      query({ search: { match, exclude: `'فاتوره'` } }),
    );
    expect(below.map((c) => c.id)).toEqual([stemmed]);
  });

  it('tells whether a term is anywhere the member may look', async () => {
    const ws = await h.seed.workspace();
    const sales = await h.seed.mailbox(ws.id);
    await h.seed.conversation(ws, { mailboxId: sales, search: 'تلف الشحنة' });
    expect(await repo.hasTerm(ws.id, null, `'تلف'`)).toBe(true);
    expect(await repo.hasTerm(ws.id, [ws.inboxId], `'تلف'`)).toBe(false);
    expect(await repo.hasTerm(ws.id, null, `'تلفون'`)).toBe(false);
  });

  it('gives each hit its newest texts for snippets, without activity entries', async () => {
    const ws = await h.seed.workspace();
    const c = await h.seed.conversation(ws);
    await h.seed.message(ws.id, c, { text: 'older', createdAt: new Date('2026-11-01') });
    await h.seed.message(ws.id, c, { text: 'newer', createdAt: new Date('2026-11-02') });
    await h.seed.message(ws.id, c, { kind: 'activity', text: '', data: { action: 'status' } });
    const texts = await repo.snippetTexts(ws.id, [c], 30);
    expect(texts.get(c)).toEqual(['newer', 'older']);
    expect((await repo.snippetTexts((await h.seed.workspace()).id, [c], 30)).size).toBe(0);
  });

  it('counts views from the trigger-kept counters', async () => {
    const ws = await h.seed.workspace();
    const agent = await h.seed.user(ws.id);
    await h.seed.conversation(ws, { assigneeId: agent });
    await h.seed.conversation(ws, { status: 'closed' });
    await h.seed.conversation(ws, { mailboxId: ws.spamId });
    const counts = await repo.viewCounts(ws.id, agent, null);
    expect(counts.views).toMatchObject({ all: 2, ongoing: 1, mine: 1, unassigned: 0 });
    expect(counts.mailboxes[ws.spamId]).toBe(1);
  });
});
