/** One field that failed validation, with the rule it broke in the caller's language. */
export interface ProblemFieldError {
  /** The field (`contact.email`), query parameter or header (`Idempotency-Key`). */
  field: string;
  /** The rule: `isNotEmpty`, `maxLength`, `isIn`, ... */
  code: string;
  message: string;
}

/** RFC 9457 problem details, as every API error is answered (`application/problem+json`). */
export interface Problem {
  /** `https://sanad.dev/problems/<code>`. */
  type: string;
  /** The message in English, whatever the caller's language. */
  title: string;
  /** The HTTP status, again. */
  status: number;
  /** The stable code to branch on: it never changes, unlike the messages. */
  code: string;
  /** The message in the caller's language (their profile's, else Accept-Language, else Arabic). */
  detail: string;
  /** Field-level failures of a `request/validation` answer (at most 50). */
  errors?: ProblemFieldError[];
}
