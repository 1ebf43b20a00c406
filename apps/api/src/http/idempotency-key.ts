import { DomainError } from '@sanad/core';

/** Idempotency keys are opaque strings up to 200 characters. */
export function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length > 200)
    throw new DomainError('request/validation', {}, [
      { field: 'Idempotency-Key', code: 'maxLength', params: { max: 200 } },
    ]);
  return value;
}
