import { createI18n } from 'vue-i18n';
import type { Language } from '@sanad/contracts';
import ar from '@/locales/ar.json';
import en from '@/locales/en.json';
import { arabicPluralIndex } from './arabic-plural';

export { arabicPluralIndex };

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
