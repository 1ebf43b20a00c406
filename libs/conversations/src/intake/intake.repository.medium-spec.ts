import { repositoryHarness, type RepositoryHarness } from '@sanad/testing';
import { IntakeRepository } from './intake.repository';

describe('IntakeRepository', () => {
  let h: RepositoryHarness;
  let repo: IntakeRepository;
  beforeAll(async () => {
    h = await repositoryHarness([IntakeRepository]);
    repo = h.get(IntakeRepository);
  });
  afterAll(() => h.close());

  it('finds messages by email Message-ID within the workspace only', async () => {
    const ws = await h.seed.workspace();
    const other = await h.seed.workspace();
    const c = await h.seed.conversation(ws);
    const id = await h.seed.message(ws.id, c, {
      emailMessageId: 'abc@example.test',
      emailContentHash: 'h1',
    });
    expect(await repo.hasEmailCopy(ws.id, 'abc@example.test', 'h1')).toBe(true);
    // The same Message-ID with other content is another message (R2).
    expect(await repo.hasEmailCopy(ws.id, 'abc@example.test', 'h2')).toBe(false);
    expect(await repo.hasEmailCopy(other.id, 'abc@example.test', 'h1')).toBe(false);
    // Messages kept before content was hashed count as copies of any content.
    await h.seed.message(ws.id, c, { emailMessageId: 'legacy@example.test' });
    expect(await repo.hasEmailCopy(ws.id, 'legacy@example.test', 'h3')).toBe(true);
    expect(await repo.messageByEmailMessageId(ws.id, 'abc@example.test')).toEqual({
      id,
      conversationId: c,
    });
    expect(await repo.conversationByEmailMessageIds(ws.id, ['x', 'abc@example.test'])).toBe(c);
    expect(await repo.conversationByEmailMessageIds(other.id, ['abc@example.test'])).toBeNull();
  });

  it('gives a reply its thread: earlier Message-IDs in order and the customer address', async () => {
    const ws = await h.seed.workspace();
    const c = await h.seed.conversation(ws);
    const at = (m: number) => new Date(Date.UTC(2026, 10, 30, 10, m));
    await h.seed.message(ws.id, c, {
      emailMessageId: 'first@x',
      data: { email: { from: 'old@example.test' } },
      createdAt: at(0),
    });
    await h.seed.message(ws.id, c, {
      emailMessageId: 'second@x',
      data: { email: { from: 'new@example.test' } },
      createdAt: at(1),
    });
    const reply = await h.seed.message(ws.id, c, { authorType: 'user', createdAt: at(2) });
    const ids = await repo.emailIdsBefore(c, reply);
    expect(ids.map((r) => r.email_message_id)).toEqual(['first@x', 'second@x']);
    expect(await repo.lastCustomerAddress(c)).toBe('new@example.test');
    const context = await repo.outboundContext(reply);
    expect(context).toMatchObject({ conversationId: c, workspaceId: ws.id, mailboxId: ws.inboxId });
  });
});
