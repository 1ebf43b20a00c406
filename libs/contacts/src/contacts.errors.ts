import type { ErrorCatalog } from '@sanad/core';

/** Contacts: people, companies, categories, custom fields, imports, merges, personal data. */
export const CONTACTS_ERRORS = {
  'contact/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الشخص.',
    en: 'Person not found.',
  },
  'company/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الشركة.',
    en: 'Company not found.',
  },
  'contact_category/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الفئة.',
    en: 'Category not found.',
  },
  'contact_category/name_taken': {
    status: 409,
    ar: 'توجد فئة بهذا الاسم.',
    en: 'A category with this name exists.',
  },
  'contact_category/last_one': {
    status: 422,
    ar: 'لا يمكن حذف الفئة الأخيرة؛ أضف فئة أخرى أولاً لنقل الأشخاص إليها.',
    en: 'The last category cannot be deleted; add another one first to move its members to.',
  },
  'contact_field/not_found': {
    status: 404,
    ar: 'لم يتم العثور على الحقل المخصص.',
    en: 'Custom field not found.',
  },
  'contact_field/key_taken': {
    status: 409,
    ar: 'يوجد حقل مخصص بهذا المفتاح.',
    en: 'A custom field with this key exists.',
  },
  'contact_field/limit': {
    status: 422,
    ar: 'بلغت الحد الأقصى لعدد الحقول المخصصة ({max}).',
    en: 'You reached the maximum number of custom fields ({max}).',
  },
  'contact/merge_self': {
    status: 400,
    ar: 'لا يمكن دمج الشخص مع نفسه.',
    en: 'A person cannot be merged into themselves.',
  },
  'contact/merge_source_not_found': {
    status: 404,
    ar: 'الشخص المراد دمجه لم يعد موجوداً؛ ربما دُمج من قبل.',
    en: 'The person to merge no longer exists; they may have been merged already.',
  },
  'company/merge_self': {
    status: 400,
    ar: 'لا يمكن دمج الشركة مع نفسها.',
    en: 'A company cannot be merged into itself.',
  },
  'company/merge_source_not_found': {
    status: 404,
    ar: 'الشركة المراد دمجها لم تعد موجودة؛ ربما دُمجت من قبل.',
    en: 'The company to merge no longer exists; it may have been merged already.',
  },
  'contact_export/unknown_columns': {
    status: 400,
    ar: 'أعمدة غير معروفة في التصدير: {columns}.',
    en: 'Unknown export columns: {columns}.',
  },
  'contact/erasure_in_progress': {
    status: 409,
    ar: 'بيانات هذا الشخص قيد المسح.',
    en: 'This person’s data is being erased.',
  },
} as const satisfies ErrorCatalog;

declare module '@sanad/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends Record<keyof typeof CONTACTS_ERRORS, true> {}
}
