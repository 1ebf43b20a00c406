import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FORM_FONT_DIR, FORM_FONT_FILES, formPageFonts } from './form-page.fonts';

describe('form page fonts', () => {
  it('lists files that exist, and the page names only those', () => {
    expect(FORM_FONT_FILES).toHaveLength(6);
    for (const file of FORM_FONT_FILES) expect(existsSync(join(FORM_FONT_DIR, file))).toBe(true);
    const fonts = formPageFonts('/public/forms/fonts');
    expect(fonts.map((f) => f.url.replace('/public/forms/fonts/', '')).sort()).toEqual(
      [...FORM_FONT_FILES].sort(),
    );
    expect(fonts.every((f) => f.unicodeRange)).toBe(true);
  });
});
