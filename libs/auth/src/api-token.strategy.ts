import { Injectable } from '@nestjs/common';
import { ApiTokensService } from '@sanad/accounts';
import { Strategy } from 'passport-custom';
import { bearerToken } from './request-credentials.util';

/** Integrators: `Authorization: Bearer snd_...`. */
@Injectable()
export class ApiTokenStrategy extends Strategy {
  constructor(tokens: ApiTokensService) {
    super((request, done) => {
      const token = bearerToken(request);
      if (!token) return done(null, false);
      tokens.authenticate(token).then((principal) => done(null, principal ?? false), done);
    });
  }
}
