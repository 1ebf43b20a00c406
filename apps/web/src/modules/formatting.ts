import type { CalendarDisplay, Digits, Language, WeekStart } from '@sanad/contracts';

/**
 * The SPA's one formatting module over Intl: numbers, dates, times, relative times and time-zone
 * names in the interface language, the workspace time zone, the chosen digits and calendar.
 * Pure (no Vue): `useLocale` builds one from the session and the interface language.
 *
 * The numbering system is always passed explicitly: some Intl builds (Debian's Chromium among
 * them) print Arabic dates with Latin digits unless they are told.
 */
export interface FormatSettings {
  language: Language;
  /** IANA zone dates and times are shown in (the workspace's). */
  timeZone: string;
  digits: Digits;
  calendar: CalendarDisplay;
  weekStart: WeekStart;
}

export const DEFAULT_FORMAT_SETTINGS: FormatSettings = {
  language: 'ar',
  timeZone: 'Asia/Riyadh',
  digits: 'latn',
  calendar: 'gregory',
  weekStart: 'saturday',
};

type DateInput = string | number | Date;

/** JavaScript's day numbers (`Date#getDay`): Sunday 0 … Saturday 6. */
const WEEK_START_DAY: Record<WeekStart, number> = { sunday: 0, monday: 1, saturday: 6 };

/** The first day of the week as a `Date#getDay` index (Saturday 6, Sunday 0, Monday 1). */
export function weekStartDay(weekStart: WeekStart): number {
  return WEEK_START_DAY[weekStart] ?? WEEK_START_DAY.saturday;
}

/** The seven day indexes in display order, from the week's first day. */
export function weekDays(weekStart: WeekStart): number[] {
  const first = weekStartDay(weekStart);
  return Array.from({ length: 7 }, (_, i) => (first + i) % 7);
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/**
 * Numbers written by someone else (the server's validation messages) in the chosen digits.
 * Only free-standing numbers change: digits inside words, codes, addresses or URLs
 * (`header2`, `utf-8`, `a1@x.sa`, `10.0.0.1`) stay as they are.
 */
export function digitise(text: string, digits: Digits): string {
  if (digits !== 'arab') return text;
  return text.replace(
    /(?<![\p{L}\p{N}_@/:#.,-])\d+(?:,\d{3})*(?:\.\d+)?(?![\p{L}\p{N}_@/:-]|[.,]\d)/gu,
    (number) =>
      number
        .replace(/\d/g, (d) => ARABIC_INDIC[Number(d)])
        .replace(/,/g, '٬')
        .replace(/\./g, '٫'),
  );
}

/**
 * Arabic-Indic digits are right-to-left numbers for the bidi algorithm: in left-to-right text,
 * the spaces and commas between two of them turn right-to-left too, and "Dec ٣, ٢٠٢٦, ٤:٥٠ PM"
 * reads backwards. A left-to-right mark after each such number keeps English text in order.
 */
export function keepDigitsInOrder(text: string): string {
  return text.replace(/([٠-٩٬٫])(?!\u200e)(?=[^\p{L}\p{N}\u200e٬٫]+[٠-٩])/gu, '$1\u200e');
}

const WRAPPED = [
  'number',
  'integer',
  'percent',
  'duration',
  'fileSize',
  'dateTime',
  'date',
  'day',
  'hijri',
  'time',
  'relative',
  'compact',
  'timeZoneLabel',
  'timeZoneOffset',
  'span',
  'bucket',
] as const;

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

export interface Formatter {
  readonly settings: FormatSettings;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A count or an identifier such as a conversation number: no fractions. */
  integer(value: number, options?: { grouping?: boolean }): string;
  percent(fraction: number): string;
  duration(ms: number): string;
  fileSize(bytes: number): string;
  /** Date and time; with the Hijri date alongside when the calendar asks for it. */
  dateTime(value: DateInput | null | undefined, options?: { hijri?: boolean }): string;
  /** A full date ("٢ ديسمبر ٢٠٢٦"), with the Hijri date alongside when asked. */
  date(value: DateInput | null | undefined, options?: { hijri?: boolean }): string;
  /** A calendar day `YYYY-MM-DD` (a date custom field): read in UTC so it never shifts. */
  day(day: string, options?: { hijri?: boolean; long?: boolean }): string;
  /** The Umm al-Qura date of an instant in the time zone ("٢٢ جمادى الآخرة ١٤٤٨ هـ"). */
  hijri(value: DateInput, options?: { timeZone?: string }): string;
  time(value: DateInput | null | undefined): string;
  /** "قبل ٥ دقائق" / "5 minutes ago"; "in 3 hours" for the future. */
  relative(value: DateInput | null | undefined, now?: DateInput): string;
  /** A list's compact time: the time if today, the day and month this year, else the date. */
  compact(value: DateInput | null | undefined, now?: DateInput): string;
  /** The zone's localized name and current offset: "Arabian Standard Time (GMT+3)". */
  timeZoneLabel(at?: DateInput, timeZone?: string): string;
  /** The zone's current offset alone ("GMT+3", "غرينتش+٣"). */
  timeZoneOffset(at?: DateInput, timeZone?: string): string;
  weekStartDay(): number;
  /** Weekday names in display order from the week's first day. */
  weekdayNames(style?: 'long' | 'short' | 'narrow'): string[];
  /** A length of time in seconds, in at most two units: "٣ د", "١ س ٥ د", "1h 5m", "2d 3h". */
  span(seconds: number): string;
  /** A report bucket's start in the time zone: the hour ("٣ م"), the day ("٣ ديسمبر"), the month. */
  bucket(value: DateInput, unit: 'hour' | 'day' | 'week' | 'month'): string;
  digitise(text: string): string;
}

const caches = {
  number: new Map<string, Intl.NumberFormat>(),
  date: new Map<string, Intl.DateTimeFormat>(),
  relative: new Map<string, Intl.RelativeTimeFormat>(),
};

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    if (cache.size > 500) cache.clear();
    cache.set(key, value);
  }
  return value;
}

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

function valid(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

export function createFormatter(input: Partial<FormatSettings> = {}): Formatter {
  const settings: FormatSettings = { ...DEFAULT_FORMAT_SETTINGS, ...input };
  const { language, digits } = settings;
  const timeZone = validTimeZone(settings.timeZone) ? settings.timeZone : 'UTC';

  const numberFormat = (options: Intl.NumberFormatOptions = {}) =>
    cached(caches.number, `${language}|${digits}|${JSON.stringify(options)}`, () => {
      return new Intl.NumberFormat(language, { ...options, numberingSystem: digits });
    });
  const dateFormat = (options: Intl.DateTimeFormatOptions) =>
    cached(caches.date, `${language}|${digits}|${JSON.stringify(options)}`, () => {
      return new Intl.DateTimeFormat(language, { ...options, numberingSystem: digits });
    });
  const relativeFormat = () =>
    cached(caches.relative, `${language}|${digits}`, () => {
      // (TypeScript's lib lacks the numberingSystem option here: the locale extension says it.)
      return new Intl.RelativeTimeFormat(`${language}-u-nu-${digits}`, { numeric: 'auto' });
    });

  const withHijri = (hijri: boolean | undefined) => hijri ?? settings.calendar === 'gregory-hijri';

  function hijri(value: DateInput, options: { timeZone?: string } = {}): string {
    const date = toDate(value);
    if (!valid(date)) return '';
    return dateFormat({
      calendar: 'islamic-umalqura',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: options.timeZone ?? timeZone,
    }).format(date);
  }

  function alongside(gregorian: string, date: Date, zone: string, show: boolean): string {
    return show ? `${gregorian} (${hijri(date, { timeZone: zone })})` : gregorian;
  }

  function offsetOf(at: Date, zone: string): string {
    return (
      dateFormat({ timeZone: zone, timeZoneName: 'shortOffset' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? zone
    );
  }

  const formatter: Formatter = {
    settings: { ...settings, timeZone },

    number: (value, options) =>
      numberFormat({ maximumFractionDigits: 6, ...options }).format(value),

    integer: (value, options = {}) =>
      numberFormat({ maximumFractionDigits: 0, useGrouping: options.grouping ?? true }).format(
        value,
      ),

    percent: (fraction) =>
      numberFormat({
        style: 'percent',
        maximumFractionDigits: fraction > 0 && fraction < 0.01 ? 1 : 0,
      }).format(fraction),

    duration(ms) {
      const seconds = ms >= 1000;
      return numberFormat({
        style: 'unit',
        unit: seconds ? 'second' : 'millisecond',
        unitDisplay: 'short',
        maximumFractionDigits: seconds ? 1 : 0,
      }).format(seconds ? ms / 1000 : ms);
    },

    fileSize(bytes) {
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
      let value = bytes;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
      }
      return numberFormat({
        style: 'unit',
        unit: units[unit],
        // Short bytes read "220 byte" in English: bytes are spelled out, larger units abbreviated.
        unitDisplay: unit === 0 ? 'long' : 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(value);
    },

    dateTime(value, options = {}) {
      if (value === null || value === undefined || value === '') return '';
      const date = toDate(value);
      if (!valid(date)) return '';
      const text = dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
      return alongside(text, date, timeZone, withHijri(options.hijri));
    },

    date(value, options = {}) {
      if (value === null || value === undefined || value === '') return '';
      const date = toDate(value);
      if (!valid(date)) return '';
      const text = dateFormat({ year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(
        date,
      );
      return alongside(text, date, timeZone, withHijri(options.hijri));
    },

    day(day, options = {}) {
      const date = new Date(`${day}T00:00:00Z`);
      if (!valid(date)) return day;
      const text = dateFormat(
        options.long
          ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
          : { dateStyle: 'medium', timeZone: 'UTC' },
      ).format(date);
      return alongside(text, date, 'UTC', withHijri(options.hijri));
    },

    hijri,

    time(value) {
      if (value === null || value === undefined || value === '') return '';
      const date = toDate(value);
      if (!valid(date)) return '';
      return dateFormat({ timeStyle: 'short', timeZone }).format(date);
    },

    relative(value, now = Date.now()) {
      if (value === null || value === undefined || value === '') return '';
      const date = toDate(value);
      if (!valid(date)) return '';
      let amount = (date.getTime() - toDate(now).getTime()) / 1000;
      // Under a minute either way reads "now" rather than a count of seconds.
      if (Math.abs(amount) < 45) return relativeFormat().format(0, 'second');
      for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(amount) < size || unit === 'year') {
          const text = relativeFormat().format(Math.round(amount), unit);
          // Timestamps in Arabic interfaces read "منذ ٥ دقائق" (since), ICU says "قبل" (before).
          return language === 'ar' ? text.replace(/^قبل /, 'منذ ') : text;
        }
        amount /= size;
      }
      return '';
    },

    compact(value, now = Date.now()) {
      if (value === null || value === undefined || value === '') return '';
      const date = toDate(value);
      if (!valid(date)) return '';
      const dayKey = (d: Date) =>
        dateFormat({ timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
      const yearKey = (d: Date) => dateFormat({ timeZone, year: 'numeric' }).format(d);
      const current = toDate(now);
      if (dayKey(date) === dayKey(current)) return formatter.time(date);
      if (yearKey(date) === yearKey(current)) {
        return dateFormat({ timeZone, month: 'short', day: 'numeric' }).format(date);
      }
      return dateFormat({ timeZone, dateStyle: 'medium' }).format(date);
    },

    timeZoneLabel(at = Date.now(), zone = timeZone) {
      const date = toDate(at);
      const name =
        dateFormat({ timeZone: zone, timeZoneName: 'longGeneric' })
          .formatToParts(date)
          .find((part) => part.type === 'timeZoneName')?.value ?? zone;
      const offset = offsetOf(date, zone);
      return name === offset ? name : `${name} (${offset})`;
    },

    timeZoneOffset: (at = Date.now(), zone = timeZone) => offsetOf(toDate(at), zone),

    weekStartDay: () => weekStartDay(settings.weekStart),

    weekdayNames(style = 'long') {
      // 2023-01-01 was a Sunday: day index i is 2023-01-0(1+i).
      const format = dateFormat({ weekday: style, timeZone: 'UTC' });
      return weekDays(settings.weekStart).map((i) =>
        format.format(new Date(Date.UTC(2023, 0, 1 + i, 12))),
      );
    },

    span(seconds) {
      const unit = (value: number, name: string) =>
        numberFormat({ style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
      const total = Math.max(0, Math.round(seconds));
      if (total < 60) return unit(total, 'second');
      const minutes = Math.round(total / 60);
      if (minutes < 60) return unit(minutes, 'minute');
      const parts: string[] = [];
      const hours = Math.round(total / 3600);
      if (minutes < 1440 && hours < 24) {
        parts.push(unit(Math.floor(minutes / 60), 'hour'));
        if (minutes % 60) parts.push(unit(minutes % 60, 'minute'));
      } else {
        parts.push(unit(Math.floor(hours / 24), 'day'));
        if (hours % 24) parts.push(unit(hours % 24, 'hour'));
      }
      return parts.join(' ');
    },

    bucket(value, unit) {
      const date = toDate(value);
      if (!valid(date)) return '';
      if (unit === 'hour') return dateFormat({ hour: 'numeric', timeZone }).format(date);
      if (unit === 'month')
        return dateFormat({ month: 'short', year: 'numeric', timeZone }).format(date);
      return dateFormat({ day: 'numeric', month: 'short', timeZone }).format(date);
    },

    digitise: (text) => digitise(text, digits),
  };
  if (digits === 'arab' && language === 'en') {
    const methods = formatter as unknown as Record<string, (...args: unknown[]) => string>;
    for (const name of WRAPPED) {
      const method = methods[name];
      methods[name] = (...args) => keepDigitsInOrder(method(...args));
    }
  }
  return formatter;
}

const zoneCache = new Map<string, boolean>();
function validTimeZone(zone: string): boolean {
  return cached(zoneCache, zone, () => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  });
}
