import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  'img',
  'font',
  'center',
  'span',
  'u',
  's',
  'hr',
];

/**
 * Email HTML made inert: no scripts, event handlers, forms, frames or CSS that fetches anything.
 * Images keep http(s), `cid:` (inline parts) and data URLs; the SPA shows the result in a
 * sandboxed frame and holds remote images back until the agent allows them.
 */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': [
        'style',
        'dir',
        'lang',
        'align',
        'valign',
        'width',
        'height',
        'bgcolor',
        'color',
        'title',
        // Kept so the viewer can recognise quoted history (gmail_quote, divRplyFwdMsg).
        'class',
        'id',
      ],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      font: ['face', 'size', 'color'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' },
      }),
      '*': (tagName, attribs) => {
        // CSS that could fetch (url(), @import, expression()) goes; plain styling stays.
        if (attribs.style && /url\s*\(|expression\s*\(|@import|behavior\s*:/i.test(attribs.style)) {
          const rest = { ...attribs };
          delete rest.style;
          return { tagName, attribs: rest };
        }
        return { tagName, attribs };
      },
    },
  });
}
