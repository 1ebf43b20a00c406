import type { ErrorCatalog } from '@sanad/core';

/** The brand's failure codes: what was wrong with an image or a colour, and the limit. */
export const BRANDING_ERRORS = {
  'brand/image_missing': {
    status: 400,
    ar: 'اختر صورة لرفعها (الحقل file).',
    en: 'Choose an image to upload (the file field).',
  },
  'brand/image_type': {
    status: 400,
    ar: 'نوع الصورة غير مدعوم. الأنواع المسموحة: PNG وJPEG وWebP وSVG.',
    en: 'This image type is not supported. Allowed: PNG, JPEG, WebP and SVG.',
  },
  'brand/image_too_large': {
    status: 400,
    ar: 'حجم الصورة أكبر من المسموح (الحد {limit}).',
    en: 'The image is too large (at most {limit}).',
  },
  'brand/logo_too_large_pixels': {
    status: 400,
    ar: 'أبعاد الشعار {size} بكسل أكبر من المسموح (الحد {max} بكسل، والمقترح {recommended} بكسل).',
    en: 'The logo is {size} px, larger than allowed (at most {max} px; {recommended} px recommended).',
  },
  'brand/icon_not_square': {
    status: 400,
    ar: 'يجب أن تكون الأيقونة مربعة (أبعادها الحالية {size} بكسل).',
    en: 'The icon must be square (it is {size} px).',
  },
  'brand/icon_too_small': {
    status: 400,
    ar: 'الأيقونة أصغر من المسموح ({size} بكسل؛ الحد الأدنى {min}×{min} بكسل).',
    en: 'The icon is too small ({size} px; at least {min}×{min} px).',
  },
  'brand/icon_too_large_pixels': {
    status: 400,
    ar: 'أبعاد الأيقونة {size} بكسل أكبر من المسموح (الحد {max} بكسل، ويكفي 512×512).',
    en: 'The icon is {size} px, larger than allowed (at most {max} px; 512×512 is plenty).',
  },
  'brand/svg_unsafe': {
    status: 400,
    ar: 'ملف SVG يحتوي على {reason}، وهذا غير مسموح في الشعارات والأيقونات.',
    en: 'The SVG contains {reason}, which logos and icons may not.',
  },
  'brand/invalid_colour': {
    status: 400,
    ar: 'اللون غير صالح: اكتبه بالصيغة الست عشرية مثل ‎#45B97C أو ‎#4B7.',
    en: 'The colour is not valid: write it in hex, such as #45B97C or #4B7.',
  },
  'brand/image_not_found': {
    status: 404,
    ar: 'الصورة غير موجودة.',
    en: 'The image does not exist.',
  },
  'workspace/not_found': {
    status: 404,
    ar: 'مساحة العمل غير موجودة.',
    en: 'The workspace does not exist.',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof BRANDING_ERRORS, true> {}
}
