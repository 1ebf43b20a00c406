import type { CustomFieldOptionView, CustomFieldType, CustomFieldView } from '@sanad/contracts';

/** The types whose values are picked from a list of options. */
export function hasOptions(type: CustomFieldType): boolean {
  return type === 'select' || type === 'multi_select';
}

/**
 * A key suggested from the English label (`Contract end` → `contract_end`): what the server
 * accepts, a lowercase letter then letters, digits or `_`, at most 40.
 */
export function suggestKey(labelEn: string): string {
  let key = labelEn
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!key) return '';
  if (!/^[a-z]/.test(key)) key = `f_${key}`;
  return key.slice(0, 40).replace(/_+$/, '');
}

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * A new option's stored value, from its English label, else its Arabic one (letters of any
 * script are allowed), made unique among the others.
 */
export function optionValue(
  option: Pick<CustomFieldOptionView, 'ar' | 'en'>,
  taken: readonly string[],
): string {
  const slug = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_.-]+/gu, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 50);
  const base = slug(option.en) || slug(option.ar) || 'option';
  let value = base;
  for (let n = 2; taken.includes(value); n += 1) value = `${base}_${n}`;
  return value;
}

/** One option row of the form: `value` is empty until saved for a new one. */
export interface OptionDraft {
  value: string;
  ar: string;
  en: string;
}

/**
 * The options to send: blank rows dropped, existing ones keep their value (stored values point
 * at it), new ones get a value from their label.
 */
export function optionsForApi(drafts: readonly OptionDraft[]): CustomFieldOptionView[] {
  const rows = drafts
    .map((d) => ({ value: d.value, ar: d.ar.trim(), en: d.en.trim() }))
    .filter((d) => d.ar || d.en || d.value);
  const taken = rows.map((r) => r.value).filter(Boolean);
  return rows.map((row) => {
    if (row.value) return row;
    const value = optionValue(row, taken);
    taken.push(value);
    return { ...row, value };
  });
}

export interface FieldDraft {
  labelAr: string;
  labelEn: string;
  key: string;
  type: CustomFieldType;
  required: boolean;
  options: OptionDraft[];
  position: number;
}

/** What changed in an existing field's form, for its PATCH (the key never changes). */
export function fieldChanges(
  field: CustomFieldView,
  draft: FieldDraft,
): Partial<
  Pick<CustomFieldView, 'labelAr' | 'labelEn' | 'type' | 'required' | 'options' | 'position'>
> {
  const changes: ReturnType<typeof fieldChanges> = {};
  if (draft.labelAr.trim() !== field.labelAr) changes.labelAr = draft.labelAr.trim();
  if (draft.labelEn.trim() !== field.labelEn) changes.labelEn = draft.labelEn.trim();
  if (draft.type !== field.type) changes.type = draft.type;
  if (draft.required !== field.required) changes.required = draft.required;
  if (draft.position !== field.position) changes.position = draft.position;
  if (hasOptions(draft.type)) {
    const options = optionsForApi(draft.options);
    if (JSON.stringify(options) !== JSON.stringify(field.options)) changes.options = options;
  }
  return changes;
}
