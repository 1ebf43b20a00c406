import { Injectable } from '@nestjs/common';
import { SessionsService } from '@sanad/accounts';
import { Strategy } from 'passport-custom';
import { sessionSecret } from './request-credentials.util';

/** Agents in the SPA: the HttpOnly session cookie. */
@Injectable()
export class SessionStrategy extends Strategy {
  constructor(sessions: SessionsService) {
    super((request, done) => {
      const secret = sessionSecret(request);
      if (!secret) return done(null, false);
      sessions.resolve(secret).then((principal) => done(null, principal ?? false), done);
    });
  }
}
