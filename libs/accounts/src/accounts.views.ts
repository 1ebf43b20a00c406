import type { ApiTokenView, InviteView, UserView, WorkspaceView } from '@sanad/contracts';
import type { ApiToken } from './entities/api-token.entity';
import type { Invite } from './entities/invite.entity';
import type { User } from './entities/user.entity';
import type { Workspace } from './entities/workspace.entity';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    language: user.language,
    digits: user.digits ?? null,
    active: user.active,
    mailboxIds: user.mailboxIds ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toWorkspaceView(workspace: Workspace): WorkspaceView {
  return {
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    defaultLanguage: workspace.defaultLanguage,
    timeZone: workspace.timeZone,
    weekStart: workspace.weekStart,
    digits: workspace.digits,
    calendar: workspace.calendar,
    brand: {
      colours: workspace.brand.colours,
      logo: workspace.brand.logo,
      icon: workspace.brand.icon,
    },
  };
}

export function toInviteView(invite: Invite): InviteView {
  return {
    id: invite.id,
    email: invite.email,
    role: invite.role,
    expiresAt: invite.expiresAt.toISOString(),
    acceptedAt: invite.acceptedAt?.toISOString() ?? null,
    createdAt: invite.createdAt.toISOString(),
  };
}

export function toApiTokenView(token: ApiToken): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scope: token.scope,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
