import { DomainError } from '@sanad/core';
import type { IncomingFile } from '@sanad/forms';
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer, { MulterError } from 'multer';

/** What a browser's form post (or a multipart API call) carried: fields by name, and files. */
export interface FormPost {
  fields: Record<string, string | string[]>;
  files: IncomingFile[];
}

const MAX_FIELDS = 300;
const MAX_FIELD_BYTES = 64 * 1024;
/** Files of one submission in all (a form's file fields take at most 10 each). */
const MAX_FILES = 20;

/**
 * Reads `multipart/form-data` (files in memory, each at most `maxMb`, all together checked by the
 * caller) or `application/x-www-form-urlencoded`. JSON bodies were parsed already by the global
 * parser and are left alone. Limits answer 413 naming them; a broken body is a 400.
 */
export function formPostReader(
  maxMb: number,
): (request: Request, response: Response) => Promise<FormPost | null> {
  const multipart = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: {
      fileSize: maxMb * 1024 * 1024,
      files: MAX_FILES,
      fields: MAX_FIELDS,
      fieldSize: MAX_FIELD_BYTES,
      parts: MAX_FIELDS + MAX_FILES,
    },
  }).any();
  const urlencoded = express.urlencoded({
    extended: false,
    limit: `${MAX_FIELD_BYTES * 4}b`,
    parameterLimit: MAX_FIELDS,
  });
  const run = (handler: RequestHandler, request: Request, response: Response) =>
    new Promise<void>((resolve, reject) =>
      handler(request, response, (error?: unknown) =>
        error ? reject(error instanceof Error ? error : new Error('form body')) : resolve(),
      ),
    );
  return async (request, response) => {
    const type = (request.headers['content-type'] ?? '').toLowerCase();
    const isMultipart = type.startsWith('multipart/form-data');
    if (!isMultipart && !type.startsWith('application/x-www-form-urlencoded')) return null;
    // The whole request's limit, before a byte is read (each file is capped again as it streams).
    if (Number(request.headers['content-length'] ?? 0) > maxMb * 1024 * 1024)
      throw new DomainError('form/too_large', { limit: `${maxMb} MB` });
    try {
      await run(isMultipart ? multipart : urlencoded, request, response);
    } catch (error) {
      if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE')
        throw new DomainError('form/too_large', { limit: `${maxMb} MB` });
      if (error instanceof MulterError || (error as { type?: string }).type === 'entity.too.large')
        throw new DomainError('request/too_large', { limit: (error as Error).message });
      throw new DomainError('request/validation', {}, [{ field: 'body', code: 'malformedBody' }]);
    }
    const body = (request.body ?? {}) as Record<string, string | string[]>;
    // A file input left empty still sends a part: no name, no bytes.
    const uploaded = ((request as Request & { files?: Express.Multer.File[] }).files ?? []).filter(
      (f) => f.size > 0 || f.originalname !== '',
    );
    return {
      fields: { ...body },
      files: uploaded.map((f) => ({
        fieldKey: f.fieldname,
        fileName: f.originalname,
        contentType: f.mimetype,
        data: f.buffer,
      })),
    };
  };
}
