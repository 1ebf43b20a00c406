import type { Answer } from './answer-edit';
import {
  answerError,
  controlFor,
  draftFromAnswers,
  draftToValue,
  valuesPatch,
} from './answer-edit';

function answer(key: string, type: Answer['type'], value: Answer['value']): Answer {
  return { key, type, label: { ar: key, en: key }, value, display: null };
}

const ANSWERS: Answer[] = [
  answer('name', 'short_text', 'سارة'),
  answer('message', 'long_text', 'أين طلبي؟'),
  answer('qty', 'number', 3),
  answer('price', 'decimal', 2.5),
  answer('when', 'date', '2026-12-01'),
  answer('topic', 'select', 'billing'),
  answer('tags', 'multi_select', ['a', 'b']),
  answer('agree', 'checkbox', true),
  answer('cv', 'file', null),
  answer('phone', 'phone', null),
];

describe("editing a submission's answers", () => {
  it('give each field type its control, and none to files', () => {
    expect(ANSWERS.map((a) => controlFor(a.type))).toEqual([
      'text',
      'long',
      'number',
      'number',
      'date',
      'single',
      'multi',
      'checkbox',
      null,
      'text',
    ]);
  });

  it('fill the form with the answers as they are', () => {
    expect(draftFromAnswers(ANSWERS)).toEqual({
      name: 'سارة',
      message: 'أين طلبي؟',
      qty: '3',
      price: '2.5',
      when: '2026-12-01',
      topic: 'billing',
      tags: ['a', 'b'],
      agree: true,
      phone: '',
    });
  });

  it('send nothing when nothing changed', () => {
    expect(valuesPatch(ANSWERS, draftFromAnswers(ANSWERS))).toBeNull();
    // Unticking a box never answered, or retyping a number in Arabic digits, is no change either.
    const draft = { ...draftFromAnswers(ANSWERS), qty: '٣', price: '2.50' };
    expect(valuesPatch(ANSWERS, draft)).toBeNull();
  });

  it('send only the changed answers, as the API stores them, and null for cleared ones', () => {
    const draft = {
      ...draftFromAnswers(ANSWERS),
      name: '  سارة أحمد ',
      qty: '١٢',
      tags: [],
      agree: false,
      topic: '',
      phone: '+966500000000',
    };
    expect(valuesPatch(ANSWERS, draft)).toEqual({
      name: 'سارة أحمد',
      qty: 12,
      tags: null,
      agree: false,
      topic: null,
      phone: '+966500000000',
    });
  });

  it('send a number the browser cannot read as typed, so the server names the mistake', () => {
    expect(draftToValue('number', '3 قطع')).toBe('3 قطع');
    expect(valuesPatch(ANSWERS, { ...draftFromAnswers(ANSWERS), qty: 'abc' })).toEqual({
      qty: 'abc',
    });
  });

  it("find the server's message for an answer by key", () => {
    const errors = [
      { field: 'values.qty', message: 'أدخل رقمًا' },
      { field: 'when', message: 'تاريخ غير صالح' },
    ];
    expect(answerError(errors, 'qty')).toBe('أدخل رقمًا');
    expect(answerError(errors, 'when')).toBe('تاريخ غير صالح');
    expect(answerError(errors, 'name')).toBeUndefined();
  });
});
