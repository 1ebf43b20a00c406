import { dirname, join } from 'node:path';
import type { FormPageFont } from './form-page.renderer';

/** Where the self-hosted webfont's files are (the package the SPA uses too). */
export const FORM_FONT_DIR = join(
  dirname(require.resolve('@fontsource/ibm-plex-sans-arabic/package.json')),
  'files',
);

const SUBSETS = {
  arabic:
    'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
} as const;
const WEIGHTS = [400, 600, 700] as const;

/** The file names a controller may serve from FORM_FONT_DIR (an allow-list: nothing else). */
export const FORM_FONT_FILES: readonly string[] = WEIGHTS.flatMap((weight) =>
  Object.keys(SUBSETS).map((subset) => `ibm-plex-sans-arabic-${subset}-${weight}-normal.woff2`),
);

/** The page's `fonts`, served under `baseUrl` (e.g. `/public/forms/fonts`). */
export function formPageFonts(baseUrl: string): FormPageFont[] {
  return WEIGHTS.flatMap((weight) =>
    (Object.keys(SUBSETS) as Array<keyof typeof SUBSETS>).map((subset) => ({
      weight,
      url: `${baseUrl}/ibm-plex-sans-arabic-${subset}-${weight}-normal.woff2`,
      unicodeRange: SUBSETS[subset],
    })),
  );
}
