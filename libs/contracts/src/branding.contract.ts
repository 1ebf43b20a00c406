/**
 * Basic settings (الإعدادات الأساسية) and the brand (الهوية البصرية): the shapes the API, the SPA
 * and the public pages share.
 */

/** The first day of a calendar week in the SPA's date pickers and weekly reports. */
export const WEEK_STARTS = ['saturday', 'sunday', 'monday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/** Intl numbering systems: Latin `0-9` or Arabic-Indic `٠-٩`. */
export const DIGITS = ['latn', 'arab'] as const;
export type Digits = (typeof DIGITS)[number];

/** Gregorian dates, or Gregorian with the Umm al-Qura Hijri date alongside. */
export const CALENDARS = ['gregory', 'gregory-hijri'] as const;
export type CalendarDisplay = (typeof CALENDARS)[number];

export const DEFAULT_WEEK_START: WeekStart = 'saturday';
export const DEFAULT_DIGITS: Digits = 'latn';
export const DEFAULT_CALENDAR: CalendarDisplay = 'gregory';
export const DEFAULT_BRAND_COLOUR = '#1F7A5C';

/** Suggested primary colours (the settings screen's palette; any hex is accepted too). */
export const BRAND_PALETTE = [
  '#1F7A5C',
  '#45B97C',
  '#0E7490',
  '#2563EB',
  '#4F46E5',
  '#7C3AED',
  '#BE185D',
  '#DC2626',
  '#EA580C',
  '#CA8A04',
  '#475569',
  '#111827',
] as const;

/** Logo limits: recommended 144×42, at most 900×300 px and 2 MB. */
export const LOGO_RECOMMENDED = { width: 144, height: 42 } as const;
export const LOGO_MAX = { width: 900, height: 300 } as const;
export const BRAND_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
/** The icon: square, at least 64 px; these sizes are generated (favicon, apple-touch, PWA, widget). */
export const ICON_MIN_SIZE = 64;
/** Larger icons are refused from their header (nothing needs more; bombs are refused unread). */
export const ICON_MAX_SIZE = 4096;
export const ICON_SIZES = [32, 180, 192, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];

/**
 * Colours derived from the primary colour. `onPrimary` is the text colour (white or near-black)
 * with the better contrast on `primary`; `contrastOk` says whether it reaches WCAG AA (4.5:1).
 * `link` is the primary colour darkened or lightened until it reaches 4.5:1 on white.
 */
export interface BrandColours {
  primary: string;
  primaryHover: string;
  /** A light tint for selected rows and soft backgrounds (text on it stays dark). */
  primarySoft: string;
  onPrimary: string;
  link: string;
  contrastRatio: number;
  contrastOk: boolean;
}

/** A new workspace's brand: DEFAULT_BRAND_COLOUR and what it derives to (a unit test checks). */
export const DEFAULT_BRAND: Pick<BrandView, 'colour' | 'colours' | 'logo' | 'icon'> = {
  colour: DEFAULT_BRAND_COLOUR,
  colours: {
    primary: '#1F7A5C',
    primaryHover: '#1B694F',
    primarySoft: '#E4EFEB',
    onPrimary: '#FFFFFF',
    link: '#1F7A5C',
    contrastRatio: 5.25,
    contrastOk: true,
  },
  logo: null,
  icon: null,
};

/** GET /api/v1/workspace/brand and every brand write. URLs are content-addressed (immutable). */
export interface BrandView {
  colour: string;
  colours: BrandColours;
  logo: { url: string; width: number; height: number } | null;
  /** The icon in every generated size (`32` is the favicon, `192` the widget avatar). */
  icon: { urls: Record<IconSize, string> } | null;
  updatedAt: string;
}

/** GET /api/v1/workspace/brand/colours?colour=%2345B97C: what a colour would give (the preview). */
export interface BrandColoursPreviewView {
  colours: BrandColours;
  palette: readonly string[];
}

/** GET /api/v1/public/workspaces/:slug/theme (public, cached, ETag): what public pages wear. */
export interface PublicThemeView {
  name: string;
  slug: string;
  language: 'ar' | 'en';
  colours: BrandColours;
  logoUrl: string | null;
  iconUrls: Record<IconSize, string> | null;
}

/** GET /api/v1/workspace/checklist: the first-run guide on the home page. */
export interface FirstRunChecklistView {
  steps: Array<{ key: FirstRunStep; done: boolean }>;
  /** Where forwarded mail arrives (the default mailbox's inbound address), for the copy button. */
  inboundAddress: string | null;
  /** Every step is done (the guide hides itself). */
  complete: boolean;
}
/** The guide's steps in order; the chat widget adds its own when it exists. */
export const FIRST_RUN_STEPS = ['email', 'brand', 'team', 'form'] as const;
export type FirstRunStep = (typeof FIRST_RUN_STEPS)[number];
