import { Injectable } from '@nestjs/common';
import type { MemberAction, Role, UserView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { AccountsRepository } from './accounts.repository';
import { toUserView } from './accounts.views';
import type { User } from './entities/user.entity';
import type { Principal } from './principal';

/** Team members of a workspace: roles and deactivation, by owners and admins. */
@Injectable()
export class MembersService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(principal: Principal): Promise<UserView[]> {
    return (await this.repo.listUsers(principal.workspaceId)).map(toUserView);
  }

  changeRole(principal: Principal, userId: string, role: Role): Promise<UserView> {
    return this.change(principal, userId, 'member.role_changed', (user) => {
      // Only an owner may make or unmake owners.
      if (role === 'owner' && principal.role !== 'owner')
        throw new DomainError('user/owner_protected');
      const before = user.role;
      user.role = role;
      return { from: before, to: role };
    });
  }

  deactivate(principal: Principal, userId: string): Promise<UserView> {
    return this.change(principal, userId, 'member.deactivated', (user) => {
      user.active = false;
      user.deactivatedAt = new Date();
      return this.repo.deleteUserSessions(user.workspaceId, user.id).then(() => ({}));
    });
  }

  reactivate(principal: Principal, userId: string): Promise<UserView> {
    return this.change(principal, userId, 'member.reactivated', (user) => {
      user.active = true;
      user.deactivatedAt = null;
      return {};
    });
  }

  /**
   * Limits an agent to the given mailboxes (already checked to exist by the caller), or lifts the
   * limit with null. Owners and admins always see every mailbox, whatever is stored.
   */
  setMailboxAccess(
    principal: Principal,
    userId: string,
    mailboxIds: string[] | null,
  ): Promise<UserView> {
    return this.change(principal, userId, 'member.mailboxes_changed', (user) => {
      const before = user.mailboxIds;
      user.mailboxIds = mailboxIds === null ? null : [...new Set(mailboxIds)];
      return { from: before, to: user.mailboxIds };
    });
  }

  private async change(
    principal: Principal,
    userId: string,
    action: MemberAction,
    apply: (user: User) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ): Promise<UserView> {
    return this.tx.run(async () => {
      const user = await this.repo.findUser(principal.workspaceId, userId);
      if (!user) throw new DomainError('user/not_found');
      if (user.id === principal.userId) throw new DomainError('user/cannot_change_self');
      if (user.role === 'owner' && principal.role !== 'owner')
        throw new DomainError('user/owner_protected');
      const data = await apply(user);
      await this.repo.saveUser(user);
      await this.repo.insertAudit({
        workspaceId: user.workspaceId,
        actorUserId: principal.userId,
        action,
        targetType: 'user',
        targetId: user.id,
        data,
      });
      const view = toUserView(user);
      await this.outbox.write({
        workspaceId: user.workspaceId,
        type: 'member.updated',
        payload: { user: view, action },
      });
      return view;
    });
  }
}
