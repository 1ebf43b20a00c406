import { repositoryHarness, type RepositoryHarness } from '@sanad/testing';
import { ConversationRepository } from '../conversation/conversation.repository';
import { TriageRepository } from './triage.repository';

describe('TriageRepository', () => {
  let h: RepositoryHarness;
  let repo: TriageRepository;
  beforeAll(async () => {
    h = await repositoryHarness([TriageRepository, ConversationRepository]);
    repo = h.get(TriageRepository);
  });
  afterAll(() => h.close());

  it('remembers where a conversation was before it was marked as spam', async () => {
    const ws = await h.seed.workspace();
    const c = await h.seed.conversation(ws);
    expect(await repo.spamOrigin(c)).toBeNull();
    await h.seed.message(ws.id, c, {
      kind: 'activity',
      authorType: 'system',
      data: { action: 'spam', from: ws.inboxId, to: ws.spamId },
    });
    expect(await repo.spamOrigin(c)).toBe(ws.inboxId);
  });

  it('moves messages, followers and search terms into the target, and the source goes', async () => {
    const ws = await h.seed.workspace();
    const agent = await h.seed.user(ws.id);
    const source = await h.seed.conversation(ws, { search: 'فاتورة' });
    const target = await h.seed.conversation(ws);
    await h.seed.message(ws.id, source, { text: 'من المصدر' });
    const conversations = h.get(ConversationRepository);
    await conversations.follow(ws.id, source, agent, true);
    await h.tx.run(async () => {
      await repo.moveContents(ws.id, source, target);
      await repo.delete(ws.id, source);
    });
    expect((await conversations.listMessages(ws.id, target)).map((m) => m.bodyText)).toEqual([
      'من المصدر',
    ]);
    expect((await conversations.labels(ws.id, [target])).get(target)?.followers).toEqual([agent]);
    expect(await conversations.find(ws.id, source)).toBeNull();
  });

  it('finds snoozes that are due, and only those', async () => {
    const ws = await h.seed.workspace();
    const due = await h.seed.conversation(ws);
    const later = await h.seed.conversation(ws);
    const conversations = h.get(ConversationRepository);
    for (const [id, at] of [
      [due, new Date(Date.now() - 1000)],
      [later, new Date(Date.now() + 3_600_000)],
    ] as const) {
      const c = await conversations.find(ws.id, id);
      await h.tx.run(() => conversations.save(Object.assign(c!, { snoozedUntil: at })));
    }
    const found = (await repo.dueSnoozed(new Date(), 10_000)).map((r) => r.id);
    expect(found).toContain(due);
    expect(found).not.toContain(later);
  });
});
