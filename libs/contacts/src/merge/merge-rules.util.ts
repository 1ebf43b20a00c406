import type { CustomFieldValue, CustomFieldValues, MergeSide } from '@sanad/contracts';

/** A record's choosable fields (ids for references) and its custom fields, one side of a merge. */
export interface MergeFields {
  fields: Record<string, string | null>;
  customFields: CustomFieldValues;
}

/** What the caller picked per conflicting field (`name`, `customFields.plan`, ...). */
export type MergePicks = Partial<Record<string, MergeSide>>;

export interface MergeConflict {
  field: string;
  target: unknown;
  source: unknown;
}

const CUSTOM = 'customFields.';

export function isEmptyValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = (list: unknown[]): string => list.map(String).sort().join('\u0000');
    return a.length === b.length && key(a as unknown[]) === key(b as unknown[]);
  }
  return a === b;
}

/** Fields where both sides hold a value and the values differ, fields first, then custom ones. */
export function mergeConflicts(target: MergeFields, source: MergeFields): MergeConflict[] {
  const conflicts: MergeConflict[] = [];
  const add = (field: string, t: unknown, s: unknown): void => {
    if (!isEmptyValue(t) && !isEmptyValue(s) && !sameValue(t, s))
      conflicts.push({ field, target: t, source: s });
  };
  for (const field of Object.keys(target.fields))
    add(field, target.fields[field], source.fields[field]);
  const keys = new Set([...Object.keys(target.customFields), ...Object.keys(source.customFields)]);
  for (const key of [...keys].sort())
    add(CUSTOM + key, target.customFields[key], source.customFields[key]);
  return conflicts;
}

/**
 * One field's merged value: the picked side's; unpicked, the target's unless it is empty.
 * `concatenate` (notes): both present and nothing picked keeps both, the target's first.
 */
export function mergedValue<T>(
  target: T,
  source: T,
  pick: MergeSide | undefined,
  concatenate = false,
): T {
  if (pick === 'source') return isEmptyValue(source) ? target : source;
  if (pick === 'target') return isEmptyValue(target) ? source : target;
  if (isEmptyValue(target)) return source;
  if (isEmptyValue(source) || sameValue(target, source)) return target;
  if (concatenate && typeof target === 'string' && typeof source === 'string')
    return `${target}\n\n${source}` as T;
  return target;
}

/** Both sides merged field by field (custom fields key by key) by the picks. */
export function mergeFields(
  target: MergeFields,
  source: MergeFields,
  picks: MergePicks,
  concatenate: readonly string[] = ['notes'],
): MergeFields {
  const fields: Record<string, string | null> = {};
  for (const field of Object.keys(target.fields))
    fields[field] = mergedValue(
      target.fields[field],
      source.fields[field] ?? null,
      picks[field],
      concatenate.includes(field),
    );
  const customFields: CustomFieldValues = {};
  const keys = new Set([...Object.keys(target.customFields), ...Object.keys(source.customFields)]);
  for (const key of keys) {
    const value = mergedValue<CustomFieldValue | undefined>(
      target.customFields[key],
      source.customFields[key],
      picks[CUSTOM + key],
    );
    if (value !== undefined) customFields[key] = value;
  }
  return { fields, customFields };
}

/** The target's values first (its primary stays primary), then the source's it lacks. */
export function unionFirst(target: readonly string[], source: readonly string[]): string[] {
  return [...new Set([...target, ...source])];
}
