import { CanActivate, Injectable, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import { DomainError } from '@sanad/core';
import type { Request } from 'express';
import { scopeAllows } from './token-policy.util';

/** A read-only API token may only GET and HEAD: anything else is 403 `token/read_only`. */
@Injectable()
export class TokenScopeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const principal = request.user;
    if (principal?.via !== 'token') return true;
    if (!scopeAllows(principal.tokenScope ?? 'write', request.method))
      throw new DomainError('token/read_only');
    return true;
  }
}
