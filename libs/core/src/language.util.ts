export type Language = 'ar' | 'en';

/**
 * Picks ar or en from an Accept-Language header by quality; Arabic is the default, as it is
 * everywhere in Sanad.
 */
export function languageFromAcceptLanguage(header: string | undefined | null): Language {
  if (!header) return 'ar';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...attrs] = part.trim().toLowerCase().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranked.find((entry) => entry.base === 'ar' || entry.base === 'en');
  return match ? (match.base as Language) : 'ar';
}

export function isLanguage(value: unknown): value is Language {
  return value === 'ar' || value === 'en';
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Latin digits in `text` written as Arabic-Indic (٠-٩) when `digits` is `arab`. */
export function withDigits(text: string, digits: 'latn' | 'arab'): string {
  return digits === 'arab' ? text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]) : text;
}
