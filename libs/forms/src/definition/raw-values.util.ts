import type { FormLanguages, LocalText } from '@sanad/contracts';
import type { FieldError } from '@sanad/core';

/**
 * Checks of the raw JSON values a draft is made of (texts in two languages, bounded integers,
 * days, ids, origins): each pushes its error at `path` and answers the value it could keep.
 */

export type Raw = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function localText(
  raw: unknown,
  path: string,
  max: number,
  languages: FormLanguages,
  required: boolean,
  errors: FieldError[],
): LocalText {
  const value = isObject(raw) ? raw : {};
  const text: LocalText = { ar: '', en: '' };
  for (const language of ['ar', 'en'] as const) {
    const part = value[language];
    if (part !== undefined && part !== null && typeof part !== 'string') {
      errors.push({ field: `${path}.${language}`, code: 'isString' });
      continue;
    }
    text[language] = (part ?? '').trim();
    if (text[language].length > max)
      errors.push({ field: `${path}.${language}`, code: 'maxLength', params: { max } });
    const needed = languages === 'both' || languages === language;
    if (required && needed && !text[language])
      errors.push({ field: `${path}.${language}`, code: 'isNotEmpty' });
  }
  return text;
}

export function optionalText(
  raw: unknown,
  path: string,
  max: number,
  errors: FieldError[],
): LocalText | null {
  if (raw === null || raw === undefined) return null;
  const text = localText(raw, path, max, 'both', false, errors);
  return text.ar || text.en ? text : null;
}

export function origins(raw: unknown, path: string, errors: FieldError[]): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > 20) {
    errors.push({ field: path, code: 'arrayMaxSize', params: { max: 20 } });
    return [];
  }
  const result: string[] = [];
  raw.forEach((origin, i) => {
    const url = httpUrl(origin);
    if (!url || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
      errors.push({ field: `${path}.${i}`, code: 'origin' });
    else if (!result.includes(url.origin)) result.push(url.origin);
  });
  return result;
}

export function httpUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 2000) return null;
  try {
    const url = new URL(raw.trim());
    return ['http:', 'https:'].includes(url.protocol) && url.hostname ? url : null;
  } catch {
    return null;
  }
}

export function bound(
  raw: unknown,
  path: string,
  min: number,
  max: number,
  errors: FieldError[],
): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'number' || !Number.isInteger(raw)) {
    errors.push({ field: path, code: 'isInt' });
    return null;
  }
  if (raw < min || raw > max) {
    errors.push({
      field: path,
      code: raw < min ? 'min' : 'max',
      params: raw < min ? { min } : { max },
    });
    return null;
  }
  return raw;
}

export function number(
  raw: unknown,
  path: string,
  integer: boolean,
  errors: FieldError[],
): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || (integer && !Number.isInteger(raw))) {
    errors.push({ field: path, code: integer ? 'isInt' : 'isNumber' });
    return null;
  }
  return raw;
}

export function day(raw: unknown, path: string, errors: FieldError[]): string | null {
  if (raw === null || raw === undefined) return null;
  const valid =
    typeof raw === 'string' &&
    DAY.test(raw) &&
    new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  if (!valid) errors.push({ field: path, code: 'isDate' });
  return valid ? raw : null;
}

export function bool(raw: unknown, path: string, fallback: boolean, errors: FieldError[]): boolean {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'boolean') errors.push({ field: path, code: 'isBoolean' });
  return typeof raw === 'boolean' ? raw : fallback;
}

export function uuidOrNull(raw: unknown, path: string, errors: FieldError[]): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string' || !UUID.test(raw)) {
    errors.push({ field: path, code: 'isUuid' });
    return null;
  }
  return raw.toLowerCase();
}

export function uuids(raw: unknown, path: string, max: number, errors: FieldError[]): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > max) {
    errors.push({ field: path, code: 'arrayMaxSize', params: { max } });
    return [];
  }
  return [
    ...new Set(
      raw.map((id, i) => uuidOrNull(id, `${path}.${i}`, errors)).filter((id): id is string => !!id),
    ),
  ];
}

export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
