import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '@sanad/core';
import { getMetadataStorage } from 'class-validator';

/** Rule parameters (min length, allowed values) read from the DTO's validation metadata. */
function ruleParams(
  target: object | undefined,
  property: string,
  rule: string,
): Record<string, string | number> {
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === rule || m.type === rule));
  const first = metadata?.constraints?.[0] as unknown;
  if (rule === 'minLength') return { min: Number(first) };
  if (rule === 'maxLength' || rule === 'max' || rule === 'arrayMaxSize')
    return { max: Number(first) };
  if (rule === 'min') return { min: Number(first) };
  if (rule === 'isIn' && Array.isArray(first)) return { allowed: first.join(', ') };
  return {};
}

function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.keys(error.constraints ?? {}).map((rule) => ({
      field,
      code: rule,
      params:
        rule === 'whitelistValidation'
          ? { property: field }
          : ruleParams(error.target, error.property, rule),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], `${field}.`)];
  });
}

/** Strict DTO validation: unknown properties are rejected and named (400). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new DomainError('request/validation', {}, toFieldErrors(errors)),
  });
}
