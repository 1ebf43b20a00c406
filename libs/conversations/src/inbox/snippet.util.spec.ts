import { snippet } from './snippet.util';

const marked = (text: string, q: string): string[] =>
  snippet(text, q)
    .filter((p) => p.match)
    .map((p) => p.text);

describe('snippet', () => {
  it.each([
    ['وصلتني المحادثات أمس', 'محادثة', ['المحادثات']],
    ['أرسل أحمد الطلب', 'احمد', ['أحمد']],
    ['الطلب مُرْسَل اليوم', 'مرسل', ['مُرْسَل']],
    ['I ordered two items', 'order', ['ordered']],
    ['nothing here', 'missing', []],
  ])('%s / %s', (text, q, expected) => {
    expect(marked(text, q)).toEqual(expected);
  });

  it('keeps the whole text as plain parts and cuts long texts around the match', () => {
    const text = `${'كلمة '.repeat(40)}الفاتورة ${'نص '.repeat(40)}`;
    const parts = snippet(text, 'فاتوره');
    expect(parts[0].text).toBe('…');
    expect(parts.some((p) => p.match && p.text === 'الفاتورة')).toBe(true);
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(text.length);
  });
});
