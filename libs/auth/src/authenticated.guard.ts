import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@sanad/core';
import type { Request, Response } from 'express';
import { IS_PUBLIC, SESSION_STRATEGY, TOKEN_STRATEGY } from './auth.constants';
import { Authenticator } from './authenticator';

/**
 * Global guard: every route needs a session or an API token unless marked @Public(). A request
 * with an Authorization header is an integrator's (API token only); any other is the SPA's
 * (session cookie only), so each request runs one strategy, not two.
 */
@Injectable()
export class AuthenticatedGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const strategy = request.headers.authorization ? TOKEN_STRATEGY : SESSION_STRATEGY;
    const principal = await this.authenticator.authenticate(
      strategy,
      request,
      http.getResponse<Response>(),
    );
    if (!principal) throw new DomainError('auth/unauthenticated');
    request.user = principal;
    return true;
  }
}
