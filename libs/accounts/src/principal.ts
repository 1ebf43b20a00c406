import type { Language, Role } from '@sanad/contracts';

/** Who is calling: every tenant-scoped query takes its workspaceId from here. */
export interface Principal {
  userId: string;
  workspaceId: string;
  role: Role;
  language: Language;
  via: 'session' | 'token';
  /** Set when authenticated by cookie session; used to bind the CSRF token. */
  sessionId: string | null;
}

export function isAdmin(principal: Principal): boolean {
  return principal.role === 'owner' || principal.role === 'admin';
}
