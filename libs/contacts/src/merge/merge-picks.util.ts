import { MERGE_SIDES, type MergeSide } from '@sanad/contracts';
import type { FieldError } from '@sanad/core';
import type { MergePicks } from './merge-rules.util';

const MAX_PICKS = 200;
const CUSTOM_KEY = /^customFields\.[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * The body's `pick`, checked: known fields (or `customFields.<key>`) each mapped to `target` or
 * `source`. Field errors name `pick.<field>`.
 */
export function readPicks(
  pick: Record<string, unknown> | undefined,
  fields: readonly string[],
): { picks: MergePicks; errors: FieldError[] } {
  const picks: MergePicks = {};
  const errors: FieldError[] = [];
  const entries = Object.entries(pick ?? {});
  if (entries.length > MAX_PICKS)
    return { picks, errors: [{ field: 'pick', code: 'arrayMaxSize', params: { max: MAX_PICKS } }] };
  for (const [field, side] of entries) {
    if (!fields.includes(field) && !CUSTOM_KEY.test(field))
      errors.push({ field: 'pick', code: 'whitelistValidation', params: { property: field } });
    else if (!MERGE_SIDES.includes(side as MergeSide))
      errors.push({
        field: `pick.${field}`,
        code: 'isIn',
        params: { allowed: MERGE_SIDES.join(', ') },
      });
    else picks[field] = side as MergeSide;
  }
  return { picks, errors };
}
