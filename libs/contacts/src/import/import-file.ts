import type { ImportDelimiter, ImportEncoding } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { Readable } from 'node:stream';
import { csvRecords } from './csv-records';
import { detectDelimiter, detectEncoding, SNIFF_BYTES } from './csv-sniff.util';

/** Columns a file may have (a wider one is refused at upload, before anything is stored). */
export const MAX_COLUMNS = 1000;
const SAMPLE_ROWS = 5;
const SAMPLE_CHARS = 200;

/**
 * Encoding, delimiter, header and sample rows from the file's start; refuses what cannot be
 * an import (an unknown encoding, no header row, too many columns, no data rows).
 */
export async function readImportFile(
  data: Buffer,
  chosen: { encoding?: ImportEncoding; delimiter?: ImportDelimiter },
): Promise<{
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  headers: string[];
  samples: string[][];
}> {
  const encoding = chosen.encoding ?? detectEncoding(data);
  if (!encoding) throw new DomainError('contact_import/unknown_encoding');
  const start = new TextDecoder(encoding).decode(data.subarray(0, SNIFF_BYTES), { stream: true });
  const delimiter = chosen.delimiter ?? detectDelimiter(start);
  const records: string[][] = [];
  try {
    for await (const record of csvRecords(Readable.from([data]), encoding, delimiter)) {
      records.push(record);
      if (records.length > SAMPLE_ROWS) break;
    }
  } catch {
    throw new DomainError('contact_import/no_header');
  }
  const [header, ...rows] = records;
  if (!header || !isHeader(header)) throw new DomainError('contact_import/no_header');
  if (header.length > MAX_COLUMNS)
    throw new DomainError('contact_import/too_many_columns', {
      count: header.length,
      max: MAX_COLUMNS,
    });
  if (rows.length === 0) throw new DomainError('contact_import/empty');
  return {
    encoding,
    delimiter,
    headers: header.map((h) => cleanText(h).slice(0, SAMPLE_CHARS)),
    samples: rows.map((row) =>
      row.slice(0, MAX_COLUMNS).map((c) => cleanText(c).slice(0, SAMPLE_CHARS)),
    ),
  };
}

/**
 * A header names columns; a first row holding an email address or a phone-like number, or
 * nothing at all, is data (the file has no header row).
 */
function isHeader(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length === 0) return false;
  return !filled.some(
    (c) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c) || /^\+?[\d\s().\-\u0660-\u0669]{7,}$/.test(c),
  );
}
