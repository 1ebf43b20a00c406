import type { ErrorCatalog } from '@sanad/core';

/** Contact forms' failure codes. */
export const FORMS_ERRORS = {
  'form/not_found': { status: 404, ar: 'النموذج غير موجود.', en: 'The form does not exist.' },
  'form/version_not_found': {
    status: 404,
    ar: 'هذا الإصدار من النموذج غير موجود.',
    en: 'This version of the form does not exist.',
  },
  'form/nothing_to_publish': {
    status: 409,
    ar: 'لا تغييرات لنشرها: المسودة مطابقة للإصدار المنشور.',
    en: 'Nothing to publish: the draft is the live version.',
  },
  'form/limit': {
    status: 400,
    ar: 'بلغت مساحة العمل الحد الأقصى للنماذج ({limit}).',
    en: 'The workspace has the most forms it may have ({limit}).',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof FORMS_ERRORS, true> {}
}
