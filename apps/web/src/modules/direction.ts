import type { Language } from '@sanad/contracts';
import { i18n } from './i18n';

const STORAGE_KEY = 'sanad.lang';

/** Switches text and direction together, and remembers the choice for the next first paint. */
export function applyLanguage(language: Language): void {
  i18n.global.locale.value = language;
  const root = document.documentElement;
  root.lang = language;
  root.dir = language === 'ar' ? 'rtl' : 'ltr';
  document.title = i18n.global.t('app.name');
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice still applies to this page.
  }
}
