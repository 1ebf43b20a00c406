import type { ErrorCatalog } from '@sanad/core';

/** Accounts, sessions, invites and API tokens: its failure codes, HTTP statuses and messages. */
export const ACCOUNTS_ERRORS = {
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
  'token/read_only': {
    status: 403,
    ar: 'هذا الرمز للقراءة فقط: يسمح بطلبات GET وHEAD وحدها. أنشئ رمزًا للقراءة والكتابة لإجراء التغييرات.',
    en: 'This API token is read-only: it allows GET and HEAD requests only. Create a read-write token to make changes.',
  },
  'token/rate_limited': {
    status: 429,
    ar: 'طلبات كثيرة بهذا الرمز. حاول مرة أخرى بعد {retryAfter} ثانية.',
    en: 'Too many requests with this API token. Try again in {retryAfter} seconds.',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof ACCOUNTS_ERRORS, true> {}
}
