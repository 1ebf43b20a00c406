import type { ErrorCode } from './error-catalog';

export interface FieldError {
  field: string;
  /** Stable rule name, e.g. `isEmail`, `minLength`, `unknownProperty`. */
  code: string;
  /** Parameters for the localised message, e.g. `{ min: 10 }`. */
  params?: Record<string, string | number>;
}

/**
 * The only error type services throw for expected failures. The HTTP layer maps `code` to a
 * status and a localised message through the error catalog; nothing else leaks to clients.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    /** Extra members of the problem document (e.g. the newer messages of a refused reply). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
