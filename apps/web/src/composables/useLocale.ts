import { computed, onScopeDispose, ref } from 'vue';
import type { Digits, Language, MailboxView } from '@sanad/contracts';
import { createFormatter, type FormatSettings, type Formatter } from '@/modules/formatting';
import { systemMailboxName } from '@/modules/formatting-mailboxes';
import { i18n } from '@/modules/i18n';
import { useSessionStore } from '@/stores/session';

type DateInput = string | number | Date | null | undefined;

/**
 * What formatting follows now: the interface language, the workspace's time zone, week start and
 * calendar, and the member's digits (their own choice, else the workspace's).
 */
export function currentFormatSettings(): Partial<FormatSettings> {
  const language: Language = i18n.global.locale.value === 'en' ? 'en' : 'ar';
  const me = useSessionStore().me;
  const workspace = me?.workspace;
  const digits: Digits | undefined = me?.user.digits ?? workspace?.digits;
  return {
    language,
    ...(workspace?.timeZone ? { timeZone: workspace.timeZone } : {}),
    ...(digits ? { digits } : {}),
    ...(workspace?.calendar ? { calendar: workspace.calendar } : {}),
    ...(workspace?.weekStart ? { weekStart: workspace.weekStart } : {}),
  };
}

let last: { key: string; formatter: Formatter } | null = null;

/** The formatter for the current settings (outside components too: stores, the API client). */
export function currentFormatter(): Formatter {
  const settings = currentFormatSettings();
  const key = JSON.stringify(settings);
  if (last?.key !== key) last = { key, formatter: createFormatter(settings) };
  return last.formatter;
}

/** One clock for every relative time on the page, ticking every 30 s while something shows one. */
const now = ref(Date.now());
let clockUsers = 0;
let clock: ReturnType<typeof setInterval> | null = null;
function useClock(): void {
  clockUsers += 1;
  if (!clock) {
    now.value = Date.now();
    clock = setInterval(() => (now.value = Date.now()), 30_000);
  }
  onScopeDispose(() => {
    clockUsers -= 1;
    if (clockUsers === 0 && clock) {
      clearInterval(clock);
      clock = null;
    }
  });
}

/**
 * Locale-aware formatting with Intl (see modules/formatting): in the interface language, the
 * workspace time zone, the chosen digits and calendar. Everything reactive: a change of
 * language, digits or workspace settings re-renders what was formatted with it.
 */
export function useLocale(options: { clock?: boolean } = {}) {
  if (options.clock) useClock();
  const language = computed<Language>(() => (i18n.global.locale.value === 'en' ? 'en' : 'ar'));
  const otherLanguage = computed<Language>(() => (language.value === 'ar' ? 'en' : 'ar'));
  const formatter = computed(() => {
    // Read inside the computed so it re-runs when the session or the language changes.
    void language.value;
    return currentFormatter();
  });

  /** Date and time (with the Hijri date when the workspace shows it). `timeZone` is legacy. */
  function formatDateTime(iso: DateInput, _timeZone?: string): string {
    return formatter.value.dateTime(iso);
  }

  /**
   * A plural message with its count in the chosen digits: `{n}` and `{count}` in the message are
   * the formatted number, the plural form follows the number itself.
   */
  function tn(key: string, count: number, named: Record<string, unknown> = {}): string {
    const formatted = formatter.value.integer(count);
    return i18n.global.t(key, { n: formatted, count: formatted, ...named }, count);
  }

  return {
    language,
    otherLanguage,
    formatter,
    now,
    formatDateTime,
    formatDate: (iso: DateInput) => formatter.value.date(iso),
    formatTime: (iso: DateInput) => formatter.value.time(iso),
    /** "قبل ٥ دقائق"; with `useLocale({ clock: true })` it stays current. */
    formatRelative: (iso: DateInput) => formatter.value.relative(iso, now.value),
    /** A list's short time: the time today, else the day (and year if another year). */
    formatCompact: (iso: DateInput) => formatter.value.compact(iso, now.value),
    /** A calendar day (`YYYY-MM-DD`, e.g. a date custom field): read in UTC so it never shifts. */
    formatDay: (day: string) => formatter.value.day(day),
    formatNumber: (value: number) => formatter.value.number(value),
    /** Counts and identifiers (#123): whole numbers; no grouping for identifiers. */
    formatInteger: (value: number, grouping = true) => formatter.value.integer(value, { grouping }),
    /** A fraction as a percentage (0.25 → 25 % / ٢٥٪), whole numbers unless below one. */
    formatPercent: (fraction: number) => formatter.value.percent(fraction),
    /** How long something took: 240 ms / ٢٤٠ ملي ث, 1.5 s from a second on. */
    formatDuration: (ms: number) => formatter.value.duration(ms),
    /** 1.2 MB / ١٫٢ م.ب, with the unit in the interface language. */
    formatFileSize: (bytes: number) => formatter.value.fileSize(bytes),
    /** The workspace zone's name and offset: "التوقيت العربي الرسمي (غرينتش+٣)". */
    timeZoneLabel: () => formatter.value.timeZoneLabel(now.value),
    /** For date pickers and calendars: the first day of the week (`Date#getDay`, Saturday 6). */
    weekStartDay: () => formatter.value.weekStartDay(),
    weekdayNames: (style?: 'long' | 'short' | 'narrow') => formatter.value.weekdayNames(style),
    digitise: (text: string) => formatter.value.digitise(text),
    tn,
    /** A mailbox's name: the system ones in the interface language, others as written. */
    mailboxName(mailbox: Pick<MailboxView, 'kind' | 'name'>): string {
      const system = systemMailboxName(mailbox);
      return system ? i18n.global.t(`formatting.systemMailbox.${system}`) : mailbox.name;
    },
  };
}
