import type { ImportDelimiter, ImportEncoding } from '@sanad/contracts';
import { parse } from 'csv-parse';
import { Transform, type Readable } from 'node:stream';

/** Longest record the parser holds (a 10 MB cell fits; its row is refused, not the file). */
const MAX_RECORD_CHARS = 12 * 1024 * 1024;

/** Bytes in the given encoding to text, chunk by chunk (a character split across chunks is kept). */
function decoder(encoding: ImportEncoding): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const part = text.decode(chunk, { stream: true });
      done(null, part || undefined);
    },
    flush(done) {
      const rest = text.decode();
      done(null, rest || undefined);
    },
  });
}

/**
 * The file's records, streamed: decoded, split by the delimiter, quotes honoured, rows of any
 * length kept (the import judges them), blank lines skipped. The byte-order mark goes with the
 * decoding. Memory holds one chunk and one record, whatever the file's size.
 */
export async function* csvRecords(
  source: Readable,
  encoding: ImportEncoding,
  delimiter: ImportDelimiter,
): AsyncGenerator<string[]> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const text = decoder(encoding);
  source.on('error', (error) => parser.destroy(error));
  text.on('error', (error) => parser.destroy(error));
  source.pipe(text).pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record;
  } finally {
    source.unpipe();
    source.destroy();
    text.destroy();
    parser.destroy();
  }
}
