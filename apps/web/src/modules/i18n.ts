import { createI18n } from 'vue-i18n';
import type { Language } from '@sanad/contracts';
import ar from '@/locales/ar.json';
import en from '@/locales/en.json';

/** Arabic has six plural forms: zero, one, two, few (3–10), many (11–99), other. */
export function arabicPluralIndex(choice: number, choicesLength: number): number {
  if (choicesLength < 6) return Math.min(choice, choicesLength - 1);
  const n = Math.abs(choice);
  const mod100 = n % 100;
  if (n === 0) return 0;
  if (n === 1) return 1;
  if (n === 2) return 2;
  if (mod100 >= 3 && mod100 <= 10) return 3;
  if (mod100 >= 11 && mod100 <= 99) return 4;
  return 5;
}

export const i18n = createI18n({
  legacy: false,
  locale: document.documentElement.lang === 'en' ? 'en' : 'ar',
  fallbackLocale: 'ar',
  messages: { ar, en },
  pluralRules: { ar: arabicPluralIndex },
});

export function currentLanguage(): Language {
  return i18n.global.locale.value === 'en' ? 'en' : 'ar';
}
