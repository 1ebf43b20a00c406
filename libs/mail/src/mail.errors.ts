import type { ErrorCatalog } from '@sanad/core';

/** The email channel: its failure codes, HTTP statuses and messages. */
export const MAIL_ERRORS = {
  'email/not_found': {
    status: 404,
    ar: 'لم يتم العثور على البريد.',
    en: 'Email not found.',
  },
  'email/smtp_password_without_user': {
    status: 400,
    ar: 'أدخل اسم المستخدم مع كلمة مرور خادم البريد الصادر.',
    en: 'Enter the user name along with the outgoing server password.',
  },
  'email/test_failed': {
    status: 422,
    ar: 'تعذّر إرسال رسالة الاختبار: {reason}',
    en: 'The test email could not be sent: {reason}',
  },
  'email/no_outgoing_server': {
    status: 422,
    ar: 'لا يوجد خادم بريد صادر مُعدّ لهذا الصندوق. أضف إعدادات SMTP أولاً.',
    en: 'No outgoing mail server is set up for this mailbox. Add SMTP settings first.',
  },
  'email/address_taken': {
    status: 409,
    ar: 'هذا العنوان مرتبط بصندوق بريد آخر.',
    en: 'This address is already attached to another mailbox.',
  },
  'email/blocked_sender_exists': {
    status: 409,
    ar: 'هذا المرسل محظور مسبقاً.',
    en: 'This sender is already blocked.',
  },
  'email/blocked_sender_not_found': {
    status: 404,
    ar: 'لم يتم العثور على المرسل المحظور.',
    en: 'Blocked sender not found.',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof MAIL_ERRORS, true> {}
}
