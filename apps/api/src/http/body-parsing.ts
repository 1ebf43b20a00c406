import express, { type NextFunction, type Request, type Response, type Express } from 'express';
import { DomainError } from '@sanad/core';
import { problemFor, requestLanguage, sendProblem } from './problem.filter';

/**
 * JSON bodies with our limit; malformed JSON and oversized bodies become problem+json answers
 * here, before any route runs.
 */
export function installBodyParsing(app: Express, maxBodyKb: number): void {
  app.use(express.json({ limit: `${maxBodyKb}kb`, strict: true }));
  app.use(
    (
      error: Error & { type?: string; status?: number },
      request: Request,
      response: Response,
      next: NextFunction,
    ) => {
      if (error.type === 'entity.too.large') {
        return sendProblem(
          response,
          problemFor(
            new DomainError('request/too_large', { limit: `${maxBodyKb} KB` }),
            requestLanguage(request),
          ),
        );
      }
      if (error.type === 'entity.parse.failed') {
        return sendProblem(
          response,
          problemFor(new DomainError('request/malformed_json'), requestLanguage(request)),
        );
      }
      if (error.status && error.status >= 400 && error.status < 500) {
        return sendProblem(
          response,
          problemFor(new DomainError('request/unsupported_media_type'), requestLanguage(request)),
        );
      }
      next(error);
    },
  );
}
