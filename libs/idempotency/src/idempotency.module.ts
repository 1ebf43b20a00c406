import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRepository } from './idempotency.repository';
import { IdempotentRequests } from './idempotent-requests.service';

/** Idempotency-Key for creating requests: the routes marked @Idempotent() use its interceptor. */
@Module({
  providers: [IdempotencyRepository, IdempotentRequests, IdempotencyInterceptor],
  exports: [IdempotentRequests, IdempotencyInterceptor],
})
export class IdempotencyModule {}
