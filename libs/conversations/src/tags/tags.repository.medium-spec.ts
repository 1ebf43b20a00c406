import { repositoryHarness, type RepositoryHarness } from '@sanad/testing';
import { TagsRepository } from './tags.repository';

describe('TagsRepository', () => {
  let h: RepositoryHarness;
  let repo: TagsRepository;
  beforeAll(async () => {
    h = await repositoryHarness([TagsRepository]);
    repo = h.get(TagsRepository);
  });
  afterAll(() => h.close());

  it('keeps the first spelling of a tag and counts its conversations', async () => {
    const ws = await h.seed.workspace();
    const a = await h.seed.conversation(ws);
    const b = await h.seed.conversation(ws);
    const [vip] = await repo.upsert(ws.id, ['VIP']);
    expect(await repo.upsert(ws.id, ['vip'])).toEqual([vip]);
    await repo.setForConversation(ws.id, a, [vip]);
    await repo.setForConversation(ws.id, b, [vip]);
    expect(await repo.list(ws.id)).toEqual([{ id: vip, name: 'VIP', count: 2 }]);
    expect(await repo.namesOf(ws.id, a)).toEqual(['VIP']);
    expect(await repo.list((await h.seed.workspace()).id)).toEqual([]);
  });

  it('merges by retagging, and locks only tags of the workspace', async () => {
    const ws = await h.seed.workspace();
    const other = await h.seed.workspace();
    const c = await h.seed.conversation(ws);
    const [from, into] = await repo.upsert(ws.id, ['refund', 'refunds']);
    await repo.setForConversation(ws.id, c, [from]);
    await repo.retag(ws.id, from, into);
    await repo.delete(ws.id, from);
    expect(await repo.namesOf(ws.id, c)).toEqual(['refunds']);
    expect(await h.tx.run(() => repo.lock(ws.id, into))).toBe(true);
    expect(await h.tx.run(() => repo.lock(other.id, into))).toBe(false);
    expect(await repo.nameTaken(ws.id, 'REFUNDS', '00000000-0000-4000-8000-000000000000')).toBe(
      true,
    );
  });
});
