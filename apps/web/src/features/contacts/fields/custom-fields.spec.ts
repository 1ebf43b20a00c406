import type { CustomFieldView } from '@sanad/contracts';
import {
  customFieldErrors,
  fieldLabel,
  fieldValuesCreate,
  fieldValuesPatch,
  formatFieldValue,
  optionLabel,
  parseNumberInput,
  previousValues,
} from './custom-fields';

const plan: CustomFieldView = {
  id: 'f1',
  entity: 'person',
  key: 'plan',
  labelAr: 'الباقة',
  labelEn: 'Plan',
  type: 'multi_select',
  required: false,
  options: [
    { value: 'gold', ar: 'ذهبية', en: 'Gold' },
    { value: 'silver', ar: 'فضية', en: 'Silver' },
  ],
  position: 0,
};
const format = {
  number: (n: number) => `#${n}`,
  date: (d: string) => `day ${d}`,
  yes: 'yes',
  no: 'no',
};

describe('custom field helpers', () => {
  it('label fields and options in the reader language, unknown options as stored', () => {
    expect(fieldLabel(plan, 'ar')).toBe('الباقة');
    expect(fieldLabel(plan, 'en')).toBe('Plan');
    expect(optionLabel(plan, 'silver', 'ar')).toBe('فضية');
    expect(optionLabel(plan, 'bronze', 'en')).toBe('bronze');
  });

  it('read number boxes with Arabic digits and leave mistakes for the server', () => {
    expect(parseNumberInput('', true)).toBeNull();
    expect(parseNumberInput('  ', false)).toBeNull();
    expect(parseNumberInput('١٢٣', true)).toBe(123);
    expect(parseNumberInput('٣٫٥', false)).toBe(3.5);
    expect(parseNumberInput('1,250', true)).toBe(1250);
    expect(parseNumberInput('3.5', true)).toBe('3.5');
    expect(parseNumberInput('abc', false)).toBe('abc');
  });

  it('format stored values by type', () => {
    expect(formatFieldValue(plan, ['gold', 'silver'], 'en', format)).toBe('Gold، Silver');
    expect(formatFieldValue({ ...plan, type: 'number' }, 12, 'ar', format)).toBe('#12');
    expect(formatFieldValue({ ...plan, type: 'date' }, '2024-05-01', 'ar', format)).toBe(
      'day 2024-05-01',
    );
    expect(formatFieldValue({ ...plan, type: 'checkbox' }, false, 'ar', format)).toBe('no');
    expect(formatFieldValue({ ...plan, type: 'select' }, 'gold', 'ar', format)).toBe('ذهبية');
    expect(formatFieldValue({ ...plan, type: 'text' }, '', 'ar', format)).toBe('');
    expect(formatFieldValue({ ...plan, type: 'text' }, undefined, 'ar', format)).toBe('');
  });

  it('pick the custom-field errors out of a problem document, first per key', () => {
    expect(
      customFieldErrors([
        { field: 'emails.0', code: 'isEmail', message: 'bad email' },
        { field: 'customFields.plan', code: 'isIn', message: 'not an option' },
        { field: 'customFields.plan', code: 'isNotEmpty', message: 'required' },
        { field: 'customFields.age', code: 'isInt', message: 'whole number' },
      ]),
    ).toEqual({ plan: 'not an option', age: 'whole number' });
  });

  it('find values kept aside by a type change', () => {
    expect(previousValues({ plan: 'gold', age__previous: 'about 30' })).toEqual({
      age: 'about 30',
    });
  });
});

describe('custom-field values sent', () => {
  it('patches every defined field, cleared ones as null, and leaves kept-aside keys alone', () => {
    const fields = [{ key: 'plan' }, { key: 'size' }, { key: 'tags' }];
    expect(
      fieldValuesPatch(fields, { plan: 'gold', size: '', tags: [], plan__previous: 'x' }),
    ).toEqual({ plan: 'gold', size: null, tags: null });
  });

  it('creates with the filled values only', () => {
    expect(fieldValuesCreate({ a: 1, b: null, c: '', d: [], e: false, f: ['x'] })).toEqual({
      a: 1,
      e: false,
      f: ['x'],
    });
  });
});
