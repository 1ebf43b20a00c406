import { SetMetadata, UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENT, type IdempotentOptions } from './idempotency.constants';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * A creating route that honours Idempotency-Key (documented in the OpenAPI document). By
 * default the IdempotencyInterceptor takes the key around the handler; it is on these routes
 * only, so every other request runs without an interceptor.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT, options),
    ...(options.by ? [] : [UseInterceptors(IdempotencyInterceptor)]),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (a UUID is a good choice), up to 200 characters. A retry with the same key and the same body gets the first answer again (with `Idempotent-Replayed: true`) and changes nothing; the same key with another body is 409 `request/idempotency_conflict`. Keys are kept 24 hours, per workspace and per API token (or member).',
      schema: { type: 'string', maxLength: 200, example: '5b0f1f9e-2c4e-4d7a-9a77-3e3c1c6a8d10' },
    }),
  );
}
