import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsModule } from '@sanad/accounts';
import { ApiTokenRateLimiter } from './api-token-rate-limiter';
import { ApiTokenStrategy } from './api-token.strategy';
import { AuthService } from './auth.service';
import { AuthenticatedGuard } from './authenticated.guard';
import { Authenticator } from './authenticator';
import { CsrfGuard } from './csrf.guard';
import { LoginRateLimiter } from './login-rate-limiter';
import { RolesGuard } from './roles.guard';
import { SessionStrategy } from './session.strategy';
import { TokenRateLimitGuard } from './token-rate-limit.guard';
import { TokenScopeGuard } from './token-scope.guard';

/**
 * Authentication for HTTP: guards apply globally in this order: who, the API token's budget and
 * scope, CSRF, role.
 */
@Module({
  imports: [AccountsModule],
  providers: [
    SessionStrategy,
    ApiTokenStrategy,
    Authenticator,
    LoginRateLimiter,
    ApiTokenRateLimiter,
    AuthService,
    { provide: APP_GUARD, useClass: AuthenticatedGuard },
    { provide: APP_GUARD, useClass: TokenRateLimitGuard },
    { provide: APP_GUARD, useClass: TokenScopeGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, AccountsModule],
})
export class AuthModule {}
