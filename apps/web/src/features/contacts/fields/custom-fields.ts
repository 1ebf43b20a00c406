import type {
  CustomFieldValue,
  CustomFieldView,
  Language,
  ProblemFieldError,
} from '@sanad/contracts';

/** The field's label in the reader's language. */
export function fieldLabel(field: CustomFieldView, language: Language): string {
  return language === 'en' ? field.labelEn : field.labelAr;
}

/** An option's label in the reader's language; an unknown value (a deleted option) as it is. */
export function optionLabel(field: CustomFieldView, value: string, language: Language): string {
  const option = field.options.find((o) => o.value === value);
  if (!option) return value;
  return language === 'en' ? option.en : option.ar;
}

/** Arabic-Indic and Persian digits, the Arabic decimal and thousands separators as Latin. */
export function foldDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, '.')
    .replace(/\u066C/g, ',');
}

/**
 * What a number box holds, for the API: null when blank, a number when it reads as one (Arabic
 * digits allowed), else the text as typed so the server names the mistake next to the field.
 */
export function parseNumberInput(text: string, integer: boolean): number | string | null {
  const plain = foldDigits(text)
    .trim()
    .replace(/,(?=\d{3}\b)/g, '');
  if (!plain) return null;
  const n = Number(plain);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return text;
  return n;
}

export interface ValueFormatters {
  number: (n: number) => string;
  /** A calendar day, `YYYY-MM-DD`. */
  date: (day: string) => string;
  yes: string;
  no: string;
}

/** A stored value as the profile shows it; empty text when there is none. */
export function formatFieldValue(
  field: CustomFieldView,
  value: CustomFieldValue | null | undefined,
  language: Language,
  format: ValueFormatters,
): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'number':
    case 'decimal':
      return typeof value === 'number' ? format.number(value) : String(value);
    case 'date':
      return typeof value === 'string' ? format.date(value) : String(value);
    case 'checkbox':
      return value === true ? format.yes : value === false ? format.no : String(value);
    case 'select':
      return optionLabel(field, String(value), language);
    case 'multi_select':
      return (Array.isArray(value) ? value : [String(value)])
        .map((v) => optionLabel(field, v, language))
        .join('، ');
    default:
      return Array.isArray(value) ? value.join('; ') : String(value);
  }
}

/** The server's messages for `customFields.<key>`, by key. */
export function customFieldErrors(errors: readonly ProblemFieldError[]): Record<string, string> {
  const byKey: Record<string, string> = {};
  for (const error of errors) {
    const match = /^customFields\.(.+)$/.exec(error.field);
    if (match && !byKey[match[1]]) byKey[match[1]] = error.message;
  }
  return byKey;
}

/** Values kept aside by a type change (`<key>__previous`), by the field's key. */
export function previousValues(values: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(values))
    if (key.endsWith('__previous') && value !== null && value !== undefined)
      kept[key.slice(0, -'__previous'.length)] = String(value);
  return kept;
}

/**
 * Custom-field values for a PATCH: every definition's key, a cleared one as null (the server
 * removes it), so a value emptied in the form is really removed. Keys without a definition
 * (values kept aside by a type change) are left alone.
 */
export function fieldValuesPatch(
  fields: readonly Pick<CustomFieldView, 'key'>[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.key, emptyToNull(values[f.key])]));
}

/** Custom-field values for a create: only the filled ones. */
export function fieldValuesCreate(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => emptyToNull(v) !== null));
}

function emptyToNull(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return value;
}
