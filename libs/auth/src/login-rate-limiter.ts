import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { DomainError } from '@sanad/core';
import Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * Failed-login budget per IP and per email. Shared through Redis when there is one, so every
 * API process counts together.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const options = {
      keyPrefix: `${config.redisPrefix}-login`,
      points: config.loginRateLimit,
      duration: config.loginRateWindowSeconds,
    };
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : null;
    this.limiter = this.redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: this.redis,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  }

  /** Throws 429 when the IP or the email has no attempts left. */
  async check(ip: string, email: string): Promise<void> {
    const [byIp, byEmail] = await Promise.all([
      this.limiter.get(`ip:${ip}`),
      this.limiter.get(`email:${email.toLowerCase()}`),
    ]);
    const blocked = [byIp, byEmail].filter(
      (r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0,
    );
    if (blocked.length > 0) {
      const retryAfter = Math.max(
        1,
        Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000),
      );
      throw new DomainError('auth/rate_limited', { retryAfter });
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await Promise.all([
      this.limiter.penalty(`ip:${ip}`, 1).catch(() => undefined),
      this.limiter.penalty(`email:${email.toLowerCase()}`, 1).catch(() => undefined),
    ]);
  }

  /** Workspace signups per IP share the same window and count as login attempts do. */
  async spendSignup(ip: string): Promise<void> {
    try {
      await this.limiter.consume(`signup:${ip}`, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new DomainError('auth/rate_limited', {
          retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        });
      }
      throw rejection;
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.limiter.delete(`email:${email.toLowerCase()}`).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
