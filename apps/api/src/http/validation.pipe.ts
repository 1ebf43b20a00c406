import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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

/** A request with hundreds of bad fields is told about the first ones only. */
const MAX_FIELD_ERRORS = 50;

/** C0 control characters (tab aside) never belong in a query string or a path parameter. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** The first query or path value holding a control character, as a field error. */
function controlCharacter(value: unknown, field: string): FieldError | null {
  if (typeof value === 'string')
    return CONTROL.test(value) ? { field, code: 'controlCharacter' } : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = controlCharacter(item, `${field}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = controlCharacter(item, field ? `${field}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Strict DTO validation: unknown properties are rejected and named (400); query strings and path
 * parameters with control characters too (bodies keep theirs: NUL is dropped before storage).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query' || metadata.type === 'param') {
      const found = controlCharacter(value, metadata.data ?? '');
      if (found) throw new DomainError('request/validation', {}, [found]);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) =>
      new DomainError('request/validation', {}, toFieldErrors(errors).slice(0, MAX_FIELD_ERRORS)),
  });
}
