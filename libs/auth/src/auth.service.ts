import { Injectable } from '@nestjs/common';
import {
  AccountService,
  InvitesService,
  SessionsService,
  WorkspaceSetupService,
  type AcceptInviteDto,
  type CreateWorkspaceDto,
  type IssuedSession,
  type LoginDto,
  mailboxScope,
} from '@sanad/accounts';
import type { MeView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { LoginRateLimiter } from './login-rate-limiter';

export interface LoggedIn {
  me: MeView;
  session: IssuedSession;
}

/** Every way of getting a session: login, first-run setup, signup, accepting an invite. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountService,
    private readonly setupService: WorkspaceSetupService,
    private readonly invites: InvitesService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<LoggedIn> {
    await this.limiter.reserve(ip, dto.email);
    try {
      const user = await this.accounts.verifyCredentials(dto);
      await this.limiter.release(ip, dto.email);
      const session = await this.sessions.issue(user);
      return {
        me: await this.accounts.me({
          userId: user.id,
          workspaceId: user.workspaceId,
          role: user.role,
          language: user.language,
          via: 'session',
          sessionId: null,
          mailboxIds: mailboxScope(user),
        }),
        session,
      };
    } catch (error) {
      // Only a wrong password keeps its reserved attempt.
      if (!(error instanceof DomainError && error.code === 'auth/invalid_credentials'))
        await this.limiter.release(ip, dto.email);
      throw error;
    }
  }

  async setup(dto: CreateWorkspaceDto): Promise<LoggedIn> {
    const { me, user } = await this.setupService.setup(dto);
    return { me, session: await this.sessions.issue(user) };
  }

  async signup(dto: CreateWorkspaceDto, ip: string): Promise<LoggedIn> {
    await this.limiter.spendSignup(ip);
    const { me, user } = await this.setupService.signup(dto);
    return { me, session: await this.sessions.issue(user) };
  }

  async acceptInvite(secret: string, dto: AcceptInviteDto): Promise<LoggedIn> {
    const { me, user } = await this.invites.accept(secret, dto);
    return { me, session: await this.sessions.issue(user) };
  }

  logout(secret: string | null): Promise<void> {
    return secret ? this.sessions.revoke(secret) : Promise.resolve();
  }
}
