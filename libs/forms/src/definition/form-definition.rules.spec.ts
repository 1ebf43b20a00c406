import { defaultDefinition } from './default-definition';
import { checkDefinition } from './form-definition.rules';

const errorsOf = (draft: unknown) =>
  checkDefinition(draft).errors.map((e) => `${e.field}:${e.code}`);

function draftWith(fields: unknown[], settings: Record<string, unknown> = {}) {
  const base = defaultDefinition('ar');
  return { fields, settings: { ...base.settings, ...settings } };
}

const text = (ar: string, en = '') => ({ ar, en });

describe('form definitions', () => {
  it('accepts the default form in both languages', () => {
    for (const language of ['ar', 'en'] as const) {
      const draft = defaultDefinition(language);
      const { definition, errors } = checkDefinition(draft);
      expect(errors).toEqual([]);
      expect(definition).toEqual(draft);
    }
  });

  it('refuses bad keys, duplicate keys, unknown types and a form with nothing to answer', () => {
    expect(
      errorsOf(
        draftWith([
          { key: 'Name', type: 'short_text', label: text('الاسم') },
          { key: 'a', type: 'short_text', label: text('أ') },
          { key: 'a', type: 'short_text', label: text('ب') },
          { key: 'b', type: 'signature', label: text('ت') },
        ]),
      ),
    ).toEqual([
      'draft.fields.0.key:fieldKey',
      'draft.fields.2.key:duplicateKey',
      'draft.fields.3.type:isIn',
    ]);
    expect(errorsOf(draftWith([{ key: 'h', type: 'heading', label: text('عنوان') }]))).toEqual([
      'draft.fields:noInputField',
    ]);
  });

  it("needs labels in the form's languages only", () => {
    const field = { key: 'name', type: 'short_text', label: text('الاسم') };
    expect(errorsOf(draftWith([field]))).toEqual([]);
    const both = draftWith([field], {
      languages: 'both',
      subjectTemplate: text('موضوع', 'Subject'),
      thankYou: text('شكراً', 'Thanks'),
      closedMessage: text('مغلق', 'Closed'),
    });
    expect(errorsOf(both)).toEqual(['draft.fields.0.label.en:isNotEmpty']);
  });

  it('checks bounds, options, files and mappings per type', () => {
    expect(
      errorsOf(
        draftWith([
          { key: 'a', type: 'short_text', label: text('أ'), minLength: 10, maxLength: 5 },
          { key: 'b', type: 'long_text', label: text('ب'), maxLength: 20_000 },
          { key: 'c', type: 'number', label: text('ت'), min: 1.5 },
          { key: 'd', type: 'date', label: text('ث'), min: '2026-02-30' },
          { key: 'e', type: 'select', label: text('ج'), options: [] },
          {
            key: 'f',
            type: 'radio',
            label: text('ح'),
            options: [
              { value: 'x', label: text('س') },
              { value: 'x', label: text('ص') },
              { value: 'has space', label: text('ض') },
            ],
          },
          {
            key: 'g',
            type: 'file',
            label: text('خ'),
            file: { maxFiles: 11, maxSizeMb: 5, accept: ['exe'] },
          },
          {
            key: 'h',
            type: 'number',
            label: text('د'),
            mapTo: { kind: 'contact', property: 'email' },
          },
          { key: 'i', type: 'short_text', label: text('ذ'), mapTo: { kind: 'ledger' } },
        ]),
      ),
    ).toEqual([
      'draft.fields.0.minLength:minAboveMax',
      'draft.fields.1.maxLength:max',
      'draft.fields.2.min:isInt',
      'draft.fields.3.min:isDate',
      'draft.fields.4.options:arrayMinSize',
      'draft.fields.5.options.1.value:duplicateKey',
      'draft.fields.5.options.2.value:optionValue',
      'draft.fields.6.file.accept.0:fileType',
      'draft.fields.6.file.maxFiles:max',
      'draft.fields.7.mapTo:mappingType',
      'draft.fields.8.mapTo:mapping',
    ]);
  });

  it('keeps a redirect only to an allowed origin, and normalises origins', () => {
    const field = { key: 'name', type: 'short_text', label: text('الاسم') };
    const ok = checkDefinition(
      draftWith([field], {
        allowedOrigins: ['https://shop.example', 'https://shop.example/', 'http://localhost:8080'],
        redirectUrl: 'https://shop.example/thanks?x=1',
      }),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.definition.settings.allowedOrigins).toEqual([
      'https://shop.example',
      'http://localhost:8080',
    ]);
    expect(ok.definition.settings.redirectUrl).toBe('https://shop.example/thanks?x=1');
    expect(
      errorsOf(
        draftWith([field], {
          allowedOrigins: ['https://shop.example/path', 'javascript:alert(1)'],
          redirectUrl: 'https://evil.example/',
        }),
      ),
    ).toEqual([
      'draft.settings.allowedOrigins.0:origin',
      'draft.settings.allowedOrigins.1:origin',
      'draft.settings.redirectUrl:redirectNotAllowed',
    ]);
  });

  it('never keeps "required" on what cannot be answered', () => {
    const { definition } = checkDefinition(
      draftWith([
        { key: 'h', type: 'heading', label: text('عنوان'), required: true },
        { key: 'src', type: 'hidden', label: text('المصدر'), required: true },
        { key: 'name', type: 'short_text', label: text('الاسم'), required: true },
      ]),
    );
    expect(definition.fields.map((f) => f.required)).toEqual([false, false, true]);
  });
});
