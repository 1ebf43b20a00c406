import { checkFieldValue, isEmptyValue, type FieldRule } from '@sanad/contacts';
import {
  FORM_CONTENT_TYPES,
  type CustomFieldType,
  type CustomFieldValue,
  type FormField,
  type FormFieldType,
} from '@sanad/contracts';
import type { FieldError } from '@sanad/core';
import type { CountryCode } from 'libphonenumber-js/min';
import { TEXT_LIMITS } from '../definition/form-definition.rules';

/** One uploaded file of a submission (before it is stored). */
export interface SubmittedFile {
  fieldKey: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A form field's answers are checked like the contact custom field of the same kind. */
const AS_CUSTOM: Partial<Record<FormFieldType, CustomFieldType>> = {
  short_text: 'long_text',
  long_text: 'long_text',
  hidden: 'long_text',
  number: 'number',
  decimal: 'decimal',
  date: 'date',
  select: 'select',
  radio: 'select',
  multi_select: 'multi_select',
  checkbox: 'checkbox',
  email: 'email',
  phone: 'phone',
  url: 'url',
};
const CONTENT = new Set<FormFieldType>(FORM_CONTENT_TYPES);

export type SubmissionValues = Record<string, CustomFieldValue>;

/**
 * A submission's answers checked against the version's fields: unknown keys, wrong values,
 * bounds and missing required answers are errors at the field's key; answers are normalised
 * (trimmed text, numbers from Arabic-Indic digits, phones in E.164, options by value). A
 * required checkbox (consent) must be ticked. Files are checked by count, size and type.
 */
export function checkSubmission(
  fields: readonly FormField[],
  input: Record<string, unknown>,
  files: readonly SubmittedFile[],
  region: CountryCode,
): { values: SubmissionValues; errors: FieldError[] } {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const values: SubmissionValues = {};
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    const field = byKey.get(key);
    if (!field || CONTENT.has(field.type) || field.type === 'file')
      errors.push({ field: key, code: 'unknownFormField', params: { key } });
  }
  for (const field of fields) {
    if (CONTENT.has(field.type)) continue;
    if (field.type === 'file') {
      errors.push(
        ...checkFiles(
          field,
          files.filter((f) => f.fieldKey === field.key),
        ),
      );
      continue;
    }
    const raw = input[field.key];
    if (isEmptyValue(raw) || (field.type === 'checkbox' && field.required && !truthy(raw))) {
      if (field.required) errors.push({ field: field.key, code: 'isNotEmpty' });
      continue;
    }
    // A plain HTML checkbox sends "on".
    const answer = field.type === 'checkbox' && raw === 'on' ? true : raw;
    const checked = checkFieldValue(ruleOf(field), answer, region);
    if ('error' in checked) {
      errors.push({ field: field.key, ...checked.error });
      continue;
    }
    const bounds = checkBounds(field, checked.value);
    if (bounds) errors.push({ field: field.key, ...bounds });
    else values[field.key] = checked.value;
  }
  for (const file of files)
    if (byKey.get(file.fieldKey)?.type !== 'file')
      errors.push({
        field: file.fieldKey,
        code: 'unknownFormField',
        params: { key: file.fieldKey },
      });
  return { values, errors };
}

function ruleOf(field: FormField): FieldRule {
  return {
    key: field.key,
    type: AS_CUSTOM[field.type] as CustomFieldType,
    required: field.required,
    options: field.options.map((o) => ({ value: o.value, ar: o.label.ar, en: o.label.en })),
  };
}

function truthy(raw: unknown): boolean {
  return (
    raw === true ||
    (typeof raw === 'string' &&
      ['true', 'on', '1', 'yes', 'نعم'].includes(raw.trim().toLowerCase()))
  );
}

function checkBounds(field: FormField, value: CustomFieldValue): Omit<FieldError, 'field'> | null {
  if (typeof value === 'string' && TEXT_LIMITS[field.type] !== undefined) {
    const max = field.maxLength ?? (TEXT_LIMITS[field.type] as number);
    if (field.minLength !== null && value.length < field.minLength)
      return { code: 'minLength', params: { min: field.minLength } };
    if (value.length > max) return { code: 'maxLength', params: { max } };
  }
  if (typeof value === 'number') {
    if (typeof field.min === 'number' && value < field.min)
      return { code: 'min', params: { min: field.min } };
    if (typeof field.max === 'number' && value > field.max)
      return { code: 'max', params: { max: field.max } };
  }
  if (field.type === 'date' && typeof value === 'string') {
    if (typeof field.min === 'string' && value < field.min)
      return { code: 'minDate', params: { min: field.min } };
    if (typeof field.max === 'string' && value > field.max)
      return { code: 'maxDate', params: { max: field.max } };
  }
  return null;
}

function checkFiles(field: FormField, files: readonly SubmittedFile[]): FieldError[] {
  const rules = field.file;
  if (!rules) return [];
  if (files.length === 0) return field.required ? [{ field: field.key, code: 'isNotEmpty' }] : [];
  if (files.length > rules.maxFiles)
    return [{ field: field.key, code: 'tooManyFiles', params: { max: rules.maxFiles } }];
  for (const file of files) {
    if (file.size > rules.maxSizeMb * 1024 * 1024)
      return [
        {
          field: field.key,
          code: 'fileTooLarge',
          params: { limit: `${rules.maxSizeMb} MB`, name: file.fileName },
        },
      ];
    if (!accepts(rules.accept, file))
      return [
        {
          field: field.key,
          code: 'fileType',
          params: { allowed: rules.accept.join(', '), name: file.fileName },
        },
      ];
  }
  return [];
}

/** Whether a file matches an accept list: an extension, a MIME type or a family (`image/*`). */
export function accepts(
  accept: readonly string[],
  file: { fileName: string; contentType: string },
): boolean {
  const name = file.fileName.toLowerCase();
  const type = file.contentType.toLowerCase().split(';')[0].trim();
  return accept.some((rule) =>
    rule.startsWith('.')
      ? name.endsWith(rule)
      : rule.endsWith('/*')
        ? type.startsWith(rule.slice(0, -1))
        : type === rule,
  );
}
