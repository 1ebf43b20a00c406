import type { CustomFieldOptionView, CustomFieldType, CustomFieldValue } from '@sanad/contracts';
import { localTimestamp, type Language } from '@sanad/core';

/** Built-in columns of the people export, in their default order. */
export const PERSON_COLUMNS = [
  'name',
  'emails',
  'phones',
  'company',
  'category',
  'language',
  'externalId',
  'registered',
  'notes',
  'createdAt',
  'lastSeenAt',
] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number];

export const COMPANY_COLUMNS = ['name', 'domains', 'category', 'notes', 'createdAt'] as const;
export type CompanyColumn = (typeof COMPANY_COLUMNS)[number];

/** Headers of the built-in columns, in both languages (the import matches either). */
const HEADERS: Record<PersonColumn | CompanyColumn, Record<Language, string>> = {
  name: { ar: 'الاسم', en: 'Name' },
  emails: { ar: 'البريد الإلكتروني', en: 'Emails' },
  phones: { ar: 'الهاتف', en: 'Phones' },
  company: { ar: 'الشركة', en: 'Company' },
  category: { ar: 'الفئة', en: 'Category' },
  language: { ar: 'اللغة', en: 'Language' },
  externalId: { ar: 'المعرف الخارجي', en: 'External ID' },
  registered: { ar: 'مسجل', en: 'Registered' },
  notes: { ar: 'ملاحظات', en: 'Notes' },
  createdAt: { ar: 'تاريخ الإنشاء', en: 'Created' },
  lastSeenAt: { ar: 'آخر ظهور', en: 'Last seen' },
  domains: { ar: 'النطاقات', en: 'Domains' },
};

/** A custom field as the export needs it. */
export interface ExportField {
  key: string;
  labelAr: string;
  labelEn: string;
  type: CustomFieldType;
  options: readonly CustomFieldOptionView[];
}

export type ExportColumn<B extends string> =
  { kind: 'builtin'; key: B } | { kind: 'field'; field: ExportField };

/**
 * The `columns` query value as columns: built-in names and `field:<key>`, in the caller's order,
 * each once. Empty or absent: every built-in, then every custom field. Unknown names are
 * returned in `unknown` (the caller answers 400 naming them).
 */
export function parseColumns<B extends string>(
  raw: string | undefined,
  builtins: readonly B[],
  fields: readonly ExportField[],
): { columns: Array<ExportColumn<B>>; unknown: string[] } {
  const names = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0)
    return {
      columns: [
        ...builtins.map((key) => ({ kind: 'builtin' as const, key })),
        ...fields.map((field) => ({ kind: 'field' as const, field })),
      ],
      unknown: [],
    };
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const seen = new Set<string>();
  const columns: Array<ExportColumn<B>> = [];
  const unknown: string[] = [];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const field = name.startsWith('field:') ? byKey.get(name.slice('field:'.length)) : undefined;
    if (field) columns.push({ kind: 'field', field });
    else if ((builtins as readonly string[]).includes(name))
      columns.push({ kind: 'builtin', key: name as B });
    else unknown.push(name);
  }
  return { columns, unknown };
}

/** The header row in the member's language (custom fields by their label in it). */
export function headerRow<B extends string>(
  columns: ReadonlyArray<ExportColumn<B>>,
  language: Language,
): string[] {
  return columns.map((c) =>
    c.kind === 'field'
      ? language === 'ar'
        ? c.field.labelAr
        : c.field.labelEn
      : HEADERS[c.key as PersonColumn | CompanyColumn][language],
  );
}

/**
 * A cell Excel or Sheets could run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets an
 * apostrophe in front, so it shows as the text it is (R10).
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * One cell's text: instants on the workspace's clock (`2026-12-03 00:30:05 +03:00`, which
 * spreadsheets read as a date), lists joined with "; ", null as empty. Digits stay Latin so
 * numbers stay numbers in a spreadsheet.
 */
export function cellText(value: unknown, timeZone = 'UTC'): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return localTimestamp(value, timeZone);
  if (Array.isArray(value)) return value.map((v) => cellText(v, timeZone)).join('; ');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? '';
}

/** A custom value as shown: select options by their label in the member's language. */
export function fieldCell(
  field: ExportField,
  value: CustomFieldValue | undefined,
  language: Language,
): string {
  if (value === undefined) return '';
  if (field.type === 'select' || field.type === 'multi_select') {
    const label = (v: string): string => {
      const option = field.options.find((o) => o.value === v);
      return option ? option[language] || option.value : v;
    };
    return cellText(Array.isArray(value) ? value.map(label) : label(String(value)));
  }
  return cellText(value);
}
