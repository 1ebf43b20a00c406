import { Logger } from '@nestjs/common';
import { contentDisposition } from '@sanad/core';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const logger = new Logger('CsvDownload');

/**
 * Streams rows as a CSV download with backpressure (a slow client slows the reads, memory stays
 * flat). The BOM makes Excel read UTF-8 (Arabic). A failure after the first byte cuts the
 * connection: a truncated file must not look like a finished one. Cells are the caller's to
 * make spreadsheet-safe.
 */
export async function sendCsv(
  response: Response,
  file: { fileName: string; rows: AsyncIterable<string[]> },
): Promise<void> {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', contentDisposition('attachment', file.fileName));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-store');
  try {
    await pipeline(
      Readable.from(file.rows),
      stringify({ bom: true, record_delimiter: 'windows' }),
      response,
    );
  } catch (error) {
    logger.warn(`${file.fileName} stopped: ${(error as Error).message}`);
    response.destroy();
  }
}
