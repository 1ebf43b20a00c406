import { Injectable } from '@nestjs/common';
import type { Digits, Language, Role } from '@sanad/contracts';
import { AccountCache } from './account-cache';
import { AccountsRepository } from './accounts.repository';
import type { StoredBrand } from './entities/workspace.entity';
import { mailboxScope } from './principal';

export interface ActiveMember {
  id: string;
  name: string;
  role: Role;
  /** The mailboxes the member may see (null = all of them). */
  mailboxScope: string[] | null;
}

/** Whether a member may work on a conversation of this mailbox (null scope = every mailbox). */
export function mayWorkIn(member: Pick<ActiveMember, 'mailboxScope'>, mailboxId: string): boolean {
  return member.mailboxScope === null || member.mailboxScope.includes(mailboxId);
}

/** What other libraries ask about a workspace's members (they never read `users` themselves). */
@Injectable()
export class MemberDirectory {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly cache: AccountCache,
  ) {}

  /** Display names by id (deactivated members keep theirs on old messages). */
  names(workspaceId: string, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve(new Map<string, string>());
    return this.cache.memberNames(workspaceId, unique);
  }

  /** The active members among these ids, with the mailboxes each may see. */
  async active(workspaceId: string, ids: string[]): Promise<ActiveMember[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const users = await this.repo.activeUsers(workspaceId, unique);
    return users.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      mailboxScope: mailboxScope(u),
    }));
  }

  /** The active owners and admins, with where and in which language to write to them. */
  async admins(
    workspaceId: string,
  ): Promise<Array<{ id: string; name: string; email: string; language: Language }>> {
    const users = await this.repo.listUsers(workspaceId);
    return users
      .filter((u) => !u.deactivatedAt && (u.role === 'owner' || u.role === 'admin'))
      .map((u) => ({ id: u.id, name: u.name, email: u.email, language: u.language }));
  }

  /** Whether an active member may work on a conversation of this mailbox. */
  async canWorkIn(workspaceId: string, userId: string, mailboxId: string): Promise<boolean> {
    const [member] = await this.active(workspaceId, [userId]);
    return !!member && mayWorkIn(member, mailboxId);
  }

  /** The ids among these that are members of the workspace (active or not). */
  async existing(workspaceId: string, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    return [...(await this.repo.userNames(workspaceId, unique)).keys()];
  }

  /**
   * A workspace's language, time zone and digits (the country local phone numbers are read in,
   * the clock of exports, the digits of Arabic automatic messages).
   */
  async workspaceLocale(
    workspaceId: string,
  ): Promise<{ defaultLanguage: Language; timeZone: string; digits: Digits } | null> {
    const workspace = await this.repo.findWorkspace(workspaceId);
    return (
      workspace && {
        defaultLanguage: workspace.defaultLanguage,
        timeZone: workspace.timeZone,
        digits: workspace.digits,
      }
    );
  }

  /** The workspace's name, language and brand (what customers' emails wear), or null. */
  async workspaceBrand(
    workspaceId: string,
  ): Promise<{ name: string; defaultLanguage: Language; brand: StoredBrand } | null> {
    const workspace = await this.repo.findWorkspace(workspaceId);
    return (
      workspace && {
        name: workspace.name,
        defaultLanguage: workspace.defaultLanguage,
        brand: workspace.brand,
      }
    );
  }

  /** A member's name and their workspace's name (saved-reply placeholders). */
  async nameAndWorkspace(
    workspaceId: string,
    userId: string,
  ): Promise<{ name: string; workspace: string } | null> {
    return this.repo.userAndWorkspaceName(workspaceId, userId);
  }

  /** Whether anyone but the owner belongs to or was invited to the workspace. */
  hasTeam(workspaceId: string): Promise<boolean> {
    return this.repo.hasTeam(workspaceId);
  }
}
