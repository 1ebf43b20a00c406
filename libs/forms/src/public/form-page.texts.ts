import type { Language } from '@sanad/contracts';

/** Every text of the hosted form pages that is not the form's own, in both languages. */
export const FORM_PAGE_TEXTS = {
  submit: { ar: 'إرسال', en: 'Send' },
  required: { ar: 'مطلوب', en: 'required' },
  requiredNote: { ar: 'الحقول المعلّمة بـ * مطلوبة.', en: 'Fields marked * are required.' },
  summaryTitle: {
    ar: 'لم يُرسَل النموذج. صحّح ما يلي:',
    en: 'The form was not sent. Please fix the following:',
  },
  choose: { ar: 'اختر…', en: 'Choose…' },
  honeypot: {
    ar: 'اترك هذا الحقل فارغاً إن كنت إنساناً',
    en: 'Leave this field empty if you are human',
  },
  poweredBy: { ar: 'يعمل بواسطة سند', en: 'Powered by Sanad' },
  filesHint: {
    ar: 'حتى {count} ملفات، كل ملف حتى {size} ميغابايت.',
    en: 'Up to {count} files, each up to {size} MB.',
  },
  twoFilesHint: {
    ar: 'حتى ملفين، كل ملف حتى {size} ميغابايت.',
    en: 'Up to 2 files, each up to {size} MB.',
  },
  fileHint: { ar: 'ملف واحد حتى {size} ميغابايت.', en: 'One file, up to {size} MB.' },
  fileTypes: { ar: 'الأنواع: {types}', en: 'Types: {types}' },
  filesAgain: {
    ar: 'اختر الملفات من جديد: لا تُحفظ بعد خطأ.',
    en: 'Choose the files again: they are not kept after an error.',
  },
  languageName: { ar: 'العربية', en: 'English' },
  thankYouTitle: { ar: 'تم الإرسال', en: 'Sent' },
  closedTitle: { ar: 'النموذج مغلق', en: 'This form is closed' },
  frameTitle: { ar: 'نموذج', en: 'Form' },
} satisfies Record<string, Record<Language, string>>;

export type FormPageText = keyof typeof FORM_PAGE_TEXTS;

/** The text in the language, with `{name}` placeholders filled. */
export function pageText(
  key: FormPageText,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return FORM_PAGE_TEXTS[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
