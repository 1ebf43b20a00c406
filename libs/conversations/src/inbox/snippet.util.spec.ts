import { parseSearchQuery } from '@sanad/search';
import { snippet, wordMatcher } from './snippet.util';

const query = (q: string, complete = false) => parseSearchQuery(q, { complete })!;

const marked = (text: string, q: string, complete = false): string[] =>
  snippet(text, wordMatcher(query(q, complete)))
    .filter((p) => p.match)
    .map((p) => p.text);

describe('snippet', () => {
  it.each([
    ['وصلتني المحادثات أمس', 'محادثة', ['المحادثات']],
    ['أرسل أحمد الطلب', 'احمد', ['أحمد']],
    ['الطلب مُرْسَل اليوم', 'مرسل', ['مُرْسَل']],
    ['I ordered two items', 'order', ['ordered']],
    ['nothing here', 'missing', []],
    ['أرسلت فاتورتي أمس', 'فاتورة', ['فاتورتي']],
    ['تم الإلغاء اليوم', 'إلغاء', ['الإلغاء']],
    ['هل وصل کتاب الضمان؟', 'كتاب', ['کتاب']],
    ['تلف الجهاز وليس التلفون', 'تلف', ['تلف']],
    ['قدمت طلباتكم أمس', 'طلب', ['طلباتكم']],
  ])('%s / %s', (text, q, expected) => {
    expect(marked(text, q)).toEqual(expected);
  });

  it.each([
    ['مرحبا محمد ومحمود', 'محم', ['محمد', 'ومحمود']],
    ['write to sara.johnson@example.com today', 'sara.jo', ['sara.johnson@example.com']],
    ['refunds are slow', 'refu', ['refunds']],
  ])('marks what completes the word being typed: %s / %s', (text, q, expected) => {
    expect(marked(text, q, true)).toEqual(expected);
  });

  it('keeps the whole text as plain parts and cuts long texts around the match', () => {
    const text = `${'كلمة '.repeat(40)}الفاتورة ${'نص '.repeat(40)}`;
    const parts = snippet(text, wordMatcher(query('فاتوره')));
    expect(parts[0].text).toBe('…');
    expect(parts.some((p) => p.match && p.text === 'الفاتورة')).toBe(true);
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(text.length);
  });
});
