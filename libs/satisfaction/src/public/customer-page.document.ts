import type { Language, PublicThemeView } from '@sanad/contracts';
import { escapeHtml } from '@sanad/core';
import { formPageStyles, type FormPageFont } from '@sanad/forms';

/** What every page a customer opens from our email (rating, NPS) is framed by. */
export interface CustomerPageFrame {
  language: Language;
  theme: PublicThemeView;
  /** The CSP nonce of this response, on the style block and the page's one script. */
  nonce: string;
  fonts: FormPageFont[];
  /** The same page in the other language. */
  otherLanguageUrl: string | null;
}

export interface CustomerPageParts {
  title: string;
  heading: string;
  body: string;
  /** The main card's class. */
  card: string;
  /** The page's own styles, after the forms' base styles in the workspace's colours. */
  styles: string;
  /** A language's own name (the switch shows the other one), and the footer's line. */
  languageName: (language: Language) => string;
  poweredBy: string;
}

/**
 * The whole document: right to left in Arabic, the workspace's logo (or name) and colours, a
 * switch to the other language, nothing loaded from elsewhere, every value escaped.
 */
export function customerPageDocument(frame: CustomerPageFrame, parts: CustomerPageParts): string {
  const { language, theme, nonce } = frame;
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const logo = theme.logoUrl && /^(https?:|\/)/.test(theme.logoUrl) ? theme.logoUrl : null;
  const mark = logo
    ? `<img class="brand__logo" src="${escapeHtml(logo)}" alt="${escapeHtml(theme.name)}">`
    : `<span class="brand__name" dir="auto">${escapeHtml(theme.name)}</span>`;
  const other: Language = language === 'ar' ? 'en' : 'ar';
  const switcher = frame.otherLanguageUrl
    ? `<nav class="lang" aria-label="${language === 'ar' ? 'اللغة' : 'Language'}"><a class="lang__link" href="${escapeHtml(frame.otherLanguageUrl)}" lang="${other}" hreflang="${other}">${escapeHtml(parts.languageName(other))}</a></nav>`
    : '';
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light">
<title>${escapeHtml(`${parts.title} · ${theme.name}`)}</title>
<style nonce="${escapeHtml(nonce)}">${formPageStyles(theme.colours, frame.fonts)}${parts.styles}</style>
</head>
<body>
<div class="page">
<header class="brand">${mark}${switcher}</header>
<main class="${parts.card}" id="main">
<h1 class="card__title">${escapeHtml(parts.heading)}</h1>
${parts.body}
</main>
<footer class="footer"><span>${escapeHtml(parts.poweredBy)}</span></footer>
</div>
</body>
</html>
`;
}
