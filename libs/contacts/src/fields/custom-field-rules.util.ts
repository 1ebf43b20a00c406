import type {
  CustomFieldType,
  CustomFieldValue,
  CustomFieldValues,
  CustomFieldOptionView,
} from '@sanad/contracts';
import type { FieldError } from '@sanad/core';
import type { CountryCode } from 'libphonenumber-js/min';
import { foldLetters } from '@sanad/search';
import { toE164 } from '../phone.util';

/** What a value is checked against: a definition's type, options and required flag. */
export interface FieldRule {
  key: string;
  type: CustomFieldType;
  required: boolean;
  options: readonly CustomFieldOptionView[];
}

export const MAX_TEXT = 255;
export const MAX_LONG_TEXT = 10_000;
export const MAX_URL = 2_000;
/** PostgreSQL's exact numeric range is wider, but JSON numbers are doubles. */
const MAX_NUMBER = 1e15;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Checked = { value: CustomFieldValue } | { error: Omit<FieldError, 'field'> };

/**
 * One value checked and normalised by its field's type. Text is trimmed; numbers may come as
 * strings (an import cell), with Arabic-Indic digits and the Arabic decimal separator; dates as
 * `YYYY-MM-DD`; checkboxes as true/false, yes/no, نعم/لا, 1/0; select values as the option's
 * value or one of its labels; multi-select as a list or `;`/`,`-separated text.
 */
export function checkFieldValue(rule: FieldRule, raw: unknown, region: CountryCode): Checked {
  const text = typeof raw === 'string' ? foldDigits(raw).trim() : null;
  switch (rule.type) {
    case 'text':
    case 'long_text': {
      if (typeof raw !== 'string') return fail('isString');
      const max = rule.type === 'text' ? MAX_TEXT : MAX_LONG_TEXT;
      const value = raw.trim();
      return value.length > max ? fail('maxLength', { max }) : { value };
    }
    case 'number':
    case 'decimal': {
      const plain = text?.replace(/,(?=\d{3}\b)/g, '');
      const n = typeof raw === 'number' ? raw : plain ? Number(plain) : NaN;
      if (!Number.isFinite(n)) return fail(rule.type === 'number' ? 'isInt' : 'isNumber');
      if (rule.type === 'number' && !Number.isInteger(n)) return fail('isInt');
      if (Math.abs(n) > MAX_NUMBER) return fail('max', { max: MAX_NUMBER });
      return { value: n };
    }
    case 'date': {
      const m = text !== null ? DATE.exec(text) : null;
      if (!m) return fail('isDate');
      const date = new Date(`${text}T00:00:00Z`);
      const valid =
        !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text && +m[1] >= 1;
      return valid ? { value: text } : fail('isDate');
    }
    case 'checkbox': {
      if (typeof raw === 'boolean') return { value: raw };
      const t = text?.toLowerCase();
      if (t !== undefined && TRUE.has(t)) return { value: true };
      if (t !== undefined && FALSE.has(t)) return { value: false };
      return fail('isBoolean');
    }
    case 'select': {
      if (typeof raw !== 'string') return fail('isIn', allowed(rule));
      const option = findOption(rule, raw);
      return option ? { value: option.value } : fail('isIn', allowed(rule));
    }
    case 'multi_select': {
      const items = Array.isArray(raw)
        ? raw
        : typeof raw === 'string'
          ? raw
              .split(/[;,،]/)
              .map((s) => s.trim())
              .filter(Boolean)
          : null;
      if (!items || items.some((i) => typeof i !== 'string')) return fail('isArray');
      const values: string[] = [];
      for (const item of items as string[]) {
        const option = findOption(rule, item);
        if (!option) return fail('isIn', allowed(rule));
        if (!values.includes(option.value)) values.push(option.value);
      }
      return { value: values };
    }
    case 'url': {
      if (text === null) return fail('isUrl');
      const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
      try {
        const url = new URL(candidate);
        if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.'))
          return fail('isUrl');
        return candidate.length > MAX_URL
          ? fail('maxLength', { max: MAX_URL })
          : { value: url.href };
      } catch {
        return fail('isUrl');
      }
    }
    case 'email': {
      const value = text?.toLowerCase() ?? '';
      return EMAIL.test(value) && value.length <= 254 ? { value } : fail('isEmail');
    }
    case 'phone': {
      const value = text !== null ? toE164(text, region) : null;
      return value ? { value } : fail('isPhone');
    }
  }
}

/** Empty: absent, null, blank text or an empty list (a required field refuses it). */
export function isEmptyValue(raw: unknown): boolean {
  return (
    raw === undefined ||
    raw === null ||
    (typeof raw === 'string' && raw.trim() === '') ||
    (Array.isArray(raw) && raw.length === 0)
  );
}

/**
 * The custom fields of a write checked against the definitions: unknown keys, wrong types and
 * missing required fields are errors (named `customFields.<key>`); an empty value removes the
 * key. `current` is what is stored (a partial update keeps the keys it does not send).
 */
export function checkCustomFields(
  rules: readonly FieldRule[],
  input: Record<string, unknown>,
  current: CustomFieldValues,
  region: CountryCode,
): { values: CustomFieldValues; errors: FieldError[] } {
  const byKey = new Map(rules.map((r) => [r.key, r]));
  const values: CustomFieldValues = { ...current };
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const rule = byKey.get(key);
    const field = `customFields.${key}`;
    if (!rule) {
      errors.push({ field, code: 'unknownField', params: { key } });
      continue;
    }
    if (isEmptyValue(raw)) {
      delete values[key];
      continue;
    }
    const checked = checkFieldValue(rule, raw, region);
    if ('error' in checked) errors.push({ field, ...checked.error });
    else values[key] = checked.value;
  }
  for (const rule of rules)
    if (rule.required && isEmptyValue(values[rule.key]))
      errors.push({ field: `customFields.${rule.key}`, code: 'isNotEmpty' });
  return { values, errors };
}

/**
 * A stored value in a field's new type, or null when it does not convert (the caller keeps it
 * as text under `<key>__previous`, so nothing is lost).
 */
export function convertFieldValue(
  value: CustomFieldValue,
  to: FieldRule,
  region: CountryCode,
): CustomFieldValue | null {
  const raw = Array.isArray(value)
    ? to.type === 'multi_select'
      ? value
      : value.join('; ')
    : typeof value === 'boolean' && !['checkbox'].includes(to.type)
      ? String(value)
      : typeof value === 'number' && !['number', 'decimal'].includes(to.type)
        ? String(value)
        : value;
  const checked = checkFieldValue(to, raw, region);
  return 'error' in checked ? null : checked.value;
}

/** A value as text, for exports, the `__previous` copies and text search. */
export function fieldValueText(value: CustomFieldValue): string {
  return Array.isArray(value) ? value.join('; ') : String(value);
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'نعم', 'صح', 'x', '✓']);
const FALSE = new Set(['false', 'no', 'n', '0', 'لا', 'خطأ', '']);

/** Arabic-Indic and Persian digits and separators as Latin ones; letters untouched. */
function foldDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
    .replace(/\u066B/g, '.')
    .replace(/\u066C/g, ',');
}

function findOption(rule: FieldRule, raw: string): CustomFieldOptionView | undefined {
  const wanted = foldLetters(raw).trim();
  return rule.options.find(
    (o) =>
      o.value === raw.trim() ||
      foldLetters(o.value) === wanted ||
      foldLetters(o.ar).trim() === wanted ||
      foldLetters(o.en).trim() === wanted,
  );
}

function allowed(rule: FieldRule): Record<string, string> {
  return { allowed: rule.options.map((o) => o.value).join(', ') };
}

function fail(code: string, params?: Record<string, string | number>): Checked {
  return { error: params ? { code, params } : { code } };
}
