import express, { type NextFunction, type Request, type Response, type Express } from 'express';
import { DomainError } from '@sanad/core';
import { checkJsonShape, type JsonShapeProblem } from './json-shape.util';
import { problemFor, requestLanguage, sendProblem } from './problem.filter';

/** Deeper than this no request of ours goes; more keys than this no request of ours has. */
const JSON_LIMITS = { maxDepth: 32, maxKeys: 2000 };

class JsonShapeError extends Error {
  readonly type = 'sanad.json_shape';
  constructor(readonly problem: JsonShapeProblem) {
    super(problem.kind);
  }
}

function shapeError(problem: JsonShapeProblem): DomainError {
  if (problem.kind === 'duplicate_key')
    return new DomainError('request/duplicate_key', { key: problem.key });
  return new DomainError(problem.kind === 'depth' ? 'request/too_deep' : 'request/too_many_keys', {
    limit: problem.limit,
  });
}

/**
 * JSON bodies with our limit; malformed JSON and oversized bodies become problem+json answers
 * here, before any route runs.
 */
export function installBodyParsing(app: Express, maxBodyKb: number): void {
  app.use(
    express.json({
      limit: `${maxBodyKb}kb`,
      strict: true,
      // Before JSON.parse: depth, key count and duplicate keys, in one cheap pass.
      verify: (_request, _response, body) => {
        const problem = checkJsonShape(body.toString('utf8'), JSON_LIMITS);
        if (problem) throw new JsonShapeError(problem);
      },
    }),
  );
  app.use(
    (
      error: Error & { type?: string; status?: number },
      request: Request,
      response: Response,
      next: NextFunction,
    ) => {
      if (error instanceof JsonShapeError)
        return sendProblem(
          response,
          problemFor(shapeError(error.problem), requestLanguage(request)),
        );
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
