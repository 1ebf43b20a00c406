/** Text as we store it: NFC, without NUL bytes (PostgreSQL rejects them), trimmed. */
export function cleanText(value: string): string {
  return value.split('\u0000').join('').normalize('NFC').replace(COMBINING_RUN, '$1').trim();
}

/**
 * More than four combining marks on one letter is "Zalgo" text that paints over its neighbours;
 * real scripts (Arabic harakat with shadda included) need fewer.
 */
const COMBINING_RUN = /(\p{M}{4})\p{M}+/gu;

/** A name from outside (an email's display name): cleaned, and at most `max` characters. */
export function cappedName(value: string, max = 200): string {
  return [...cleanText(value)].slice(0, max).join('').trim();
}

/** Removes NUL bytes (PostgreSQL rejects them) but keeps the text otherwise as written. */
export function stripNul(value: string): string {
  return value.split('\u0000').join('');
}

/** Emails compare case-insensitively; we store them lower-cased and NFC. */
export function normaliseEmail(value: string): string {
  return cleanText(value).toLowerCase();
}

/** A URL slug from any name; Arabic names fall back to a random suffix-only slug by the caller. */
export function slugify(value: string): string {
  return cleanText(value)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** Text made safe to place inside HTML (outgoing email bodies). */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
