import type { CustomFieldView } from '@sanad/contracts';

/**
 * A domain as people type or paste it (`https://www.Example.com/about`, `@example.com`) in the
 * form the server stores and matches emails against: `example.com`.
 */
export function normalizeDomain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** The domains to send: normalised, blanks dropped, each once, in the order typed. */
export function domainsForApi(list: readonly string[]): string[] {
  return [...new Set(list.map(normalizeDomain).filter(Boolean))];
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
