import { Inject, Injectable } from '@nestjs/common';
import type { LoggedIn } from '@sanad/auth';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { CSRF_COOKIE, SESSION_COOKIE, type MeView } from '@sanad/contracts';
import type { Response } from 'express';

/** Sets and clears the session cookie (HttpOnly) and its readable CSRF twin. */
@Injectable()
export class SessionCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  respond(response: Response, loggedIn: LoggedIn): MeView {
    const { session } = loggedIn;
    const common = {
      sameSite: 'lax' as const,
      secure: this.secure,
      path: '/',
      expires: session.expiresAt,
    };
    response.cookie(SESSION_COOKIE, session.secret, { ...common, httpOnly: true });
    response.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
    return loggedIn.me;
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.clearCookie(CSRF_COOKIE, { path: '/' });
  }
}
