/** Shapes exchanged between the API and its clients (SPA, integrators) for accounts and access. */
import type { BrandView, CalendarDisplay, Digits, WeekStart } from './branding.contract';

export const ROLES = ['owner', 'admin', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** The shortest password accepted (the server's rule; the forms say it). */
export const PASSWORD_MIN_LENGTH = 10;

export const LANGUAGES = ['ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  language: Language;
  /** The member's own choice of digits; null = the workspace's. */
  digits: Digits | null;
  active: boolean;
  /** Mailboxes an agent is limited to; null = all mailboxes. */
  mailboxIds: string[] | null;
  createdAt: string;
}

export interface WorkspaceView {
  id: string;
  name: string;
  slug: string;
  defaultLanguage: Language;
  timeZone: string;
  weekStart: WeekStart;
  digits: Digits;
  calendar: CalendarDisplay;
  /** The brand's colours and asset URLs (the SPA's accent, header logo and favicon). */
  brand: Pick<BrandView, 'colours' | 'logo' | 'icon'>;
}

/** GET /api/v1/me and the answer of every call that logs someone in. */
export interface MeView {
  user: UserView;
  workspace: WorkspaceView;
}

/** GET /api/v1/setup/status (public). */
export interface SetupStatusView {
  needsSetup: boolean;
  signupAllowed: boolean;
}

export interface InviteView {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** POST /api/v1/invites: the single-use link is returned once. */
export interface CreatedInviteView {
  invite: InviteView;
  url: string;
}

/** GET /api/v1/auth/invites/:token (public): what the invitee sees before accepting. */
export interface InvitePreviewView {
  email: string;
  role: Role;
  workspaceName: string;
}

/** What an API token may do: `read` only GET and HEAD; `write` everything its creator may. */
export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export interface ApiTokenView {
  id: string;
  name: string;
  /** First characters of the secret, so people can tell tokens apart. */
  prefix: string;
  scope: ApiTokenScope;
  createdAt: string;
  /** When the token was last used, to the minute (written at most once a minute). */
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /api/v1/tokens: the secret is shown once and never again. */
export interface CreatedApiTokenView {
  token: ApiTokenView;
  secret: string;
}

export interface ListView<T> {
  items: T[];
}
