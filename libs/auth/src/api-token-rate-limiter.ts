import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { TokenBudget } from './token-policy.util';

/**
 * Each API token's budget per minute (API_TOKEN_RATE_LIMIT points). Counted in Redis when there
 * is one, so every API process spends from the same budget; in memory otherwise (and while
 * Redis does not answer).
 */
@Injectable()
export class ApiTokenRateLimiter implements OnModuleDestroy {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis: Redis | null;
  readonly limit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = config.apiTokenRateLimit;
    const options = { keyPrefix: `${config.redisPrefix}-token`, points: this.limit, duration: 60 };
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

  /** Spends `cost` points of the token's budget: one atomic increment, allowed or not. */
  async spend(tokenId: string, cost: number): Promise<TokenBudget> {
    try {
      const res = await this.limiter.consume(tokenId, cost);
      return this.budget(true, res);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return this.budget(false, rejection);
      throw rejection;
    }
  }

  private budget(allowed: boolean, res: RateLimiterRes): TokenBudget {
    return {
      allowed,
      limit: this.limit,
      remaining: allowed ? res.remainingPoints : 0,
      msBeforeReset: res.msBeforeNext,
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
