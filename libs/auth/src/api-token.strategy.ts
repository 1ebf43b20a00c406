import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ApiTokensService, type Principal } from '@sanad/accounts';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { TOKEN_STRATEGY } from './auth.constants';
import { bearerToken } from './request-credentials.util';

/** Integrators: `Authorization: Bearer snd_...`. */
@Injectable()
export class ApiTokenStrategy extends PassportStrategy(Strategy, TOKEN_STRATEGY) {
  constructor(private readonly tokens: ApiTokensService) {
    super();
  }

  async validate(request: Request): Promise<Principal | false> {
    const token = bearerToken(request);
    return (token && (await this.tokens.authenticate(token))) || false;
  }
}
