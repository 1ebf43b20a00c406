import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { DomainError, hmacHex, randomSecret, sha256Hex } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { AccountCache } from './account-cache';
import { AccountsRepository } from './accounts.repository';
import type { User } from './entities/user.entity';
import { mailboxScope, type Principal } from './principal';

export interface IssuedSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Cookie sessions: the cookie holds a random secret, the database only its hash. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly cache: AccountCache,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(user: User): Promise<IssuedSession> {
    if (!user.active) throw new DomainError('auth/account_deactivated');
    const secret = randomSecret(32);
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    const session = await this.repo.insertSession({
      tokenHash: sha256Hex(secret),
      workspaceId: user.workspaceId,
      userId: user.id,
      expiresAt,
    });
    return { secret, csrfToken: this.csrfTokenFor(session.id), expiresAt };
  }

  /** The CSRF token is bound to the session, so a token from another session never passes. */
  csrfTokenFor(sessionId: string): string {
    return hmacHex(this.config.appSecret, `csrf:${sessionId}`);
  }

  async resolve(secret: string): Promise<Principal | null> {
    if (!secret || secret.length > 200) return null;
    const session = await this.cache.session(sha256Hex(secret));
    if (!session) return null;
    const member = await this.cache.member(session.workspaceId, session.userId);
    if (!member?.user.active) return null;
    const { user } = member;
    return {
      userId: user.id,
      workspaceId: user.workspaceId,
      role: user.role,
      language: user.language,
      via: 'session',
      sessionId: session.sessionId,
      mailboxIds: mailboxScope(user),
    };
  }

  /** Logout: the session ends, and so do the sockets opened with it. */
  async revoke(secret: string): Promise<void> {
    await this.tx.run(async () => {
      const ended = await this.repo.deleteSession(sha256Hex(secret));
      if (ended)
        await this.outbox.write({
          workspaceId: null,
          type: 'credentials.revoked',
          payload: { credentialIds: [ended.id] },
        });
    });
  }
}
