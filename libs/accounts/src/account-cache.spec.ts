import type { AppConfig } from '@sanad/config';
import type { NoticeSubscriber, PgNotices } from '@sanad/database';
import { aUser, inlineTransactions, mockOf } from '@sanad/testing';
import { AccountCache } from './account-cache';
import type { AccountsRepository } from './accounts.repository';
import type { Workspace } from './entities/workspace.entity';

describe('AccountCache', () => {
  const user = aUser();
  const workspace = { id: user.workspaceId, name: 'W' } as Workspace;
  let repo: jest.Mocked<AccountsRepository>;
  let subscriber: NoticeSubscriber;
  let listening: boolean;
  let cache: AccountCache;

  beforeEach(async () => {
    repo = mockOf<AccountsRepository>();
    repo.findUser.mockResolvedValue(user);
    repo.findWorkspace.mockResolvedValue(workspace);
    listening = true;
    const notices = {
      get listening() {
        return listening;
      },
      subscribe: jest.fn(async (_channel: string, s: NoticeSubscriber) => {
        subscriber = s;
        return () => undefined;
      }),
    } as unknown as PgNotices;
    cache = new AccountCache(repo, notices, inlineTransactions(), {
      accountCacheSeconds: 60,
    } as AppConfig);
    await cache.onModuleInit();
  });

  it('reads a member once while notices flow', async () => {
    await cache.member(user.workspaceId, user.id);
    await cache.member(user.workspaceId, user.id);
    expect(repo.findUser).toHaveBeenCalledTimes(1);
  });

  it('reads again after a notice about the user', async () => {
    await cache.member(user.workspaceId, user.id);
    subscriber.notice(`user:${user.id}`);
    await cache.member(user.workspaceId, user.id);
    expect(repo.findUser).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing while it cannot hear notices, and drops all when they stop', async () => {
    await cache.member(user.workspaceId, user.id);
    listening = false;
    subscriber.reset(false);
    await cache.member(user.workspaceId, user.id);
    await cache.member(user.workspaceId, user.id);
    expect(repo.findUser).toHaveBeenCalledTimes(3);
  });

  it('never keeps an unknown session (guessed secrets do not fill memory)', async () => {
    repo.findLiveSession.mockResolvedValue(null);
    expect(await cache.session('nope')).toBeNull();
    expect(await cache.session('nope')).toBeNull();
    expect(repo.findLiveSession).toHaveBeenCalledTimes(2);
  });
});
