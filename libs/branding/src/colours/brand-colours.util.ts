import type { BrandColours } from '@sanad/contracts';

/** `#45B97C` or `#4B7` (any case). */
export const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Text on the primary colour: white, or this near-black (softer than pure black). */
const WHITE = '#FFFFFF';
const DARK = '#1A1A1A';
/** WCAG AA for normal text. */
export const AA_CONTRAST = 4.5;

type Rgb = [number, number, number];

/** `#4b7` → `#44BB77`; null when it is not a 3- or 6-digit hex colour. */
export function normaliseHex(value: string): string | null {
  const match = HEX_COLOUR.exec(value.trim());
  if (!match) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return `#${digits.toUpperCase()}`;
}

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hexOf([r, g, b]: Rgb): string {
  const part = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`.toUpperCase();
}

/** WCAG relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `amount` of the way from `hex` to `towards` (0 = hex, 1 = towards). */
function mix(hex: string, towards: string, amount: number): string {
  const from = rgbOf(hex);
  const to = rgbOf(towards);
  return hexOf([0, 1, 2].map((i) => from[i] + (to[i] - from[i]) * amount) as Rgb);
}

/** The colour darkened step by step until it reads on white at AA (links on white pages). */
function readableOnWhite(hex: string): string {
  let colour = hex;
  for (let step = 1; contrastRatio(colour, WHITE) < AA_CONTRAST && step <= 20; step++)
    colour = mix(hex, '#000000', step * 0.05);
  return colour;
}

/**
 * What the brand colour gives every surface: the text colour with the better contrast on it
 * (and whether that reaches AA), a hover shade, a soft tint and a link colour readable on white.
 */
export function brandColours(colour: string): BrandColours {
  const primary = normaliseHex(colour) ?? colour;
  const onWhite = contrastRatio(WHITE, primary);
  const onDark = contrastRatio(DARK, primary);
  const onPrimary = onWhite >= onDark ? WHITE : DARK;
  const ratio = Math.max(onWhite, onDark);
  // Dark colours hover lighter, light ones darker, so the change is always visible.
  const primaryHover =
    luminance(primary) < 0.1 ? mix(primary, WHITE, 0.18) : mix(primary, '#000000', 0.14);
  return {
    primary,
    primaryHover,
    primarySoft: mix(primary, WHITE, 0.88),
    onPrimary,
    link: readableOnWhite(primary),
    contrastRatio: Math.round(ratio * 100) / 100,
    contrastOk: ratio >= AA_CONTRAST,
  };
}
