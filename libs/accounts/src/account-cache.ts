import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ExpiringCache } from '@sanad/core';
import { PgNotices, TransactionRunner } from '@sanad/database';
import {
  ACCOUNTS_CHANNEL,
  AccountsRepository,
  type AccountNotice,
  type LiveSession,
} from './accounts.repository';
import type { ApiToken } from './entities/api-token.entity';
import type { User } from './entities/user.entity';
import type { Workspace } from './entities/workspace.entity';

const MAX_ENTRIES = 20_000;

export interface Member {
  user: User;
  workspace: Workspace;
}

/**
 * Sessions, API tokens and members this process read lately, so an authenticated request does
 * not read them again (every request needs them; they rarely change). Every change is announced
 * on ACCOUNTS_CHANNEL at commit and drops the copies in every process; while this process cannot
 * hear those notices it keeps nothing. ACCOUNT_CACHE_SECONDS bounds how long a copy lives.
 */
@Injectable()
export class AccountCache implements OnModuleInit {
  private readonly logger = new Logger('AccountCache');
  private readonly sessions: ExpiringCache<string, LiveSession>;
  private readonly tokens: ExpiringCache<string, ApiToken>;
  private readonly members: ExpiringCache<string, Member>;
  /** Display names by `workspace:user` (every page of conversations shows its assignees). */
  private readonly names: ExpiringCache<string, string>;

  constructor(
    private readonly repo: AccountsRepository,
    private readonly notices: PgNotices,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const ttlMs = config.accountCacheSeconds * 1000;
    const heard = { keepWhile: () => notices.listening };
    this.sessions = new ExpiringCache(MAX_ENTRIES, ttlMs, heard);
    this.tokens = new ExpiringCache(MAX_ENTRIES, ttlMs, heard);
    this.members = new ExpiringCache(MAX_ENTRIES, ttlMs, heard);
    this.names = new ExpiringCache(MAX_ENTRIES, ttlMs, heard);
  }

  async onModuleInit(): Promise<void> {
    await this.notices
      .subscribe(ACCOUNTS_CHANNEL, {
        notice: (payload) => this.forget(payload as AccountNotice),
        reset: () => this.clear(),
      })
      .catch((error: Error) =>
        // Started without PostgreSQL (it comes back later): nothing is kept until notices flow.
        this.logger.warn(`not caching until change notices arrive: ${error.message}`),
      );
  }

  /** The unexpired session with this secret's hash. */
  session(tokenHash: string): Promise<LiveSession | null> {
    return this.sessions.read(
      tokenHash,
      () => this.committed(() => this.repo.findLiveSession(tokenHash)),
      (s) => s.expiresAt.getTime(),
    );
  }

  /** The unrevoked API token with this secret's hash. */
  token(tokenHash: string): Promise<ApiToken | null> {
    return this.tokens.read(tokenHash, () =>
      this.committed(() => this.repo.findLiveApiTokenByHash(tokenHash)),
    );
  }

  /** A member of a workspace with the workspace (active or not: callers decide). */
  member(workspaceId: string, userId: string): Promise<Member | null> {
    return this.members.read(`${workspaceId}:${userId}`, async () => {
      const [user, workspace] = await this.committed(() =>
        Promise.all([
          this.repo.findUser(workspaceId, userId),
          this.repo.findWorkspace(workspaceId),
        ]),
      );
      return user && workspace ? { user, workspace } : null;
    });
  }

  /** Members' display names by id. */
  async memberNames(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const byKey = await this.names.readMany(
      ids.map((id) => `${workspaceId}:${id}`),
      async (missing) => {
        const ids = missing.map((key) => key.slice(workspaceId.length + 1));
        const found = await this.committed(() => this.repo.userNames(workspaceId, ids));
        return new Map([...found].map(([id, name]) => [`${workspaceId}:${id}`, name]));
      },
    );
    return new Map([...byKey].map(([key, name]) => [key.slice(workspaceId.length + 1), name]));
  }

  /**
   * What is kept must be committed: read outside the caller's transaction, whose own writes may
   * still roll back and whose snapshot may predate a change already announced.
   */
  private committed<T>(read: () => Promise<T>): Promise<T> {
    return this.tx.outside(read);
  }

  /** Drops what a change made stale (called by notices, and after commit by the writer itself). */
  forget(notice: AccountNotice): void {
    const colon = notice.indexOf(':');
    const kind = notice.slice(0, colon);
    const id = notice.slice(colon + 1);
    if (kind === 'session') this.sessions.forget((s) => s.sessionId === id);
    else if (kind === 'token') this.tokens.forget((t) => t.id === id);
    else if (kind === 'user') {
      this.sessions.forget((s) => s.userId === id);
      this.tokens.forget((t) => t.createdById === id);
      this.members.forget((m) => m.user.id === id);
      this.names.forget((_, key) => key.endsWith(`:${id}`));
    } else if (kind === 'workspace') this.members.forget((m) => m.workspace.id === id);
    else this.clear();
  }

  private clear(): void {
    this.sessions.clear();
    this.tokens.clear();
    this.members.clear();
    this.names.clear();
  }
}
