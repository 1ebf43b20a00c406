import type { ImportDelimiter, ImportEncoding } from '@sanad/contracts';
import { IMPORT_DELIMITERS } from '@sanad/contracts';

/** How much of the file the guesses read: enough for a header and a few hundred rows. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The file's text encoding, or null when it is none we read. A byte-order mark decides;
 * without one, NUL bytes on one side of each pair mean UTF-16 (Excel's "Unicode Text" has a BOM,
 * other tools drop it), valid UTF-8 is UTF-8, and bytes that read as Arabic letters in
 * windows-1256 (Arabic Excel's "CSV") are windows-1256. Latin-1 files and binary data are refused
 * rather than imported as mojibake.
 */
export function detectEncoding(data: Buffer): ImportEncoding | null {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  const sample = data.subarray(0, SNIFF_BYTES);
  const utf16 = utf16ByNuls(sample);
  if (utf16) return utf16;
  if (sample.includes(0)) return null;
  if (isUtf8(sample, sample.length < data.length)) return 'utf-8';
  return looksLikeWindows1256(sample) ? 'windows-1256' : null;
}

function utf16ByNuls(sample: Buffer): ImportEncoding | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  // ASCII-heavy UTF-16 has a NUL in most pairs; Arabic UTF-16 (06xx) has none, but its high
  // bytes are 0x06 on the same side, which the check below catches.
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  let odd06 = 0;
  let even06 = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i + 1] === 0x06) odd06++;
    if (sample[i] === 0x06) even06++;
  }
  if (odd06 > pairs * 0.5) return 'utf-16le';
  if (even06 > pairs * 0.5) return 'utf-16be';
  return null;
}

/** Valid UTF-8; a sample cut from a longer file may end inside a character. */
function isUtf8(sample: Buffer, truncated: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

/** Most non-ASCII characters are Arabic letters, digits or punctuation when read as windows-1256. */
function looksLikeWindows1256(sample: Buffer): boolean {
  const text = new TextDecoder('windows-1256').decode(sample);
  let high = 0;
  let arabic = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    high++;
    if ((code >= 0x0600 && code <= 0x06ff) || code === 0xa0 || code === 0x200c || code === 0x200d)
      arabic++;
  }
  return high > 0 && arabic / high >= 0.6;
}

/**
 * The delimiter of a CSV from its first lines: the one of comma, semicolon and tab that splits
 * them into the most columns the same way (quoted text is not counted). Comma when none does.
 */
export function detectDelimiter(text: string): ImportDelimiter {
  const lines = firstLines(text, 20);
  let best: ImportDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of IMPORT_DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = first * consistent;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < max && start < text.length && !quoted) lines.push(text.slice(start));
  return lines.filter((l) => l.trim() !== '');
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count++;
  }
  return count;
}
