import { CanActivate, Injectable, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import { DomainError } from '@sanad/core';
import type { Request, Response } from 'express';
import { ApiTokenRateLimiter } from './api-token-rate-limiter';
import { rateLimitHeaders, requestCost } from './token-policy.util';

/**
 * API-token requests spend from their token's per-minute budget before anything else runs:
 * every answer carries RateLimit-* headers, and one beyond the budget is 429 with Retry-After.
 * The SPA's session requests are not counted here.
 */
@Injectable()
export class TokenRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: ApiTokenRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: Principal }>();
    const principal = request.user;
    if (principal?.via !== 'token' || !principal.tokenId) return true;
    const budget = await this.limiter.spend(principal.tokenId, requestCost(request.method));
    http.getResponse<Response>().set(rateLimitHeaders(budget));
    if (!budget.allowed)
      throw new DomainError('token/rate_limited', {
        retryAfter: Math.max(1, Math.ceil(budget.msBeforeReset / 1000)),
      });
    return true;
  }
}
