import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { SessionsService, type Principal } from '@sanad/accounts';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { SESSION_STRATEGY } from './auth.constants';
import { sessionSecret } from './request-credentials.util';

/** Agents in the SPA: the HttpOnly session cookie. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, SESSION_STRATEGY) {
  constructor(private readonly sessions: SessionsService) {
    super();
  }

  async validate(request: Request): Promise<Principal | false> {
    const secret = sessionSecret(request);
    return (secret && (await this.sessions.resolve(secret))) || false;
  }
}
