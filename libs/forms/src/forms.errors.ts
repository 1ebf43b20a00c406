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
  'form/has_submissions': {
    status: 409,
    ar: 'لهذا النموذج استلامات: أغلقه بدل حذفه، أو احذف استلاماته أولًا.',
    en: 'This form has submissions: close it instead, or delete its submissions first.',
  },
  'form/closed': {
    status: 410,
    ar: 'هذا النموذج مغلق ولا يستقبل استلامات.',
    en: 'This form is closed and takes no submissions.',
  },
  'form/limit_reached': {
    status: 410,
    ar: 'بلغ هذا النموذج الحد الأقصى للاستلامات.',
    en: 'This form has taken all the submissions it accepts.',
  },
  'form/rate_limited': {
    status: 429,
    ar: 'استلامات كثيرة في وقت قصير. حاول مجددًا بعد {retryAfter} ثانية.',
    en: 'Too many submissions in a short time. Try again in {retryAfter} seconds.',
  },
  'form/origin_refused': {
    status: 403,
    ar: 'هذا الموقع غير مسموح له بإرسال هذا النموذج.',
    en: 'This site may not submit this form.',
  },
  'form/too_large': {
    status: 413,
    ar: 'الاستلام أكبر من الحد المسموح ({limit}).',
    en: 'The submission is larger than allowed ({limit}).',
  },
  'submission/not_found': {
    status: 404,
    ar: 'الاستلام غير موجود.',
    en: 'The submission does not exist.',
  },
  'submission/file_not_found': {
    status: 404,
    ar: 'الملف غير موجود.',
    en: 'The file does not exist.',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof FORMS_ERRORS, true> {}
}
