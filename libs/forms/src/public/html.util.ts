/**
 * The few HTML helpers the server-rendered form pages need. Everything a customer or an agent
 * wrote goes through `escapeHtml` before it reaches the page, in text and in attributes alike.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Safe in element text and in a quoted attribute value (single or double quotes). */
export function escapeHtml(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}

/** ` name="value"` for each attribute that is set; `true` gives a bare boolean attribute. */
export function attributes(
  attrs: Record<string, string | number | boolean | null | undefined>,
): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** A URL fit for `href`/`src`: http(s), or a path on this site; anything else (`javascript:`) is null. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const url = value.trim();
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return null;
}

/** A colour fit for inlined CSS (hex only), else the fallback. */
export function safeColour(value: string | null | undefined, fallback: string): string {
  return value && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : fallback;
}

/** A text of several lines as escaped paragraphs (blank lines split them, single breaks stay). */
export function paragraphs(text: string, className: string): string {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map(
      (part) =>
        `<p class="${className}" dir="auto">${escapeHtml(part).replace(/\r?\n/g, '<br>')}</p>`,
    )
    .join('');
}
