import type { Answer } from './answer-edit';
import { answerText, localText, safeHref } from './answer-display';

const FORMAT = {
  number: (n: number) => `#${n}`,
  day: (d: string) => `day ${d}`,
  yes: 'نعم',
  no: 'لا',
};

function answer(
  type: Answer['type'],
  value: Answer['value'],
  display: Answer['display'] = null,
): Answer {
  return { key: 'k', type, label: { ar: 'س', en: 'Q' }, value, display };
}

describe("showing a submission's answers", () => {
  it("show choices by their labels in the submission's language", () => {
    const a = answer('select', 'billing', { ar: 'الفواتير', en: 'Billing' });
    expect(answerText(a, 'ar', FORMAT)).toBe('الفواتير');
    expect(answerText(a, 'en', FORMAT)).toBe('Billing');
  });

  it('fall back to the other language when a one-language form left it empty', () => {
    expect(localText({ ar: 'الاسم', en: '' }, 'en')).toBe('الاسم');
    expect(localText(null, 'ar')).toBe('');
  });

  it('format numbers, days and boxes; leave unanswered empty', () => {
    expect(answerText(answer('number', 12), 'ar', FORMAT)).toBe('#12');
    expect(answerText(answer('date', '2026-12-01'), 'ar', FORMAT)).toBe('day 2026-12-01');
    expect(answerText(answer('checkbox', true), 'ar', FORMAT)).toBe('نعم');
    expect(answerText(answer('checkbox', false), 'ar', FORMAT)).toBe('لا');
    expect(answerText(answer('short_text', null), 'ar', FORMAT)).toBe('');
    expect(answerText(answer('multi_select', []), 'ar', FORMAT)).toBe('');
    expect(answerText(answer('short_text', 'hello'), 'ar', FORMAT)).toBe('hello');
  });

  it('link only http(s) addresses', () => {
    expect(safeHref('https://shop.example/contact?x=1')).toBe('https://shop.example/contact?x=1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
