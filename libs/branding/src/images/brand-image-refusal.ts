import { BRAND_IMAGE_MAX_BYTES } from '@sanad/contracts';
import { DomainError, type ErrorCode } from '@sanad/core';

/** The formats and the byte limit as refusals name them. */
export const BRAND_IMAGE_FORMATS = 'PNG, JPEG, WebP, SVG';
export const BRAND_IMAGE_LIMIT = `${BRAND_IMAGE_MAX_BYTES / 1024 / 1024} MB`;

/** The upload field the logo and the icon arrive in. */
export const BRAND_IMAGE_FIELD = 'file';

/**
 * A refused logo or icon: the brand's problem code with its detail, and the `file` field with
 * the rule it broke and the limit (`fieldParams`; the detail's parameters unless told), the way
 * colour and settings errors name theirs.
 */
export function refusal(
  code: ErrorCode,
  rule: string,
  params: Record<string, string | number> = {},
  fieldParams: Record<string, string | number> = params,
): DomainError {
  return new DomainError(code, params, [
    { field: BRAND_IMAGE_FIELD, code: rule, params: fieldParams },
  ]);
}
