import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { Request, Response } from 'express';
import { Passport } from 'passport';
import { ApiTokenStrategy } from './api-token.strategy';
import { SESSION_STRATEGY, TOKEN_STRATEGY } from './auth.constants';
import { SessionStrategy } from './session.strategy';

export type StrategyName = typeof SESSION_STRATEGY | typeof TOKEN_STRATEGY;

/**
 * This app's own passport: strategies registered on passport's global instance belong to the
 * process, so a second app in the same process (tests run several) would take over the first's
 * and answer from its caches.
 */
@Injectable()
export class Authenticator {
  private readonly passport = new Passport();

  constructor(sessions: SessionStrategy, tokens: ApiTokenStrategy) {
    this.passport.use(SESSION_STRATEGY, sessions);
    this.passport.use(TOKEN_STRATEGY, tokens);
  }

  /** Who these credentials belong to, or null when there are none or they are not valid. */
  authenticate(
    strategy: StrategyName,
    request: Request,
    response: Response,
  ): Promise<Principal | null> {
    return new Promise((resolve, reject) => {
      const verify = this.passport.authenticate(
        strategy,
        { session: false },
        (error: Error | null, principal: Principal | false) =>
          error ? reject(error) : resolve(principal || null),
      ) as (request: Request, response: Response, next: (error?: unknown) => void) => void;
      verify(request, response, reject);
    });
  }
}
