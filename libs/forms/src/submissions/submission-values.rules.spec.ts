import type { FormField } from '@sanad/contracts';
import { defaultDefinition } from '../definition/default-definition';
import { checkDefinition } from '../definition/form-definition.rules';
import { accepts, checkSubmission, type SubmittedFile } from './submission-values.rules';

const text = (ar: string) => ({ ar, en: ar });

function fields(raw: unknown[]): FormField[] {
  const { definition, errors } = checkDefinition({ ...defaultDefinition('ar'), fields: raw });
  expect(errors).toEqual([]);
  return definition.fields;
}

const form = fields([
  {
    key: 'name',
    type: 'short_text',
    label: text('الاسم'),
    required: true,
    minLength: 2,
    maxLength: 20,
  },
  { key: 'age', type: 'number', label: text('العمر'), min: 18, max: 120 },
  { key: 'budget', type: 'decimal', label: text('الميزانية') },
  { key: 'visit', type: 'date', label: text('الزيارة'), min: '2026-01-01', max: '2026-12-31' },
  {
    key: 'city',
    type: 'radio',
    label: text('المدينة'),
    options: [{ value: 'riyadh', label: { ar: 'الرياض', en: 'Riyadh' } }],
  },
  {
    key: 'topics',
    type: 'multi_select',
    label: text('المواضيع'),
    options: [
      { value: 'billing', label: { ar: 'الفواتير', en: 'Billing' } },
      { value: 'shipping', label: { ar: 'الشحن', en: 'Shipping' } },
    ],
  },
  { key: 'consent', type: 'checkbox', label: text('أوافق'), required: true },
  { key: 'email', type: 'email', label: text('البريد') },
  { key: 'phone', type: 'phone', label: text('الهاتف') },
  { key: 'site', type: 'url', label: text('الموقع') },
  { key: 'source', type: 'hidden', label: text('المصدر') },
  { key: 'intro', type: 'paragraph', label: text('مقدمة') },
  {
    key: 'files',
    type: 'file',
    label: text('المرفقات'),
    file: { maxFiles: 2, maxSizeMb: 1, accept: ['image/*', '.pdf'] },
  },
]);

const file = (over: Partial<SubmittedFile> = {}): SubmittedFile => ({
  fieldKey: 'files',
  fileName: 'صورة.png',
  contentType: 'image/png',
  size: 1000,
  ...over,
});

describe('submission values', () => {
  it('normalises every type of answer', () => {
    const { values, errors } = checkSubmission(
      form,
      {
        name: '  سارة  ',
        age: '٣٠',
        budget: '1,250.5',
        visit: '2026-06-01',
        city: 'الرياض',
        topics: ['billing', 'الشحن', 'billing'],
        consent: 'on',
        email: 'Sara@Example.COM',
        phone: '0501234567',
        site: 'example.sa',
        source: 'newsletter',
      },
      [file()],
      'SA',
    );
    expect(errors).toEqual([]);
    expect(values).toEqual({
      name: 'سارة',
      age: 30,
      budget: 1250.5,
      visit: '2026-06-01',
      city: 'riyadh',
      topics: ['billing', 'shipping'],
      consent: true,
      email: 'sara@example.com',
      phone: '+966501234567',
      site: 'https://example.sa/',
      source: 'newsletter',
    });
  });

  it('names each wrong answer at its field, with the rule and the limit', () => {
    const { errors } = checkSubmission(
      form,
      {
        name: 'س',
        age: 12,
        budget: 'lots',
        visit: '2027-01-01',
        city: 'jeddah',
        email: 'not-an-email',
        phone: '12',
        site: 'javascript:alert(1)',
        intro: 'x',
        extra: 'y',
      },
      [file({ size: 2 * 1024 * 1024 })],
      'SA',
    );
    expect(errors.map((e) => [e.field, e.code, e.params ?? {}])).toEqual([
      ['intro', 'unknownFormField', { key: 'intro' }],
      ['extra', 'unknownFormField', { key: 'extra' }],
      ['name', 'minLength', { min: 2 }],
      ['age', 'min', { min: 18 }],
      ['budget', 'isNumber', {}],
      ['visit', 'maxDate', { max: '2026-12-31' }],
      ['city', 'isIn', { allowed: 'riyadh' }],
      ['consent', 'isNotEmpty', {}],
      ['email', 'isEmail', {}],
      ['phone', 'isPhone', {}],
      ['site', 'isUrl', {}],
      ['files', 'fileTooLarge', { limit: '1 MB', name: 'صورة.png' }],
    ]);
  });

  it('needs the required answers, and counts and types files', () => {
    expect(
      checkSubmission(form, { consent: 'false' }, [], 'SA').errors.map((e) => e.field),
    ).toEqual(['name', 'consent']);
    const tooMany = checkSubmission(
      form,
      { name: 'سارة', consent: true },
      [file(), file(), file()],
      'SA',
    );
    expect(tooMany.errors).toEqual([{ field: 'files', code: 'tooManyFiles', params: { max: 2 } }]);
    const exe = checkSubmission(
      form,
      { name: 'سارة', consent: true },
      [file({ fileName: 'a.exe', contentType: 'application/x-msdownload' })],
      'SA',
    );
    expect(exe.errors[0].code).toBe('fileType');
    const stray = checkSubmission(
      form,
      { name: 'سارة', consent: true },
      [file({ fieldKey: 'name' })],
      'SA',
    );
    expect(stray.errors).toEqual([
      { field: 'name', code: 'unknownFormField', params: { key: 'name' } },
    ]);
  });

  it('matches files by extension, MIME type or family', () => {
    expect(
      accepts(['.pdf'], { fileName: 'Invoice.PDF', contentType: 'application/octet-stream' }),
    ).toBe(true);
    expect(accepts(['image/*'], { fileName: 'x', contentType: 'image/jpeg; charset=binary' })).toBe(
      true,
    );
    expect(accepts(['image/png'], { fileName: 'x.png', contentType: 'image/svg+xml' })).toBe(false);
  });
});
