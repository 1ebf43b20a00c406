import type { ErrorCatalog } from '@sanad/core';

/** Webhooks: endpoints, their URLs and the delivery log. */
export const WEBHOOKS_ERRORS = {
  'webhook/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الخطاف.',
    en: 'Webhook not found.',
  },
  'webhook_delivery/not_found': {
    status: 404,
    ar: 'لم يتم العثور على التسليم.',
    en: 'Delivery not found.',
  },
  'webhook/limit': {
    status: 422,
    ar: 'بلغت الحد الأقصى لعدد الخطافات ({max}).',
    en: 'You reached the maximum number of webhooks ({max}).',
  },
  'webhook/url_invalid': {
    status: 400,
    ar: 'عنوان الخطاف ليس رابطًا صالحًا.',
    en: 'The webhook URL is not a valid URL.',
  },
  'webhook/url_too_long': {
    status: 400,
    ar: 'عنوان الخطاف أطول من {max} حرف.',
    en: 'The webhook URL is longer than {max} characters.',
  },
  'webhook/url_scheme': {
    status: 400,
    ar: 'يجب أن يبدأ عنوان الخطاف بـ https:// أو http://.',
    en: 'The webhook URL must start with https:// or http://.',
  },
  'webhook/url_credentials': {
    status: 400,
    ar: 'لا يجوز أن يحتوي عنوان الخطاف على اسم مستخدم أو كلمة مرور؛ استخدم الترويسات المخصصة بدلًا منها.',
    en: 'The webhook URL must not contain a user name or password; use custom headers instead.',
  },
  'webhook/url_forbidden_address': {
    status: 400,
    ar: 'يشير عنوان الخطاف إلى عنوان داخلي غير مسموح به ({address}).',
    en: 'The webhook URL points to an internal address that is not allowed ({address}).',
  },
  'webhook/url_unresolvable': {
    status: 400,
    ar: 'تعذر العثور على الخادم {host}.',
    en: 'The host {host} could not be found.',
  },
  'webhook/unknown_events': {
    status: 400,
    ar: 'أنواع أحداث غير معروفة: {events}. المسموح: {allowed}.',
    en: 'Unknown event types: {events}. Allowed: {allowed}.',
  },
  'webhook/header_not_allowed': {
    status: 400,
    ar: 'لا يمكن تعيين الترويسة {name}.',
    en: 'The header {name} cannot be set.',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof WEBHOOKS_ERRORS, true> {}
}
