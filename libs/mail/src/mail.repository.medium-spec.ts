import { QueueModule } from '@sanad/queue';
import { repositoryHarness, type RepositoryHarness } from '@sanad/testing';
import { ConfigModule, loadConfig } from '@sanad/config';
import { randomUUID } from 'node:crypto';
import { InboundEmail } from './entities/inbound-email.entity';
import { MailRepository } from './mail.repository';

describe('MailRepository', () => {
  let h: RepositoryHarness;
  let repo: MailRepository;
  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', APP_SECRET: 'x'.repeat(40) });
    h = await repositoryHarness([MailRepository], {
      entities: [InboundEmail],
      imports: [ConfigModule.forRoot(config), QueueModule.forRoot(config)],
    });
    repo = h.get(MailRepository);
  });
  afterAll(() => h?.close());

  it('stores a message once per mailbox with its processing event, and reads it back locked', async () => {
    const ws = await h.seed.workspace();
    const rows = [ws.inboxId, ws.spamId].map((mailboxId) => ({
      id: randomUUID(),
      workspaceId: ws.id,
      mailboxId,
      envelopeTo: ['a@in.test'],
    }));
    const raw = Buffer.from('Subject: hi\r\n\r\nbody');
    const ids = await repo.storeInbound({
      rows,
      envelopeFrom: 'x@example.test',
      remoteIp: null,
      raw,
    });
    expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
    const locked = await h.tx.run(() => repo.lockInbound(ids[0]));
    expect(locked).toMatchObject({
      workspaceId: ws.id,
      status: 'pending',
      envelopeFrom: 'x@example.test',
    });
    expect(locked?.raw.equals(raw)).toBe(true);
    await repo.finishInbound(ids[0], { status: 'duplicate' });
    expect((await repo.findInbound(ws.id, ids[0]))?.status).toBe('duplicate');
    expect(await repo.findInbound((await h.seed.workspace()).id, ids[0])).toBeNull();
  });

  it('routes attached addresses and says whether a sender or its domain is blocked', async () => {
    const ws = await h.seed.workspace();
    const address = `support-${randomUUID()}@company.test`;
    expect(await repo.addAddress(ws.id, ws.inboxId, address)).toBe(true);
    expect(await repo.addAddress(ws.id, ws.inboxId, address)).toBe(false);
    expect(await repo.route('custom', address)).toEqual({
      workspaceId: ws.id,
      mailboxId: ws.inboxId,
    });
    await repo.removeAddress(ws.id, ws.inboxId, address);
    expect(await repo.route('custom', address)).toBeNull();
    await h.seed.db.query(
      'INSERT INTO blocked_senders (id, workspace_id, pattern) VALUES ($1, $2, $3)',
      [randomUUID(), ws.id, '@spam.test'],
    );
    expect(await repo.blocked(ws.id, 'anyone@spam.test')).toBe(true);
    expect(await repo.blocked(ws.id, 'friend@ok.test')).toBe(false);
    expect(await repo.blocked((await h.seed.workspace()).id, 'anyone@spam.test')).toBe(false);
  });
});
