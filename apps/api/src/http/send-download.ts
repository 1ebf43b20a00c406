import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { contentDisposition, downloadContentType } from '@sanad/core';

/**
 * Serves a stored file so it can never act as a page of ours: a safe type (HTML, SVG and the
 * unknown become octet-stream), nosniff, a sandboxing CSP, and `attachment` unless the caller
 * asked for inline and the type is an image or PDF.
 */
export function sendDownload(
  response: Response,
  file: { fileName: string; contentType: string; size: number; data: Readable },
  wantInline: boolean,
): void {
  const { type, inlineSafe } = downloadContentType(file.contentType);
  response.setHeader('Content-Type', type);
  response.setHeader('Content-Length', String(file.size));
  response.setHeader(
    'Content-Disposition',
    contentDisposition(wantInline && inlineSafe ? 'inline' : 'attachment', file.fileName),
  );
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', 'private, max-age=3600');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  file.data.on('error', () => response.destroy());
  file.data.pipe(response);
}
