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

  return { language, otherLanguage, formatDateTime };
}
