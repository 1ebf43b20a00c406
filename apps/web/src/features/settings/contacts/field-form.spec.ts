import type { CustomFieldView } from '@sanad/contracts';
import {
  fieldChanges,
  hasOptions,
  KEY_PATTERN,
  optionsForApi,
  optionValue,
  suggestKey,
} from './field-form';

describe('custom field form', () => {
  it.each([
    ['Contract end', 'contract_end'],
    ['  Plan / Tier ', 'plan_tier'],
    ['Café owner', 'cafe_owner'],
    ['2nd phone', 'f_2nd_phone'],
    ['عنوان', ''],
    ['', ''],
  ])('suggests the key of %j as %j', (label, key) => {
    expect(suggestKey(label)).toBe(key);
    if (key) expect(key).toMatch(KEY_PATTERN);
  });

  it('keeps a suggested key within 40 characters and without a trailing _', () => {
    const key = suggestKey('a very long english label that goes on and on forever');
    expect(key.length).toBeLessThanOrEqual(40);
    expect(key).toMatch(KEY_PATTERN);
    expect(key.endsWith('_')).toBe(false);
  });

  it('makes option values from the English label, else the Arabic, unique', () => {
    expect(optionValue({ en: 'Gold plan', ar: 'ذهبي' }, [])).toBe('gold_plan');
    expect(optionValue({ en: '', ar: 'باقة ذهبية' }, [])).toBe('باقة_ذهبية');
    expect(optionValue({ en: 'Gold', ar: '' }, ['gold', 'gold_2'])).toBe('gold_3');
  });

  it('keeps existing option values, fills new ones and drops blank rows', () => {
    expect(
      optionsForApi([
        { value: 'gold', ar: 'ذهبي', en: 'Gold' },
        { value: '', ar: 'ذهبي جديد', en: 'Gold' },
        { value: '', ar: ' ', en: '' },
      ]),
    ).toEqual([
      { value: 'gold', ar: 'ذهبي', en: 'Gold' },
      { value: 'gold_2', ar: 'ذهبي جديد', en: 'Gold' },
    ]);
  });

  it('knows which types have options', () => {
    expect(hasOptions('select')).toBe(true);
    expect(hasOptions('multi_select')).toBe(true);
    expect(hasOptions('text')).toBe(false);
  });

  it('sends only what changed', () => {
    const field: CustomFieldView = {
      id: '1',
      entity: 'person',
      key: 'plan',
      labelAr: 'الباقة',
      labelEn: 'Plan',
      type: 'select',
      required: false,
      options: [{ value: 'gold', ar: 'ذهبي', en: 'Gold' }],
      position: 0,
    };
    const draft = {
      labelAr: 'الباقة',
      labelEn: 'Plan ',
      key: 'plan',
      type: 'select' as const,
      required: true,
      options: [...field.options],
      position: 0,
    };
    expect(fieldChanges(field, draft)).toEqual({ required: true });
    expect(fieldChanges(field, { ...draft, type: 'text', required: false })).toEqual({
      type: 'text',
    });
    expect(
      fieldChanges(field, {
        ...draft,
        required: false,
        options: [...draft.options, { value: '', ar: 'فضي', en: 'Silver' }],
      }),
    ).toEqual({
      options: [...field.options, { value: 'silver', ar: 'فضي', en: 'Silver' }],
    });
  });
});
