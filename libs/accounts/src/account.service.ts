import { Injectable } from '@nestjs/common';
import type { MeView } from '@sanad/contracts';
import { DomainError, cleanText, normaliseEmail } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { AccountCache } from './account-cache';
import { AccountsRepository } from './accounts.repository';
import { toUserView, toWorkspaceView } from './accounts.views';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { LoginDto } from './dto/login.dto';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import type { User } from './entities/user.entity';
import { PasswordHasher } from './password.hasher';
import { assertStrongPassword } from './password.policy';
import type { Principal } from './principal';

/** One's own account: credentials, profile, language, password. */
@Injectable()
export class AccountService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly cache: AccountCache,
    private readonly tx: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxWriter,
  ) {}

  async verifyCredentials(dto: LoginDto): Promise<User> {
    const user = await this.repo.findUserByEmail(normaliseEmail(dto.email));
    const ok = await this.hasher.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !ok) throw new DomainError('auth/invalid_credentials');
    if (!user.active) throw new DomainError('auth/account_deactivated');
    return user;
  }

  async me(principal: Principal): Promise<MeView> {
    const member = await this.cache.member(principal.workspaceId, principal.userId);
    if (!member) throw new DomainError('auth/unauthenticated');
    return { user: toUserView(member.user), workspace: toWorkspaceView(member.workspace) };
  }

  async updateProfile(principal: Principal, dto: UpdateProfileDto): Promise<MeView> {
    await this.tx.run(async () => {
      const user = await this.repo.findUser(principal.workspaceId, principal.userId);
      if (!user) throw new DomainError('auth/unauthenticated');
      if (dto.name !== undefined) user.name = cleanText(dto.name);
      if (dto.language !== undefined) user.language = dto.language;
      if (dto.digits !== undefined) user.digits = dto.digits;
      await this.repo.saveUser(user);
      await this.outbox.write({
        workspaceId: user.workspaceId,
        type: 'member.updated',
        payload: { user: toUserView(user) },
      });
    });
    return this.me(principal);
  }

  /** Other sessions of the user are ended; the current one stays. */
  async changePassword(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    const user = await this.repo.findUser(principal.workspaceId, principal.userId);
    if (!user) throw new DomainError('auth/unauthenticated');
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('auth/wrong_current_password', {}, [
        { field: 'currentPassword', code: 'wrongCurrentPassword' },
      ]);
    }
    assertStrongPassword(dto.newPassword, 'newPassword', user.email);
    user.passwordHash = await this.hasher.hash(dto.newPassword);
    await this.tx.run(async () => {
      await this.repo.saveUser(user);
      const ended = await this.repo.deleteUserSessions(
        user.workspaceId,
        user.id,
        principal.sessionId,
      );
      if (ended.length > 0)
        await this.outbox.write({
          workspaceId: null,
          type: 'credentials.revoked',
          payload: { credentialIds: ended },
        });
    });
  }
}
