import type { Language } from '@sanad/core';

/** Quoted history as Gmail, Outlook, Apple Mail and Thunderbird mark it. */
const QUOTE_SELECTORS = [
  '.gmail_quote',
  'blockquote',
  '#divRplyFwdMsg',
  '#divRplyFwdMsg ~ *',
  '#appendonsend ~ *',
  '.moz-cite-prefix',
];
const HAS_QUOTE = /gmail_quote|<blockquote|divRplyFwdMsg|appendonsend|moz-cite-prefix/i;

const LABELS: Record<Language, { show: string; hide: string }> = {
  ar: { show: 'إظهار النص المقتبس', hide: 'إخفاء النص المقتبس' },
  en: { show: 'Show quoted text', hide: 'Hide quoted text' },
};

/**
 * The document the thread frames for an email's (already sanitised) HTML: inline `cid:` images
 * point at their attachments, quoted history folds behind a toggle that needs no script, links
 * open outside. Remote images are held back by the CSP the response carries, not here.
 */
export function emailDocument(
  html: string,
  inlineImages: Map<string, string>,
  language: Language,
): string {
  const body = html.replace(
    /(<img\b[^>]*?\bsrc=")cid:([^"]+)"/gi,
    (whole, start: string, cid: string) => {
      const url = inlineImages.get(decodeURIComponent(cid).toLowerCase());
      return url ? `${start}${url}"` : whole;
    },
  );
  const quoted = HAS_QUOTE.test(body);
  const labels = LABELS[language];
  const hide = QUOTE_SELECTORS.map((s) => `#sanad-quote:not(:checked) ~ .sanad-body ${s}`).join(
    ',',
  );
  const style = [
    'html,body{margin:0;padding:0;background:#fff;color:#111}',
    'body{font:14px/1.6 Tahoma,Arial,sans-serif;padding:4px 2px;overflow-wrap:anywhere}',
    'img{max-width:100%;height:auto}',
    'table{max-width:100%}',
    'blockquote{margin:0 0 0 8px;padding:0 8px;border-inline-start:3px solid #ddd;color:#555}',
    ...(quoted
      ? [
          `${hide}{display:none!important}`,
          '.sanad-toggle{display:inline-block;margin-top:8px;padding:2px 10px;border:1px solid #ccc;border-radius:12px;color:#555;font-size:12px;cursor:pointer;user-select:none}',
          '#sanad-quote{position:absolute;opacity:0;pointer-events:none}',
          '#sanad-quote:checked ~ .sanad-toggle .show,#sanad-quote:not(:checked) ~ .sanad-toggle .hide{display:none}',
        ]
      : []),
  ].join('\n');
  const toggle = quoted
    ? `<label class="sanad-toggle" for="sanad-quote"><span class="show">… ${labels.show}</span><span class="hide">${labels.hide}</span></label>`
    : '';
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>${style}</style></head><body dir="auto">${
    quoted ? '<input type="checkbox" id="sanad-quote">' : ''
  }<div class="sanad-body">${body}</div>${toggle}</body></html>`;
}

/** Whether the HTML loads images from the internet (so the agent is offered to show them). */
export function hasRemoteImages(html: string): boolean {
  return /<img\b[^>]*\bsrc="https?:/i.test(html);
}
