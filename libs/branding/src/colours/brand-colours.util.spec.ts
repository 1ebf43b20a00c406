import { BRAND_PALETTE, DEFAULT_BRAND, DEFAULT_BRAND_COLOUR } from '@sanad/contracts';
import {
  AA_CONTRAST,
  brandColours,
  contrastRatio,
  luminance,
  normaliseHex,
} from './brand-colours.util';

describe('brand colours', () => {
  it('reads 3- and 6-digit hex in any case and refuses anything else', () => {
    expect(normaliseHex('#45b97c')).toBe('#45B97C');
    expect(normaliseHex(' #4b7 ')).toBe('#44BB77');
    for (const bad of ['45B97C', '#45B97', '#GGGGGG', '#45B97C00', 'red', '', '#'])
      expect(normaliseHex(bad)).toBeNull();
  });

  it("derives a new workspace's brand colours as the contracts state them", () => {
    expect(brandColours(DEFAULT_BRAND_COLOUR)).toEqual(DEFAULT_BRAND.colours);
  });

  it('computes WCAG luminance and contrast', () => {
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('#000000')).toBeCloseTo(0);
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21);
    // The reference pair from WCAG's understanding docs: #767676 on white is 4.54:1.
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#FFFFFF', '#767676')).toBe(contrastRatio('#767676', '#FFFFFF'));
  });

  it.each([
    ['#1F7A5C', '#FFFFFF'],
    ['#111827', '#FFFFFF'],
    ['#FFEB3B', '#1A1A1A'],
    ['#45B97C', '#1A1A1A'],
  ])('picks the readable text colour on %s', (colour, text) => {
    const colours = brandColours(colour);
    expect(colours.onPrimary).toBe(text);
    expect(colours.contrastOk).toBe(true);
    expect(contrastRatio(colours.onPrimary, colours.primary)).toBeGreaterThanOrEqual(AA_CONTRAST);
  });

  it('warns when neither white nor dark text reaches AA on a mid-tone colour', () => {
    const colours = brandColours('#7F7F7F');
    expect(colours.contrastOk).toBe(false);
    expect(colours.contrastRatio).toBeLessThan(AA_CONTRAST);
  });

  it('derives a link colour readable on white, a visible hover and a light tint, for every suggestion', () => {
    for (const colour of [...BRAND_PALETTE, '#FFEB3B', '#FFFFFF', '#7F7F7F']) {
      const colours = brandColours(colour);
      expect(contrastRatio(colours.link, '#FFFFFF')).toBeGreaterThanOrEqual(AA_CONTRAST);
      expect(colours.primaryHover).not.toBe(colours.primary);
      expect(luminance(colours.primarySoft)).toBeGreaterThan(0.7);
      // Dark text stays readable on the soft tint (selected rows).
      expect(contrastRatio('#1A1A1A', colours.primarySoft)).toBeGreaterThanOrEqual(AA_CONTRAST);
    }
    expect(brandColours('#45B97C').link).not.toBe('#45B97C');
    expect(brandColours('#1F7A5C').link).toBe('#1F7A5C');
  });
});
