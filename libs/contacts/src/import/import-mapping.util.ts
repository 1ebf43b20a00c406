import type { CustomFieldView, ImportBuiltInTarget, ImportTarget } from '@sanad/contracts';
import { IMPORT_TARGETS } from '@sanad/contracts';
import { foldLetters } from '@sanad/search';

/**
 * Headers each built-in target is recognised by, Arabic and English, as spreadsheets and other
 * help desks (Zaytoon, Zendesk, HubSpot, Excel contact lists) name them. Compared folded: case,
 * hamza and alef forms, ta marbuta, marks, spaces, `_` and `-` do not matter.
 */
const HEADER_NAMES: Record<ImportBuiltInTarget, string[]> = {
  name: [
    'name',
    'full name',
    'contact name',
    'customer name',
    'display name',
    'الاسم',
    'اسم',
    'الاسم الكامل',
    'اسم العميل',
    'اسم الشخص',
    'اسم جهة الاتصال',
    'الاسم بالكامل',
  ],
  firstName: ['first name', 'given name', 'firstname', 'الاسم الأول', 'الاسم الاول', 'اسم أول'],
  lastName: [
    'last name',
    'family name',
    'surname',
    'lastname',
    'اسم العائلة',
    'الاسم الأخير',
    'العائلة',
    'اللقب',
  ],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'mail',
    'البريد الإلكتروني',
    'البريد الالكتروني',
    'البريد',
    'الإيميل',
    'ايميل',
    'البريد الإلكتروني الأساسي',
  ],
  phone: [
    'phone',
    'phone number',
    'mobile',
    'mobile number',
    'cell',
    'telephone',
    'tel',
    'whatsapp',
    'الهاتف',
    'رقم الهاتف',
    'الجوال',
    'رقم الجوال',
    'الموبايل',
    'رقم الموبايل',
    'هاتف',
    'جوال',
    'الواتساب',
    'واتساب',
  ],
  externalId: [
    'external id',
    'externalid',
    'customer id',
    'user id',
    'id',
    'المعرف',
    'المعرف الخارجي',
    'رقم العميل',
    'معرف العميل',
  ],
  company: [
    'company',
    'company name',
    'organization',
    'organisation',
    'الشركة',
    'اسم الشركة',
    'المنشأة',
    'جهة العمل',
    'المؤسسة',
  ],
  category: ['category', 'type', 'segment', 'الفئة', 'التصنيف', 'النوع'],
  language: ['language', 'locale', 'اللغة'],
  notes: ['notes', 'note', 'comments', 'description', 'ملاحظات', 'الملاحظات', 'ملاحظة', 'وصف'],
};

export function foldHeader(header: string): string {
  return foldLetters(header).replace(/[\s_\-.:]+/g, '');
}

const BY_HEADER = new Map<string, ImportBuiltInTarget>(
  IMPORT_TARGETS.flatMap((target) => HEADER_NAMES[target].map((h) => [foldHeader(h), target])),
);

/** Targets a column may repeat: several email or phone columns all add to the person. */
export const REPEATABLE_TARGETS: ReadonlySet<ImportTarget> = new Set(['email', 'phone']);

/**
 * A target for each header, or null: a custom field by its key or either label first (they are
 * the workspace's own words), then the built-in names. A target taken by an earlier column is
 * not given again, except emails and phones.
 */
export function autoMap(
  headers: readonly string[],
  fields: ReadonlyArray<Pick<CustomFieldView, 'key' | 'labelAr' | 'labelEn'>>,
): Array<ImportTarget | null> {
  const byField = new Map<string, ImportTarget>();
  for (const field of fields)
    for (const name of [field.key, field.labelAr, field.labelEn])
      if (name && !byField.has(foldHeader(name)))
        byField.set(foldHeader(name), `field:${field.key}`);
  const taken = new Set<ImportTarget>();
  return headers.map((header) => {
    const folded = foldHeader(header);
    const target = byField.get(folded) ?? BY_HEADER.get(folded) ?? null;
    if (!target || (taken.has(target) && !REPEATABLE_TARGETS.has(target))) return null;
    taken.add(target);
    return target;
  });
}

/** Problems with a chosen mapping (not a header's guess): unknown targets, one target twice. */
export function mappingErrors(
  targets: ReadonlyArray<ImportTarget | null>,
  fieldKeys: ReadonlySet<string>,
): Array<{ index: number; code: 'unknownTarget' | 'duplicateTarget' }> {
  const errors: Array<{ index: number; code: 'unknownTarget' | 'duplicateTarget' }> = [];
  const seen = new Set<ImportTarget>();
  targets.forEach((target, index) => {
    if (!target) return;
    const known = target.startsWith('field:')
      ? fieldKeys.has(target.slice(6))
      : (IMPORT_TARGETS as readonly string[]).includes(target);
    if (!known) errors.push({ index, code: 'unknownTarget' });
    else if (seen.has(target) && !REPEATABLE_TARGETS.has(target))
      errors.push({ index, code: 'duplicateTarget' });
    seen.add(target);
  });
  return errors;
}
