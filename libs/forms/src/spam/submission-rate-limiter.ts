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
 * Caps on public submissions: per IP per form per hour, and per form per day. Counted in Redis
 * when there is one (every API process spends from the same budget), in memory otherwise. The
 * point is taken before anything is checked or stored, so concurrent requests never pass the cap.
 */
@Injectable()
export class SubmissionRateLimiter implements OnModuleDestroy {
  private readonly perIp: RateLimiterAbstract;
  private readonly perForm: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Connected on the first submission: most processes never take one, and a client still
    // connecting when the app closes rejects its commands ("Connection is closed").
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          lazyConnect: true,
        })
      : null;
    const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
      const options = { keyPrefix: `${config.redisPrefix}-form-${name}`, points, duration };
      return this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
    };
    this.perIp = limiter('ip', config.formRateLimitPerIp, 3600);
    this.perForm = limiter('form', config.formRateLimitPerForm, 86400);
  }

  /** Takes one submission from both budgets, or throws `form/rate_limited` with the wait. */
  async take(formId: string, ipHash: string): Promise<void> {
    if (this.redis?.status === 'wait') await this.redis.connect().catch(() => undefined);
    await this.consume(this.perIp, `${formId}:${ipHash}`);
    await this.consume(this.perForm, formId);
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new DomainError('form/rate_limited', {
        retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.redis || this.redis.status === 'wait') return this.redis?.disconnect();
    await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
