import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Language } from '@sanad/contracts';

/** Locale-aware formatting with Intl, in the workspace time zone when given. */
export function useLocale() {
  const { locale } = useI18n();
  const language = computed<Language>(() => (locale.value === 'en' ? 'en' : 'ar'));
  const otherLanguage = computed<Language>(() => (language.value === 'ar' ? 'en' : 'ar'));

  function formatDateTime(iso: string | null, timeZone?: string): string {
    if (!iso) return '';
    return new Intl.DateTimeFormat(language.value, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(new Date(iso));
  }

  /** A calendar day (`YYYY-MM-DD`, e.g. a date custom field): read in UTC so it never shifts. */
  function formatDay(day: string): string {
    const date = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return day;
    return new Intl.DateTimeFormat(language.value, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      date,
    );
  }

  function formatNumber(value: number): string {
    return new Intl.NumberFormat(language.value, { maximumFractionDigits: 6 }).format(value);
  }

  /** A fraction as a percentage (0.25 → 25 % / ٢٥٪), whole numbers unless below one. */
  function formatPercent(fraction: number): string {
    return new Intl.NumberFormat(language.value, {
      style: 'percent',
      maximumFractionDigits: fraction > 0 && fraction < 0.01 ? 1 : 0,
    }).format(fraction);
  }

  /** How long something took: 240 ms / ٢٤٠ ملي ثانية, 1.5 s from a second on. */
  function formatDuration(ms: number): string {
    const seconds = ms >= 1000;
    return new Intl.NumberFormat(language.value, {
      style: 'unit',
      unit: seconds ? 'second' : 'millisecond',
      unitDisplay: 'short',
      maximumFractionDigits: seconds ? 1 : 0,
    }).format(seconds ? ms / 1000 : ms);
  }

  /** 1.2 MB / ١٫٢ ميغابايت, with the unit in the interface language. */
  function formatFileSize(bytes: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return new Intl.NumberFormat(language.value, {
      style: 'unit',
      unit: units[unit],
      // Short bytes read "220 byte" in English: bytes are spelled out, larger units abbreviated.
      unitDisplay: unit === 0 ? 'long' : 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    }).format(value);
  }

  return {
    language,
    otherLanguage,
    formatDateTime,
    formatDay,
    formatNumber,
    formatPercent,
    formatDuration,
    formatFileSize,
  };
}
