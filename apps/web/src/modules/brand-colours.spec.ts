import type { BrandColours } from '@sanad/contracts';
import {
  AA,
  LIGHT_SURFACES,
  brandVariables,
  contrast,
  normaliseHex,
  readableOn,
} from './brand-colours';

function colours(over: Partial<BrandColours>): BrandColours {
  return {
    primary: '#1F7A5C',
    primaryHover: '#19634B',
    primarySoft: '#E3F3EA',
    onPrimary: '#FFFFFF',
    link: '#1F7A5C',
    contrastRatio: 5.4,
    contrastOk: true,
    ...over,
  };
}

describe('brand colours in the SPA', () => {
  it('reads 3- and 6-digit hex, and refuses anything else', () => {
    expect(normaliseHex('#45B97C')).toBe('#45b97c');
    expect(normaliseHex('#FA0')).toBe('#ffaa00');
    expect(normaliseHex('45b97c')).toBe('#45b97c');
    expect(normaliseHex('#45B97')).toBeNull();
    expect(normaliseHex('#GGGGGG')).toBeNull();
    expect(normaliseHex('red')).toBeNull();
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('darkens a colour until it reads on every background', () => {
    const out = readableOn('#45B97C', LIGHT_SURFACES);
    LIGHT_SURFACES.forEach((bg) => expect(contrast(out, bg)).toBeGreaterThanOrEqual(AA));
    expect(readableOn('#111827', LIGHT_SURFACES)).toBe('#111827');
  });

  it.each([
    [
      'very light',
      colours({
        primary: '#FFEB3B',
        primaryHover: '#F2DC1F',
        primarySoft: '#FFFBE0',
        onPrimary: '#111827',
        link: '#7A6C00',
      }),
    ],
    ['the default', colours({})],
    [
      'near-black',
      colours({
        primary: '#111827',
        primaryHover: '#000000',
        primarySoft: '#E7E8EA',
        link: '#111827',
      }),
    ],
    [
      'a mid tone nothing reads on',
      colours({
        primary: '#808080',
        primaryHover: '#707070',
        primarySoft: '#EFEFEF',
        onPrimary: '#000000',
        link: '#767676',
        contrastRatio: 4.2,
        contrastOk: false,
      }),
    ],
  ])('keeps buttons and links at AA with %s colour', (_, brand) => {
    const v = brandVariables(brand);
    expect(contrast(v['--brand-primary'], v['--brand-on-primary'])).toBeGreaterThanOrEqual(AA);
    expect(contrast(v['--brand-primary-hover'], v['--brand-on-primary'])).toBeGreaterThanOrEqual(
      AA,
    );
    [...LIGHT_SURFACES, v['--brand-primary-soft']].forEach((bg) =>
      expect(contrast(v['--brand-link'], bg)).toBeGreaterThanOrEqual(AA),
    );
    // White on the accent (the SPA's small fills: badges, the initial in the menu).
    expect(contrast(v['--brand-link'], '#ffffff')).toBeGreaterThanOrEqual(AA);
  });

  it('keeps the brand colour on buttons when its text colour reads on it', () => {
    const v = brandVariables(
      colours({
        primary: '#FFEB3B',
        onPrimary: '#111827',
        primarySoft: '#FFFBE0',
        link: '#7A6C00',
      }),
    );
    expect(v['--brand-primary']).toBe('#ffeb3b');
    expect(v['--brand-on-primary']).toBe('#111827');
  });
});
