import { CanActivate, Injectable, type ExecutionContext } from '@nestjs/common';
import { SessionsService, type Principal } from '@sanad/accounts';
import { CSRF_HEADER } from '@sanad/contracts';
import { DomainError, safeEqual } from '@sanad/core';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must echo the session-bound CSRF token in a header, which a
 * cross-site form or script cannot read. Token-authenticated calls need no CSRF check.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{
      method: string;
      user?: Principal;
      headers: Record<string, string | undefined>;
    }>();
    const principal = request.user;
    if (
      SAFE_METHODS.has(request.method) ||
      !principal ||
      principal.via !== 'session' ||
      !principal.sessionId
    )
      return true;
    const sent = request.headers[CSRF_HEADER] ?? '';
    if (!safeEqual(sent, this.sessions.csrfTokenFor(principal.sessionId)))
      throw new DomainError('auth/csrf_failed');
    return true;
  }
}
