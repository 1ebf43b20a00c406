import {
  cellText,
  fieldCell,
  headerRow,
  neutralise,
  parseColumns,
  PERSON_COLUMNS,
  type ExportField,
} from './export-columns.util';

const PLAN: ExportField = {
  key: 'plan',
  labelAr: 'الباقة',
  labelEn: 'Plan',
  type: 'multi_select',
  options: [
    { value: 'gold', ar: 'ذهبية', en: 'Gold' },
    { value: 'basic', ar: 'أساسية', en: 'Basic' },
  ],
};

describe('export columns', () => {
  it('defaults to every built-in then every custom field', () => {
    const { columns, unknown } = parseColumns(undefined, PERSON_COLUMNS, [PLAN]);
    expect(unknown).toEqual([]);
    expect(columns).toHaveLength(PERSON_COLUMNS.length + 1);
    expect(columns[0]).toEqual({ kind: 'builtin', key: 'name' });
    expect(columns[columns.length - 1]).toEqual({ kind: 'field', field: PLAN });
  });

  it('keeps the caller’s order, drops repeats and names unknown columns', () => {
    const { columns, unknown } = parseColumns(
      ' field:plan, name ,name,password,field:nope',
      PERSON_COLUMNS,
      [PLAN],
    );
    expect(columns).toEqual([
      { kind: 'field', field: PLAN },
      { kind: 'builtin', key: 'name' },
    ]);
    expect(unknown).toEqual(['password', 'field:nope']);
  });

  it('writes headers in the member’s language', () => {
    const { columns } = parseColumns('name,emails,field:plan', PERSON_COLUMNS, [PLAN]);
    expect(headerRow(columns, 'ar')).toEqual(['الاسم', 'البريد الإلكتروني', 'الباقة']);
    expect(headerRow(columns, 'en')).toEqual(['Name', 'Emails', 'Plan']);
  });
});

describe('export cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+966501234567', `'+966501234567`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['محمد = أحمد', 'محمد = أحمد'],
    ['', ''],
  ])('neutralises %j', (input, output) => {
    expect(neutralise(input)).toBe(output);
  });

  it('writes dates as ISO 8601, lists with "; " and nothing for null', () => {
    expect(cellText(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02 03:04:05 +00:00');
    expect(cellText(new Date(Date.UTC(2026, 0, 2, 22, 4, 5)), 'Asia/Riyadh')).toBe(
      '2026-01-03 01:04:05 +03:00',
    );
    expect(cellText(['a@x.sa', 'b@x.sa'])).toBe('a@x.sa; b@x.sa');
    expect(cellText(null)).toBe('');
    expect(cellText(true)).toBe('true');
    expect(cellText(12.5)).toBe('12.5');
  });

  it('shows select options by their label in the member’s language', () => {
    expect(fieldCell(PLAN, ['gold', 'basic'], 'ar')).toBe('ذهبية; أساسية');
    expect(fieldCell(PLAN, ['gold', 'gone'], 'en')).toBe('Gold; gone');
    expect(fieldCell(PLAN, undefined, 'en')).toBe('');
  });
});
