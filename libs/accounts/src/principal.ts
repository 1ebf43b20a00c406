import type { ApiTokenScope, Language, Role } from '@sanad/contracts';

/** Who is calling: every tenant-scoped query takes its workspaceId from here. */
export interface Principal {
  userId: string;
  workspaceId: string;
  role: Role;
  language: Language;
  via: 'session' | 'token';
  /** Set when authenticated by cookie session; used to bind the CSRF token. */
  sessionId: string | null;
  /** Set when authenticated by an API token. */
  tokenId?: string | null;
  /** Set when authenticated by an API token: `read` allows GET and HEAD only. */
  tokenScope?: ApiTokenScope | null;
  /** The mailboxes this member may see, or null for all of them (owners and admins always). */
  mailboxIds: string[] | null;
}

export function isAdmin(principal: Principal): boolean {
  return principal.role === 'owner' || principal.role === 'admin';
}

/** Agents may be limited to chosen mailboxes; owners and admins never are. */
export function mailboxScope(user: { role: Role; mailboxIds: string[] | null }): string[] | null {
  return user.role === 'agent' ? user.mailboxIds : null;
}

export function canSeeMailbox(principal: Principal, mailboxId: string): boolean {
  return principal.mailboxIds === null || principal.mailboxIds.includes(mailboxId);
}
