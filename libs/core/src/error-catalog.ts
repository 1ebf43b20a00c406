import type { Language } from './language.util';

interface CatalogEntry {
  status: number;
  ar: string;
  en: string;
}

/**
 * Every domain failure has a stable code, one HTTP status and a message in both languages.
 * `{name}` placeholders are filled from the error's params.
 */
export const ERROR_CATALOG = {
  'request/validation': {
    status: 400,
    ar: 'بعض الحقول غير صحيحة.',
    en: 'Some fields are not valid.',
  },
  'request/malformed_json': {
    status: 400,
    ar: 'نص الطلب ليس JSON صالحاً.',
    en: 'The request body is not valid JSON.',
  },
  'request/too_large': {
    status: 413,
    ar: 'حجم الطلب أكبر من الحد المسموح ({limit}).',
    en: 'The request body is larger than the allowed limit ({limit}).',
  },
  'request/not_found': {
    status: 404,
    ar: 'المسار المطلوب غير موجود.',
    en: 'The requested route does not exist.',
  },
  'request/unsupported_media_type': {
    status: 415,
    ar: 'نوع المحتوى غير مدعوم؛ أرسل JSON.',
    en: 'Unsupported content type; send JSON.',
  },
  'request/idempotency_conflict': {
    status: 409,
    ar: 'مفتاح منع التكرار مستخدم لطلب مختلف.',
    en: 'The Idempotency-Key was already used for a different request.',
  },
  'auth/unauthenticated': {
    status: 401,
    ar: 'يجب تسجيل الدخول أولاً.',
    en: 'You need to log in first.',
  },
  'auth/invalid_credentials': {
    status: 401,
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    en: 'The email or password is incorrect.',
  },
  'auth/account_deactivated': {
    status: 403,
    ar: 'تم تعطيل هذا الحساب. تواصل مع مسؤول مساحة العمل.',
    en: 'This account has been deactivated. Contact your workspace admin.',
  },
  'auth/forbidden': {
    status: 403,
    ar: 'ليست لديك صلاحية لهذا الإجراء.',
    en: 'You do not have permission to do this.',
  },
  'auth/csrf_failed': {
    status: 403,
    ar: 'رمز الحماية من الطلبات المزوّرة مفقود أو غير صحيح. أعد تحميل الصفحة.',
    en: 'The CSRF token is missing or invalid. Reload the page.',
  },
  'auth/rate_limited': {
    status: 429,
    ar: 'محاولات كثيرة. حاول مرة أخرى بعد {retryAfter} ثانية.',
    en: 'Too many attempts. Try again in {retryAfter} seconds.',
  },
  'auth/signup_disabled': {
    status: 403,
    ar: 'إنشاء مساحات عمل جديدة غير مفعّل في هذا الخادم.',
    en: 'Creating new workspaces is disabled on this server.',
  },
  'auth/wrong_current_password': {
    status: 400,
    ar: 'كلمة المرور الحالية غير صحيحة.',
    en: 'The current password is incorrect.',
  },
  'setup/already_done': {
    status: 409,
    ar: 'تم إعداد مساحة العمل مسبقاً. سجّل الدخول.',
    en: 'The workspace is already set up. Log in instead.',
  },
  'user/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الموظف.',
    en: 'Team member not found.',
  },
  'user/email_taken': {
    status: 409,
    ar: 'هذا البريد الإلكتروني مستخدم مسبقاً.',
    en: 'This email address is already in use.',
  },
  'user/cannot_change_self': {
    status: 422,
    ar: 'لا يمكنك تغيير دورك أو تعطيل حسابك بنفسك.',
    en: 'You cannot change your own role or deactivate yourself.',
  },
  'user/owner_protected': {
    status: 403,
    ar: 'لا يمكن تعديل صاحب الحساب إلا من قبل صاحب الحساب.',
    en: 'Only the account owner can change the owner.',
  },
  'invite/not_found': {
    status: 404,
    ar: 'رابط الدعوة غير موجود.',
    en: 'This invitation link does not exist.',
  },
  'invite/expired': {
    status: 410,
    ar: 'انتهت صلاحية رابط الدعوة. اطلب دعوة جديدة.',
    en: 'This invitation link has expired. Ask for a new one.',
  },
  'invite/used': {
    status: 410,
    ar: 'تم استخدام رابط الدعوة مسبقاً.',
    en: 'This invitation link has already been used.',
  },
  'token/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الرمز.',
    en: 'API token not found.',
  },
  'event/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الحدث.',
    en: 'Event not found.',
  },
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
  'email/not_found': {
    status: 404,
    ar: 'لم يتم العثور على البريد.',
    en: 'Email not found.',
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
  'request/invalid_cursor': {
    status: 400,
    ar: 'مؤشر الصفحة غير صالح.',
    en: 'The page cursor is not valid.',
  },
  internal: {
    status: 500,
    ar: 'حدث خطأ غير متوقع. حاول مرة أخرى.',
    en: 'Something went wrong. Please try again.',
  },
  unavailable: {
    status: 503,
    ar: 'الخدمة غير متاحة مؤقتاً. حاول بعد قليل.',
    en: 'The service is temporarily unavailable. Try again shortly.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function errorMessage(
  code: ErrorCode,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(ERROR_CATALOG[code][language], params);
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOG[code].status;
}
