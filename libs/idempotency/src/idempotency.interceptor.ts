import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, map, type Observable } from 'rxjs';
import { IDEMPOTENT, type IdempotentOptions } from './idempotency.constants';
import { IdempotentRequests, REPLAYED_HEADER, type KeyOwner } from './idempotent-requests.service';

/**
 * Routes marked @Idempotent() (which installs this on them) run inside IdempotentRequests when the request sends an
 * Idempotency-Key: the handler's transactions join the one that holds the key, so the key, the
 * work and the stored answer commit together. Guards (who, scope, rate limit) run before this.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly requests: IdempotentRequests,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const options = this.reflector.get<IdempotentOptions | undefined>(
      IDEMPOTENT,
      context.getHandler(),
    );
    if (!options || options.by) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: KeyOwner }>();
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? 201 : 200);
    const call = this.requests.callFor(request, request.user, status, request.body, options.secret);
    if (!call) return next.handle();
    // handle() binds the async context it is called in: called inside run(), the handler's
    // transactions join the one holding the key.
    const work = () => lastValueFrom(next.handle() as Observable<unknown>);
    return from(this.requests.run(call, work)).pipe(
      map((outcome) => {
        if (outcome.replayed) http.getResponse<Response>().setHeader(REPLAYED_HEADER, 'true');
        return outcome.body;
      }),
    );
  }
}
