/**
 * Bidi controls (RLO/LRO/isolates) let `evil\u202Efdp.exe` pose as `evilexe.pdf`; zero-width
 * characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) hide inside names that look the same.
 */
const BIDI_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/g;
const RESERVED = /[\\/:*?"<>|]/g;

/**
 * A customer's file name made harmless for display and for Content-Disposition: no path, no
 * control or bidi characters, no leading dots, at most 200 characters, never empty.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  let clean = base
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROLS, '')
    .replace(RESERVED, '_')
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length > 200) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 200 - ext.length) + ext;
  }
  return clean || fallback;
}

/** Types a browser may show inline without running anything; everything else downloads. */
const INLINE_SAFE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'application/pdf',
  'text/plain',
]);

/**
 * What to serve a stored file as. HTML, SVG, XML and unknown types become
 * application/octet-stream, so an uploaded page can never run on our origin.
 */
export function downloadContentType(contentType: string): { type: string; inlineSafe: boolean } {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (INLINE_SAFE.has(type))
    return { type: type === 'text/plain' ? 'text/plain; charset=utf-8' : type, inlineSafe: true };
  return { type: 'application/octet-stream', inlineSafe: false };
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name (Arabic names work). */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
