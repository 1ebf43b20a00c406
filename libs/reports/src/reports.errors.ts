import type { ErrorCatalog } from '@sanad/core';

/** Reports' failure codes. */
export const REPORTS_ERRORS = {
  'reports/pdf_unavailable': {
    status: 503,
    ar: 'لا يمكن إنشاء ملف PDF على هذا الخادم (لا يوجد متصفح Chromium). صدّر الجداول بصيغة CSV.',
    en: 'PDFs cannot be made on this server (no Chromium browser). Export the tables as CSV.',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof REPORTS_ERRORS, true> {}
}
