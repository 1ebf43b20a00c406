import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { Problem } from '@sanad/contracts';
import {
  DomainError,
  fieldMessage,
  languageFromAcceptLanguage,
  type ErrorCode,
  type Language,
} from '@sanad/core';
import type { Request, Response } from 'express';
import { errorMessage, errorStatus } from './error-catalog';

/** Nest's own HTTP errors (unknown route, ...) mapped to our stable codes. */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  401: 'auth/unauthenticated',
  403: 'auth/forbidden',
  404: 'request/not_found',
  413: 'request/too_large',
  415: 'request/unsupported_media_type',
};

export function requestLanguage(request: Request): Language {
  const user = (request as Request & { user?: Principal }).user;
  return user?.language ?? languageFromAcceptLanguage(request.headers['accept-language']);
}

/** Builds an RFC 9457 body for a domain error in the caller's language. */
export function problemFor(error: DomainError, language: Language): Problem {
  const status = errorStatus(error.code);
  const detail = errorMessage(error.code, language, error.params);
  return {
    type: `https://sanad.dev/problems/${error.code}`,
    title: errorMessage(error.code, 'en', error.params),
    status,
    code: error.code,
    detail,
    ...error.extra,
    ...(error.fieldErrors.length > 0
      ? {
          errors: error.fieldErrors.map((f) => ({
            field: f.field,
            code: f.code,
            message: fieldMessage(f.code, language, f.params),
          })),
        }
      : {}),
  };
}

export function sendProblem(
  response: Response,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** The one place errors become HTTP answers; unknown errors are logged and answered 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const error = this.toDomainError(exception);
    const problem = problemFor(error, requestLanguage(request));
    const headers: Record<string, string> = {};
    // Every rate limit (logins, API tokens) says when to come back.
    if (error.params.retryAfter !== undefined)
      headers['Retry-After'] = String(error.params.retryAfter);
    sendProblem(response, problem, headers);
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof HttpException) {
      // A path parameter that is not valid percent-encoding (router's decode_param).
      if (exception.getStatus() === 400 && exception.message.startsWith('Failed to decode param'))
        return new DomainError('request/malformed_path');
      const code = HTTP_STATUS_CODES[exception.getStatus()];
      if (code) return new DomainError(code, { limit: '' });
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return new DomainError('internal');
  }
}
