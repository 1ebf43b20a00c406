import type { ImportTarget } from '@sanad/contracts';
import type { FieldRule } from '../fields/custom-field-rules.util';
import { autoMap, mappingErrors } from './import-mapping.util';
import { isFormula, readRow, type RowRules } from './import-row.util';

const PLAN: FieldRule = {
  key: 'plan',
  type: 'select',
  required: false,
  options: [{ value: 'gold', ar: 'ذهبية', en: 'Gold' }],
};
const rules = (targets: Array<ImportTarget | null>): RowRules => ({
  targets,
  columns: targets.length,
  fields: new Map([['plan', PLAN]]),
  region: 'SA',
  categories: new Map([['العملاء', 'cat-1']]),
});

describe('header auto-mapping', () => {
  it('matches Arabic and English headers however they are spelled, custom fields by label or key', () => {
    expect(
      autoMap(
        [
          'الإسم',
          'البريد الالكتروني',
          'رقم الجوال',
          'E-Mail',
          'Phone Number',
          'الباقة',
          'seats',
          'Whatever',
          'name',
        ],
        [
          { key: 'plan', labelAr: 'الباقة', labelEn: 'Plan' },
          { key: 'seats', labelAr: 'المقاعد', labelEn: 'Seats' },
        ],
      ),
    ).toEqual([
      'name',
      'email',
      'phone',
      'email',
      'phone',
      'field:plan',
      'field:seats',
      null,
      null,
    ]);
  });

  it('refuses unknown targets and a non-repeatable target twice', () => {
    expect(mappingErrors(['name', 'name', 'email', 'email', 'field:x'], new Set(['plan']))).toEqual(
      [
        { index: 1, code: 'duplicateTarget' },
        { index: 4, code: 'unknownTarget' },
      ],
    );
  });
});

describe('a row read through the mapping', () => {
  it('normalises emails and phones (several per cell, Arabic-Indic digits), names, options and categories', () => {
    const row = readRow(
      ['  محمد  ', 'M@X.SA; m2@x.sa', '٠٥٠١٢٣٤٥٦٧', 'ذهبية', 'العملاء', 'english'],
      rules(['name', 'email', 'phone', 'field:plan', 'category', 'language']),
    );
    expect(row).toEqual({
      name: 'محمد',
      emails: ['m@x.sa', 'm2@x.sa'],
      phones: ['+966501234567'],
      externalId: null,
      companyName: null,
      categoryId: 'cat-1',
      language: 'en',
      notes: null,
      customFields: { plan: 'gold' },
    });
  });

  it('joins first and last names', () => {
    expect(readRow(['Sara', 'Johnson'], rules(['firstName', 'lastName']))).toMatchObject({
      name: 'Sara Johnson',
    });
  });

  it.each([
    [['x', 'not-mail'], ['name', 'email'], { code: 'isEmail', column: 1 }],
    [['x', '12'], ['name', 'phone'], { code: 'isPhone', column: 1 }],
    [['x', 'فضية'], ['name', 'field:plan'], { code: 'isIn', column: 1 }],
    [['x', 'VIP'], ['name', 'category'], { code: 'unknownCategory', column: 1 }],
    [['=1+1', 'a@b.co'], ['name', 'email'], { code: 'formula', column: 0 }],
    [['x', 'a'.repeat(10_001)], ['name', 'notes'], { code: 'cellTooLong', column: 1 }],
    [['x', 'y', 'extra'], ['name', 'notes'], { code: 'extraCells', column: null }],
    [['', ''], ['name', 'email'], { code: 'noIdentity', column: null }],
  ])('refuses %j', (cells, targets, expected) => {
    expect(readRow(cells, rules(targets as Array<ImportTarget | null>))).toMatchObject(expected);
  });

  it('ignores unmapped columns and trailing empty cells, and takes back our own export apostrophe', () => {
    expect(
      readRow(['x', 'ignored', "'+966501234567", ''], rules(['name', null, 'phone'])),
    ).toMatchObject({
      phones: ['+966501234567'],
    });
  });

  it.each([
    ['=SUM(A1)', true],
    ['@cmd', true],
    ['+HYPERLINK("x")', true],
    ['-2+3', false],
    ['+966 50 123 4567', false],
    ['-12.5', false],
    ['- item', true],
    ['محمد', false],
  ])('%j is a formula: %s', (cell, expected) => {
    expect(isFormula(cell)).toBe(expected);
  });
});
