import type { FormDefinition } from '@sanad/contracts';
import {
  contactProperties,
  errorUnder,
  moveItem,
  newField,
  nextOptionValue,
  placeErrors,
  textIn,
  toDraft,
  toState,
  uniqueKey,
} from './form-draft';

const definition: FormDefinition = {
  fields: [
    {
      key: 'name',
      type: 'short_text',
      label: { ar: 'الاسم', en: 'Name' },
      help: null,
      placeholder: null,
      required: false,
      minLength: 2,
      maxLength: null,
      min: null,
      max: null,
      options: [],
      file: null,
      mapTo: { kind: 'contact', property: 'name' },
    },
  ],
  settings: {
    languages: 'both',
    mailboxId: null,
    opensConversation: true,
    subjectTemplate: { ar: 'رسالة من {{name}}', en: 'Message from {{name}}' },
    tagIds: [],
    teamId: null,
    thankYou: { ar: 'شكراً', en: 'Thanks' },
    redirectUrl: 'https://shop.example/thanks',
    autoAcknowledge: false,
    allowedOrigins: ['https://shop.example', 'https://www.shop.example'],
    closedMessage: { ar: 'مغلق', en: 'Closed' },
    submissionLimit: null,
  },
};

describe('form draft ↔ builder state', () => {
  it('round-trips a definition unchanged', () => {
    const state = toState(definition);
    expect(state.fields[0].uid).toMatch(/^f\d+$/);
    expect(state.settings.allowedOrigins).toBe('https://shop.example\nhttps://www.shop.example');
    expect(state.settings.after).toBe('redirect');
    expect(toDraft(state)).toEqual(definition);
  });

  it('reads what the inputs leave: empty bounds, blank texts, origins, the thank-you choice', () => {
    const state = toState(definition);
    const field = state.fields[0] as unknown as Record<string, unknown>;
    field.minLength = '';
    field.maxLength = 40;
    state.fields[0].help = { ar: '  ', en: '' };
    state.fields[0].placeholder = { ar: ' مثال ', en: '' };
    state.settings.allowedOrigins = ' https://a.example, https://b.example\n\n';
    state.settings.after = 'message';
    (state.settings as unknown as Record<string, unknown>).submissionLimit = '';
    const draft = toDraft(state);
    expect(draft.fields[0]).toMatchObject({
      minLength: null,
      maxLength: 40,
      help: null,
      placeholder: { ar: 'مثال', en: '' },
    });
    expect(draft.settings).toMatchObject({
      allowedOrigins: ['https://a.example', 'https://b.example'],
      redirectUrl: null,
      submissionLimit: null,
    });
  });

  it('keeps date bounds as days', () => {
    const state = toState(definition);
    const date = newField('date', { ar: 'التاريخ', en: 'Date' }, [], () => ({ ar: '', en: '' }));
    date.min = '2026-01-01';
    date.max = '';
    state.fields.push(date);
    expect(toDraft(state).fields[1]).toMatchObject({ min: '2026-01-01', max: null });
  });
});

describe('new fields', () => {
  const label = { ar: 'حقل', en: 'Field' };
  const option = (n: number) => ({ ar: `خيار ${n}`, en: `Option ${n}` });

  it('gives a choice two options and a file its rules, with keys not taken', () => {
    const choice = newField('radio', label, ['radio'], option);
    expect(choice.key).toBe('radio_2');
    expect(choice.options.map((o) => o.value)).toEqual(['option_1', 'option_2']);
    const file = newField('file', label, [], option);
    expect(file.file).toEqual({ maxFiles: 1, maxSizeMb: 10, accept: ['image/*', '.pdf'] });
    expect(newField('email', label, [], option)).toMatchObject({ options: [], file: null });
  });

  it('finds free keys and option values', () => {
    expect(uniqueKey('email', [])).toBe('email');
    expect(uniqueKey('email', ['email', 'email_2'])).toBe('email_3');
    expect(nextOptionValue(['option_1', 'option_3'])).toBe('option_2');
  });

  it('maps only the contact properties the server accepts for a type', () => {
    expect(contactProperties('short_text')).toEqual(['name', 'company']);
    expect(contactProperties('email')).toEqual(['email']);
    expect(contactProperties('hidden')).toHaveLength(4);
    expect(contactProperties('date')).toEqual([]);
  });
});

describe('reordering', () => {
  it('moves an item up and down, clamped at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b'], 4, 0)).toEqual(['a', 'b']);
  });
});

describe('server errors in the builder', () => {
  const errors = [
    { field: 'draft.fields.1.options', message: 'options' },
    { field: 'draft.fields.0.label.ar', message: 'label' },
    { field: 'draft.fields', message: 'list' },
    { field: 'draft.settings.mailboxId', message: 'mailbox' },
    { field: 'draft.fields.9.key', message: 'gone' },
    { field: 'name', message: 'name' },
  ];

  it('places field errors on the field sent at that index, whatever the order later', () => {
    const placed = placeErrors(errors, ['f7', 'f3']);
    expect(placed).toEqual({
      'field:f3.options': 'options',
      'field:f7.label.ar': 'label',
      fields: 'list',
      'settings.mailboxId': 'mailbox',
      name: 'name',
    });
    expect(errorUnder(placed, 'field:f7')).toBe('label');
    expect(errorUnder(placed, 'field:f3.options')).toBe('options');
    expect(errorUnder(placed, 'field:f1')).toBeUndefined();
  });

  it('reads a text in a language, or the other one when empty', () => {
    expect(textIn({ ar: 'نعم', en: '' }, 'en')).toBe('نعم');
    expect(textIn({ ar: 'نعم', en: 'Yes' }, 'en')).toBe('Yes');
    expect(textIn(null, 'ar')).toBe('');
  });
});
