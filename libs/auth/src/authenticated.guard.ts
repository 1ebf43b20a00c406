import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, type IAuthGuard } from '@nestjs/passport';
import { DomainError } from '@sanad/core';
import type { Request } from 'express';
import { IS_PUBLIC, SESSION_STRATEGY, TOKEN_STRATEGY } from './auth.constants';

/** Passport's guard for one strategy, with our error for "no or bad credentials". */
function guardFor(strategy: string): IAuthGuard {
  class StrategyGuard extends AuthGuard(strategy) {
    override handleRequest<T>(error: unknown, user: T): T {
      if (error) throw error instanceof Error ? error : new DomainError('auth/unauthenticated');
      if (!user) throw new DomainError('auth/unauthenticated');
      return user;
    }
  }
  return new StrategyGuard();
}

/**
 * Global guard: every route needs a session or an API token unless marked @Public(). A request
 * with an Authorization header is an integrator's (API token only); any other is the SPA's
 * (session cookie only), so each request runs one passport strategy, not two.
 */
@Injectable()
export class AuthenticatedGuard implements CanActivate {
  private readonly byToken = guardFor(TOKEN_STRATEGY);
  private readonly bySession = guardFor(SESSION_STRATEGY);

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const guard = request.headers.authorization ? this.byToken : this.bySession;
    return (await guard.canActivate(context)) as boolean;
  }
}
