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
  'contact_import/not_found': {
    status: 404,
    ar: 'لم يتم العثور على عملية الاستيراد.',
    en: 'Import not found.',
  },
  'contact_import/missing_file': {
    status: 400,
    ar: 'أرفق ملف CSV في الحقل file.',
    en: 'Attach a CSV file in the file field.',
  },
  'contact_import/too_large': {
    status: 413,
    ar: 'الملف أكبر من الحد المسموح ({limit}).',
    en: 'The file is larger than the limit ({limit}).',
  },
  'contact_import/unknown_encoding': {
    status: 400,
    ar: 'تعذّر التعرف على ترميز الملف. احفظه من Excel بصيغة CSV UTF-8 أو «نص Unicode»، أو اختر الترميز يدوياً.',
    en: 'The file encoding could not be recognised. Save it from Excel as "CSV UTF-8" or "Unicode Text", or choose the encoding.',
  },
  'contact_import/no_header': {
    status: 400,
    ar: 'يجب أن يكون الصف الأول عناوين الأعمدة (مثل: الاسم، البريد الإلكتروني، الجوال).',
    en: 'The first row must name the columns (for example: Name, Email, Phone).',
  },
  'contact_import/too_many_columns': {
    status: 400,
    ar: 'في الملف {count} عموداً؛ الحد الأقصى {max}.',
    en: 'The file has {count} columns; at most {max} are read.',
  },
  'contact_import/empty': {
    status: 400,
    ar: 'لا توجد صفوف بيانات تحت صف العناوين.',
    en: 'There are no data rows under the header row.',
  },
  'contact_import/wrong_status': {
    status: 409,
    ar: 'لا يمكن تنفيذ هذا الإجراء والاستيراد في حالة «{status}».',
    en: 'This cannot be done while the import is "{status}".',
  },
  'contact_import/invalid_mapping': {
    status: 400,
    ar: 'ربط الأعمدة غير صالح.',
    en: 'The column mapping is not valid.',
  },
  'contact_import/no_identity_column': {
    status: 400,
    ar: 'اربط عموداً واحداً على الأقل بالاسم أو البريد الإلكتروني أو الهاتف أو المعرّف الخارجي.',
    en: 'Map at least one column to the name, email, phone or external id.',
  },
  'contact_import/unreadable': {
    status: 422,
    ar: 'توقفت قراءة الملف عند الصف {row}: {reason}',
    en: 'Reading the file stopped at row {row}: {reason}',
  },
  'contact_import/file_gone': {
    status: 422,
    ar: 'لم يعد الملف المرفوع موجوداً؛ ارفعه من جديد.',
    en: 'The uploaded file is gone; upload it again.',
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
