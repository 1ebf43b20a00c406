import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccountsModule } from '@sanad/accounts';
import { ApiTokenStrategy } from './api-token.strategy';
import { AuthService } from './auth.service';
import { AuthenticatedGuard } from './authenticated.guard';
import { CsrfGuard } from './csrf.guard';
import { LoginRateLimiter } from './login-rate-limiter';
import { RolesGuard } from './roles.guard';
import { SessionStrategy } from './session.strategy';

/** Authentication for HTTP: guards apply globally in this order: who, CSRF, role. */
@Module({
  imports: [PassportModule, AccountsModule],
  providers: [
    SessionStrategy,
    ApiTokenStrategy,
    LoginRateLimiter,
    AuthService,
    { provide: APP_GUARD, useClass: AuthenticatedGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, AccountsModule],
})
export class AuthModule {}
