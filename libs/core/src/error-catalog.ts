export interface CatalogEntry {
  status: number;
  ar: string;
  en: string;
}

/**
 * Every domain failure has a stable code, one HTTP status and a message in both languages.
 * `{name}` placeholders are filled from the error's params.
 */
/** Codes every library may use: malformed requests and failures of our own. */
export const CORE_ERRORS = {
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
  'request/too_deep': {
    status: 400,
    ar: 'نص الطلب متداخل أكثر من المسموح (الحد {limit} مستويات).',
    en: 'The request body is nested too deeply (at most {limit} levels).',
  },
  'request/too_many_keys': {
    status: 400,
    ar: 'نص الطلب فيه حقول أكثر من المسموح (الحد {limit}).',
    en: 'The request body has too many fields (at most {limit}).',
  },
  'request/duplicate_key': {
    status: 400,
    ar: 'الحقل «{key}» مكرر في نص الطلب.',
    en: 'The field "{key}" appears twice in the request body.',
  },
  'request/malformed_path': {
    status: 400,
    ar: 'عنوان الطلب فيه ترميز غير صالح.',
    en: 'The request path is not validly encoded.',
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
} as const satisfies ErrorCatalog;

export type ErrorCatalog = Record<string, CatalogEntry>;

/**
 * Every code a DomainError may carry. Each library declares its own codes with their messages in
 * `<lib>.errors.ts` and adds them here by module augmentation; the API assembles the catalogs.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorCodes extends Record<keyof typeof CORE_ERRORS, true> {}
export type ErrorCode = keyof ErrorCodes;

export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
