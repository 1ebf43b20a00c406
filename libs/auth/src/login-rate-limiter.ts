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

  /**
   * Reserves one attempt for the IP and one for the email before the password is checked, each
   * with an atomic increment (in Redis or in memory): however many logins race, no more than the
   * limit reach the password check. Throws 429 when either has nothing left.
   */
  async reserve(ip: string, email: string): Promise<void> {
    const keys = [`ip:${ip}`, `email:${email.toLowerCase()}`];
    const results = await Promise.allSettled(keys.map((key) => this.limiter.consume(key, 1)));
    const refused = results.flatMap((r) =>
      r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [r.reason] : [],
    );
    const failed = results.find(
      (r): r is PromiseRejectedResult =>
        r.status === 'rejected' && !(r.reason instanceof RateLimiterRes),
    );
    if (refused.length === 0 && !failed) return;
    // What was taken for this refused attempt goes back.
    await Promise.all(
      keys
        .filter((_key, index) => results[index].status === 'fulfilled')
        .map((key) => this.limiter.reward(key, 1).catch(() => undefined)),
    );
    if (failed) throw failed.reason;
    const retryAfter = Math.max(
      1,
      Math.ceil(Math.max(...refused.map((r) => r.msBeforeNext)) / 1000),
    );
    throw new DomainError('auth/rate_limited', { retryAfter });
  }

  /** A reserved attempt that did not fail on the password: it does not count. */
  async release(ip: string, email: string): Promise<void> {
    await Promise.all([
      this.limiter.reward(`ip:${ip}`, 1).catch(() => undefined),
      this.limiter.delete(`email:${email.toLowerCase()}`).catch(() => undefined),
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

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
