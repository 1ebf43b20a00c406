import type { ErrorCatalog } from '@sanad/core';

/** Satisfaction's failure codes (the public page shows its own texts for links, see rating-page.texts). */
export const SATISFACTION_ERRORS = {
  'rating/link_invalid': {
    status: 404,
    ar: 'رابط التقييم غير صحيح.',
    en: 'This rating link is not valid.',
  },
  'rating/link_expired': {
    status: 410,
    ar: 'انتهت صلاحية رابط التقييم.',
    en: 'This rating link has expired.',
  },
  'rating/locked': {
    status: 409,
    ar: 'مضى أكثر من {days} أيام على التقييم، فلم يعد تعديله ممكنًا.',
    en: 'The rating was given more than {days} days ago and can no longer be changed.',
  },
  'nps/no_recipients': {
    status: 400,
    ar: 'لا يوجد في هذه الشريحة من يمكن إرسال الاستطلاع إليه (لا بريد، أو استُطلع رأيه مؤخرًا).',
    en: 'Nobody in this segment can get the survey (no email, or surveyed recently).',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof SATISFACTION_ERRORS, true> {}
}
