import type { BrandColours } from '@sanad/contracts';

/**
 * The SPA's accent from the workspace's brand colours, so that any colour stays readable: text in
 * the accent reaches WCAG AA (4.5:1) on every light surface of the SPA, and a primary button uses
 * the brand colour itself only when its text colour reaches AA on it.
 */

/** WCAG AA for normal text. */
export const AA = 4.5;

/** The light surfaces accent text sits on (main.css --surface, --bg, --surface-muted). */
export const LIGHT_SURFACES = ['#ffffff', '#f5f7f6', '#f0f3f2'] as const;

/** `#RGB` / `#RRGGBB` (any case) → `#rrggbb`, or null when it is not a hex colour. */
export function normaliseHex(value: string): string | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match) return null;
  const digits = match[1].toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((c) => c + c).join('') : digits}`;
}

function channels(hex: string): [number, number, number] {
  const value = normaliseHex(hex) ?? '#000000';
  return [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: number[]): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `colour` mixed with black by `amount` (0..1). */
export function darken(colour: string, amount: number): string {
  return toHex(channels(colour).map((c) => c * (1 - amount)));
}

/** The colour, darkened step by step until it reaches `ratio` against every background. */
export function readableOn(colour: string, backgrounds: readonly string[], ratio = AA): string {
  for (let step = 0; step <= 20; step += 1) {
    const candidate = darken(colour, step * 0.05);
    if (backgrounds.every((bg) => contrast(candidate, bg) >= ratio)) return candidate;
  }
  return '#000000';
}

/** The CSS variables main.css reads (set on :root). */
export interface BrandVariables {
  '--brand-primary': string;
  '--brand-primary-hover': string;
  '--brand-primary-soft': string;
  '--brand-on-primary': string;
  '--brand-link': string;
}

export function brandVariables(colours: BrandColours): BrandVariables {
  const soft = normaliseHex(colours.primarySoft) ?? '#ffffff';
  // Links and accent text: the server's link colour (AA on white), darker if the SPA's grey
  // surfaces or the soft tint need it.
  const link = readableOn(colours.link, [...LIGHT_SURFACES, soft]);
  const onPrimary = normaliseHex(colours.onPrimary) ?? '#ffffff';
  const buttonOk = contrast(colours.primary, onPrimary) >= AA;
  // A colour no text can sit on (mid tones) gives its buttons the readable accent instead.
  const button = buttonOk ? colours.primary : link;
  const onButton = buttonOk ? onPrimary : '#ffffff';
  const hover =
    buttonOk && contrast(colours.primaryHover, onButton) >= AA
      ? colours.primaryHover
      : buttonOk
        ? colours.primary
        : readableOn(darken(link, 0.1), ['#ffffff']);
  return {
    '--brand-primary': normaliseHex(button) ?? button,
    '--brand-primary-hover': normaliseHex(hover) ?? hover,
    '--brand-primary-soft': soft,
    '--brand-on-primary': onButton,
    '--brand-link': link,
  };
}
