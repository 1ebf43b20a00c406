import type { Language } from '@sanad/contracts';
import { DomainError, languageFromAcceptLanguage } from '@sanad/core';
import {
  FORM_CONTROL_FIELDS,
  RENDER_TOKEN_FIELD,
  honeypotName,
  type IncomingSubmission,
} from '@sanad/forms';
import type { Request } from 'express';
import type { FormPost } from './form-post';

/** Fields a post carries besides the answers (the page's, or a custom form's return page). */
const CONTROL_FIELDS = [
  RENDER_TOKEN_FIELD,
  FORM_CONTROL_FIELDS.language,
  FORM_CONTROL_FIELDS.page,
  '_sanad_return',
];

/** A browser's post (hosted page, embed, custom HTML): answers apart from the control fields. */
export function submissionFromPost(
  key: string,
  post: FormPost,
  request: Request,
  ip: string,
  secret: string,
): IncomingSubmission {
  const honeypot = honeypotName(secret, key);
  const answers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(post.fields))
    if (name !== honeypot && !CONTROL_FIELDS.includes(name)) answers[name] = value;
  const single = (name: string): string | null => {
    const value = post.fields[name];
    return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
  };
  return {
    key,
    answers,
    files: post.files,
    language: languageOf(single(FORM_CONTROL_FIELDS.language), request),
    pageUrl: single(FORM_CONTROL_FIELDS.page),
    referrer: request.headers.referer ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    ip,
    spam: {
      honeypot: post.fields[honeypot] === undefined ? undefined : (single(honeypot) ?? ''),
      token: single(RENDER_TOKEN_FIELD),
    },
  };
}

/** The JSON endpoint's `{ values, language?, pageUrl?, token? }`: values by field key. */
export function submissionFromJson(
  key: string,
  body: unknown,
  request: Request,
  ip: string,
): IncomingSubmission {
  const json = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values = json.values;
  if (!values || typeof values !== 'object' || Array.isArray(values))
    throw new DomainError('request/validation', {}, [{ field: 'values', code: 'isObject' }]);
  const unknown = Object.keys(json).filter(
    (k) => !['values', 'language', 'pageUrl', 'token'].includes(k),
  );
  if (unknown.length > 0)
    throw new DomainError(
      'request/validation',
      {},
      unknown.map((field) => ({ field, code: 'whitelistValidation' })),
    );
  return {
    key,
    answers: values as Record<string, unknown>,
    files: [],
    language: languageOf(json.language, request),
    pageUrl: typeof json.pageUrl === 'string' ? json.pageUrl : null,
    referrer: request.headers.referer ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    ip,
    spam: { token: typeof json.token === 'string' ? json.token : null },
  };
}

/** `lang` as sent, else the browser's Accept-Language; null leaves it to the form. */
export function languageOf(value: unknown, request: Request): Language | null {
  if (value === 'ar' || value === 'en') return value;
  const header = request.headers['accept-language'];
  return header ? languageFromAcceptLanguage(header) : null;
}
