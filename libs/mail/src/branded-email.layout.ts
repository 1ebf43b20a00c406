import type { StoredBrand } from '@sanad/accounts';
import { DEFAULT_BRAND, type BrandColours, type Language } from '@sanad/contracts';
import { escapeHtml } from '@sanad/core';

/** The workspace as its customers' emails show it. */
export interface EmailBrand {
  name: string;
  language: Language;
  colours: BrandColours;
  /** Absolute URL of the logo (PUBLIC_URL + its content-addressed path), or null. */
  logoUrl: string | null;
  logoSize: { width: number; height: number } | null;
}

/** The logo is shown at most this tall in an email header. */
const LOGO_HEIGHT = 42;

/**
 * A simple branded layout that mail clients render alike (tables, inline styles, no CSS
 * classes): the logo (or the workspace's name) over a bar in the brand colour, the message,
 * and the workspace's name underneath. The message keeps `dir="auto"` per paragraph; the frame
 * follows the workspace's language.
 */
export function brandedEmailHtml(body: string, brand: EmailBrand): string {
  const dir = brand.language === 'ar' ? 'rtl' : 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const name = escapeHtml(brand.name);
  const { primary } = brand.colours;
  // Outlook ignores CSS sizes: the attributes carry them (the logo scaled to at most 42 px tall).
  const size = brand.logoSize ?? { width: LOGO_HEIGHT, height: LOGO_HEIGHT };
  const height = Math.min(LOGO_HEIGHT, size.height);
  const width = Math.round((size.width * height) / size.height);
  const header = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${name}" width="${width}" height="${height}" style="display:block;width:${width}px;height:${height}px;max-width:100%;border:0">`
    : `<span style="font-size:18px;font-weight:bold;color:${brand.colours.link}">${name}</span>`;
  return [
    `<!doctype html><html lang="${brand.language}" dir="${dir}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1"></head>`,
    `<body style="margin:0;padding:0;background:#f4f5f7">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:24px 12px">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="${dir}" style="max-width:640px;background:#ffffff;border-radius:8px;border-top:4px solid ${primary}">`,
    `<tr><td align="${align}" style="padding:20px 24px 12px">${header}</td></tr>`,
    `<tr><td dir="auto" style="padding:8px 24px 24px;font-family:Tahoma,Arial,sans-serif;font-size:14px;line-height:1.6;color:#1a1a1a;text-align:start">${body}</td></tr>`,
    `</table>`,
    `<p dir="${dir}" style="margin:12px 0 0;font-family:Tahoma,Arial,sans-serif;font-size:12px;color:#6b7280">${name}</p>`,
    `</td></tr></table></body></html>`,
  ].join('');
}

/** The brand an email wears: the workspace's, with the logo's URL made absolute. */
export function emailBrand(
  workspace: { name: string; defaultLanguage: Language; brand: StoredBrand } | null,
  publicUrl: string,
  fallbackName: string,
): EmailBrand {
  const brand = workspace?.brand ?? DEFAULT_BRAND;
  return {
    name: workspace?.name ?? fallbackName,
    language: workspace?.defaultLanguage ?? 'ar',
    colours: brand.colours,
    logoUrl: brand.logo ? `${publicUrl.replace(/\/$/, '')}${brand.logo.url}` : null,
    logoSize: brand.logo ? { width: brand.logo.width, height: brand.logo.height } : null,
  };
}
