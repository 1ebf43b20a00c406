import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '@sanad/core';
import type { Observable } from 'rxjs';
import { IS_PUBLIC, SESSION_STRATEGY, TOKEN_STRATEGY } from './auth.constants';

/** Global guard: every route needs a session or an API token unless marked @Public(). */
@Injectable()
export class AuthenticatedGuard extends AuthGuard([TOKEN_STRATEGY, SESSION_STRATEGY]) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(
    context: ExecutionContext,
  ): boolean | Promise<boolean> | Observable<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error instanceof Error ? error : new DomainError('auth/unauthenticated');
    if (!user) throw new DomainError('auth/unauthenticated');
    return user;
  }
}
