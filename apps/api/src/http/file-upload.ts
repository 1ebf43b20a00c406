import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { UploadedFile } from '@sanad/conversations';
import { DomainError, type ErrorCode } from '@sanad/core';

/**
 * One multipart file in the `file` field, held in memory up to `maxMb`. Browsers send UTF-8 file
 * names without saying so, hence defParamCharset: Arabic names arrive intact.
 */
export function fileUploadHandler(maxMb: number): RequestHandler {
  return multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: maxMb * 1024 * 1024, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
  }).single('file');
}

/** What a too-large or missing file is answered with (an attachment's codes unless told). */
export interface UploadErrors {
  tooLarge: ErrorCode;
  missing: ErrorCode;
  /** When set, the refusal also names this field in `errors` (rule `maxFileSize`/`isNotEmpty`). */
  field?: string;
}

export function receiveFile(
  handler: RequestHandler,
  maxMb: number,
  request: Request,
  response: Response,
  codes: UploadErrors = { tooLarge: 'attachment/too_large', missing: 'attachment/missing' },
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    handler(request, response, (error?: unknown) => {
      const refuse = (code: ErrorCode, rule: string, params: Record<string, string> = {}) =>
        new DomainError(
          code,
          params,
          codes.field ? [{ field: codes.field, code: rule, params }] : [],
        );
      if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE')
        return reject(refuse(codes.tooLarge, 'maxFileSize', { limit: `${maxMb} MB` }));
      if (error) return reject(refuse(codes.missing, 'isNotEmpty'));
      const file = (request as Request & { file?: Express.Multer.File }).file;
      if (!file) return reject(refuse(codes.missing, 'isNotEmpty'));
      resolve({ fileName: file.originalname, contentType: file.mimetype, data: file.buffer });
    });
  });
}
