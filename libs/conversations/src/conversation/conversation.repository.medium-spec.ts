import { repositoryHarness, type RepositoryHarness } from '@sanad/testing';
import { TagsRepository } from '../tags/tags.repository';
import { ConversationRepository } from './conversation.repository';

describe('ConversationRepository', () => {
  let h: RepositoryHarness;
  let repo: ConversationRepository;
  beforeAll(async () => {
    h = await repositoryHarness([ConversationRepository, TagsRepository]);
    repo = h.get(ConversationRepository);
  });
  afterAll(() => h.close());

  it('finds a conversation only in its own workspace', async () => {
    const ws = await h.seed.workspace();
    const other = await h.seed.workspace();
    const id = await h.seed.conversation(ws);
    expect((await repo.find(ws.id, id))?.id).toBe(id);
    expect(await repo.find(other.id, id)).toBeNull();
    expect(await repo.findMany(other.id, [id])).toEqual([]);
  });

  it('numbers conversations per workspace without gaps between commits', async () => {
    const ws = await h.seed.workspace();
    const other = await h.seed.workspace();
    const a = await repo.nextNumber(ws.id);
    expect(await repo.nextNumber(ws.id)).toBe(a + 1);
    expect(await repo.nextNumber(other.id)).toBe(1);
  });

  it('reads tags, followers and team of many conversations in one go', async () => {
    const ws = await h.seed.workspace();
    const agent = await h.seed.user(ws.id);
    const c = await h.seed.conversation(ws);
    const bare = await h.seed.conversation(ws);
    const tags = h.get(TagsRepository);
    await tags.setForConversation(ws.id, c, await tags.upsert(ws.id, ['VIP', 'شحن']));
    expect(await repo.follow(ws.id, c, agent, true)).toBe(true);
    expect(await repo.follow(ws.id, c, agent, true)).toBe(false);
    const labels = await repo.labels(ws.id, [c, bare]);
    expect(labels.get(c)).toEqual({ tags: ['VIP', 'شحن'], followers: [agent], teamName: null });
    expect(labels.get(bare)).toEqual({ tags: [], followers: [], teamName: null });
    expect(await repo.follow(ws.id, c, agent, false)).toBe(true);
    expect(await repo.follow(ws.id, c, agent, false)).toBe(false);
  });

  it('joins the transaction open around it: a rollback leaves nothing', async () => {
    const ws = await h.seed.workspace();
    const c = await h.seed.conversation(ws);
    await expect(
      h.tx.run(async () => {
        await repo.insertMessage({
          workspaceId: ws.id,
          conversationId: c,
          kind: 'note',
          authorType: 'system',
          bodyText: 'rolled back',
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await repo.listMessages(ws.id, c)).toEqual([]);
  });
});
