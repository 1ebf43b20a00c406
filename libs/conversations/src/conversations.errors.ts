import type { ErrorCatalog } from '@sanad/core';

/** The shared inbox: its failure codes, HTTP statuses and messages. */
export const CONVERSATIONS_ERRORS = {
  'conversation/not_found': {
    status: 404,
    ar: 'لم يتم العثور على المحادثة.',
    en: 'Conversation not found.',
  },
  'conversation/stale_reply': {
    status: 409,
    ar: 'وصلت رسائل جديدة منذ أن فتحت المحادثة. اقرأها ثم أرسل ردك أو أرسله على أي حال.',
    en: 'New messages arrived since you opened the conversation. Read them, then send your reply or send it anyway.',
  },
  'attachment/not_found': {
    status: 404,
    ar: 'لم يتم العثور على المرفق.',
    en: 'Attachment not found.',
  },
  'attachment/too_large': {
    status: 413,
    ar: 'حجم الملف أكبر من الحد المسموح ({limit}).',
    en: 'The file is larger than the allowed limit ({limit}).',
  },
  'attachment/missing': {
    status: 400,
    ar: 'أرفق ملفاً في الحقل file.',
    en: 'Send one file in the "file" field.',
  },
  'conversation/snooze_in_past': {
    status: 422,
    ar: 'اختر وقتاً في المستقبل لتأجيل المحادثة.',
    en: 'Choose a time in the future to snooze the conversation.',
  },
  'message/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الرسالة.',
    en: 'Message not found.',
  },
  'message/not_retryable': {
    status: 409,
    ar: 'لا يمكن إعادة إرسال هذه الرسالة؛ إعادة الإرسال متاحة للردود التي فشل إرسالها فقط.',
    en: 'This message cannot be sent again; only replies whose delivery failed can be retried.',
  },
  'mailbox/not_found': {
    status: 404,
    ar: 'لم يتم العثور على صندوق البريد.',
    en: 'Mailbox not found.',
  },
  'mailbox/slug_taken': {
    status: 409,
    ar: 'يوجد صندوق بريد آخر بهذا المعرّف.',
    en: 'Another mailbox already uses this slug.',
  },
  'mailbox/system': {
    status: 422,
    ar: 'لا يمكن أرشفة صندوقَي الوارد والمزعج.',
    en: 'The inbox and spam mailboxes cannot be archived.',
  },
  'mailbox/archived': {
    status: 422,
    ar: 'صندوق البريد مؤرشف.',
    en: 'This mailbox is archived.',
  },
  'conversation/assignee_invalid': {
    status: 422,
    ar: 'لا يمكن إسناد المحادثة إلى هذا الموظف.',
    en: 'The conversation cannot be assigned to this member.',
  },
  'saved_reply/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الرد المحفوظ.',
    en: 'Saved reply not found.',
  },
  'tag/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الوسم.',
    en: 'Tag not found.',
  },
  'tag/name_taken': {
    status: 409,
    ar: 'يوجد وسم بهذا الاسم؛ ادمج الوسمين بدلاً من ذلك.',
    en: 'A tag with this name exists; merge the two tags instead.',
  },
  'team/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الفريق.',
    en: 'Team not found.',
  },
  'team/name_taken': {
    status: 409,
    ar: 'يوجد فريق بهذا الاسم.',
    en: 'A team with this name exists.',
  },
  'conversation/merge_self': {
    status: 422,
    ar: 'لا يمكن دمج المحادثة في نفسها.',
    en: 'A conversation cannot be merged into itself.',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof CONVERSATIONS_ERRORS, true> {}
}
