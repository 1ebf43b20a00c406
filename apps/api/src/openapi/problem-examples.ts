import { DomainError, type ErrorCode, type FieldError } from '@sanad/core';
import { problemFor } from '../http/problem.filter';

/** Sample values for the placeholders of the catalog's messages. */
const SAMPLE_PARAMS: Record<string, string | number> = {
  limit: '1024 KB',
  max: 200,
  retryAfter: 42,
  key: 'name',
  name: 'order_number',
  address: 'support@example.com',
  allowed: 'read, write',
  columns: 'email',
  count: 3,
  events: 'conversation.created',
  host: 'hooks.example.com',
  reason: '550 mailbox unavailable',
  row: 3,
  status: 500,
};

/** Example problems, one per code and language, shared by the operations through $refs. */
export class ProblemExamples {
  readonly components: Record<string, { summary: string; value: unknown }> = {};

  /** References for an operation: every code in English, the first also in Arabic. */
  refs(codes: ErrorCode[]): Record<string, { $ref: string }> {
    const refs: Record<string, { $ref: string }> = {};
    codes.forEach((code, index) => {
      for (const language of index === 0 ? (['en', 'ar'] as const) : (['en'] as const)) {
        const name = `${code.replace('/', '.')}${language === 'ar' ? '.ar' : ''}`;
        this.components[name] ??= {
          summary: language === 'ar' ? `${code} (العربية)` : code,
          value: problemFor(this.error(code), language),
        };
        refs[name] = { $ref: `#/components/examples/${name}` };
      }
    });
    return refs;
  }

  private error(code: ErrorCode): DomainError {
    const fields: FieldError[] =
      code === 'request/validation' ? [{ field: 'name', code: 'isNotEmpty' }] : [];
    return new DomainError(code, SAMPLE_PARAMS, fields);
  }
}
