import type { CustomFieldType } from '@sanad/contracts';
import {
  checkCustomFields,
  checkFieldValue,
  convertFieldValue,
  type FieldRule,
} from './custom-field-rules.util';

const options = [
  { value: 'gold', ar: 'ذهبي', en: 'Gold' },
  { value: 'silver', ar: 'فضي', en: 'Silver' },
];
const rule = (type: CustomFieldType, required = false): FieldRule => ({
  key: 'f',
  type,
  required,
  options,
});
const ok = (type: CustomFieldType, raw: unknown) => checkFieldValue(rule(type), raw, 'SA');

describe('checkFieldValue', () => {
  it.each([
    ['text', '  مرحبا  ', 'مرحبا'],
    ['number', '٤٢', 42],
    ['number', '1,250', 1250],
    ['decimal', '٣٫٥', 3.5],
    ['decimal', 2.25, 2.25],
    ['date', '2026-02-28', '2026-02-28'],
    ['checkbox', 'نعم', true],
    ['checkbox', 'no', false],
    ['select', 'ذهبي', 'gold'],
    ['select', 'Silver', 'silver'],
    ['multi_select', 'ذهبي؛ Silver'.replace('؛', ';'), ['gold', 'silver']],
    ['multi_select', ['gold', 'gold'], ['gold']],
    ['url', 'example.com/a', 'https://example.com/a'],
    ['email', ' Sara@Example.COM ', 'sara@example.com'],
    ['phone', '٠٥٠١٢٣٤٥٦٧', '+966501234567'],
  ] as const)('%s accepts %j as %j', (type, raw, value) => {
    expect(ok(type, raw)).toEqual({ value });
  });

  it.each([
    ['text', 12, 'isString'],
    ['text', 'x'.repeat(256), 'maxLength'],
    ['number', '4.5', 'isInt'],
    ['number', 'abc', 'isInt'],
    ['decimal', '', 'isNumber'],
    ['decimal', '1e20', 'max'],
    ['date', '2026-02-30', 'isDate'],
    ['date', '28/02/2026', 'isDate'],
    ['checkbox', 'maybe', 'isBoolean'],
    ['select', 'bronze', 'isIn'],
    ['multi_select', ['gold', 'bronze'], 'isIn'],
    ['multi_select', 5, 'isArray'],
    ['url', 'javascript:alert(1)', 'isUrl'],
    ['url', 'localhost', 'isUrl'],
    ['email', 'not-an-email', 'isEmail'],
    ['phone', '12', 'isPhone'],
  ] as const)('%s refuses %j with %s', (type, raw, code) => {
    const checked = ok(type, raw);
    expect('error' in checked && checked.error.code).toBe(code);
  });
});

describe('checkCustomFields', () => {
  const rules = [rule('number', true), { ...rule('text'), key: 'note' }];

  it('names unknown keys, wrong types and missing required fields', () => {
    const { errors } = checkCustomFields(rules, { nope: 1, note: 5 }, {}, 'SA');
    expect(errors).toEqual([
      { field: 'customFields.nope', code: 'unknownField', params: { key: 'nope' } },
      { field: 'customFields.note', code: 'isString' },
      { field: 'customFields.f', code: 'isNotEmpty' },
    ]);
  });

  it('keeps what a partial write does not send and removes emptied keys', () => {
    const { values, errors } = checkCustomFields(rules, { note: '' }, { f: 3, note: 'x' }, 'SA');
    expect(errors).toEqual([]);
    expect(values).toEqual({ f: 3 });
  });
});

describe('convertFieldValue', () => {
  it.each([
    [42, 'text', '42'],
    ['42', 'number', 42],
    ['gold', 'multi_select', ['gold']],
    [['gold', 'silver'], 'text', 'gold; silver'],
    [true, 'text', 'true'],
    ['yes', 'checkbox', true],
  ] as const)('%j → %s = %j', (value, type, expected) => {
    expect(convertFieldValue(value as never, rule(type), 'SA')).toEqual(expected);
  });

  it('gives null when the value does not fit the new type', () => {
    expect(convertFieldValue('hello', rule('number'), 'SA')).toBeNull();
    expect(convertFieldValue('bronze', rule('select'), 'SA')).toBeNull();
  });
});
