import { CSRF_COOKIE, CSRF_HEADER, type Problem, type ProblemFieldError } from '@sanad/contracts';
import { currentFormatter } from '@/composables/useLocale';
import { currentLanguage, i18n } from '@/modules/i18n';

/** Every failed API call, normalised: a localised message, field errors and the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: ProblemFieldError[] = [],
    readonly retryAfter: number | null = null,
    /** Extra members of the problem document (e.g. the newer messages of a refused reply). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one form field, if the server named it. */
  field(name: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === name)?.message;
  }
}

function csrfToken(): string | null {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : null;
}

/** Listeners told about 401s, so the app can go back to the login screen. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void): void {
  unauthenticatedListeners.add(listener);
}

/** `headers`: extra request headers (e.g. `Idempotency-Key` on a creating POST). */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: { headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  // FormData (file uploads) sets its own multipart boundary.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.global.t('common.networkError'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return data as T;
  const problem = (data ?? {}) as Partial<Problem>;
  const retryAfter = Number(response.headers.get('Retry-After')) || null;
  if (response.status === 401 && problem.code === 'auth/unauthenticated')
    unauthenticatedListeners.forEach((listener) => listener());
  // The server writes numbers in Latin digits; they are shown in the reader's, like the hints.
  const format = currentFormatter();
  const message =
    response.status === 429 && retryAfter
      ? i18n.global.t('common.rateLimited', { seconds: format.integer(retryAfter) }, retryAfter)
      : problem.detail
        ? format.digitise(problem.detail)
        : i18n.global.t('common.errorGeneric');
  const known = new Set(['type', 'title', 'status', 'code', 'detail', 'errors']);
  const extra = Object.fromEntries(Object.entries(problem).filter(([key]) => !known.has(key)));
  throw new ApiError(
    response.status,
    problem.code ?? 'unknown',
    message,
    (problem.errors ?? []).map((error) => ({ ...error, message: format.digitise(error.message) })),
    retryAfter,
    extra,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : i18n.global.t('common.errorGeneric');
}
