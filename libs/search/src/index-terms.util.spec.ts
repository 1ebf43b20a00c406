import { indexTerms } from './index-terms.util';

describe('indexTerms', () => {
  it.each([
    ['a word as written, with its cores and stems', 'الفاتورة', ['الفاتوره', '=فاتوره']],
    ['suffix chains as stems', 'طلباتكم', ['طلباتكم', '~طلبات', '~طلب']],
    ['hamza both ways', 'مسؤول', ['مسءول', '=مسوول']],
    [
      'an address whole, by local part and domain, and by words',
      'sara.johnson@example.com',
      ['sara.johnson@example.com', '=sara.johnson', '=example.com', 'sara', 'johnson'],
    ],
    ['English stems', 'refunded', ['refunded', '~refund']],
    ['numbers without their leading zeros too', '0042', ['0042', '~42']],
    ['compound first names joined', 'عبد الله', ['عبد', 'الله', '=عبدالله']],
    ['compound first names apart', 'عبدالرحمن', ['عبدالرحمن', '=عبد', '=الرحمن', '=رحمن']],
  ])('%s', (_name, text, expected) => {
    expect(indexTerms(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['stop words', 'في من على the and'],
    ['lone letters and marks', 'ب ـ ً x'],
    ['punctuation and tsquery syntax', '& | ! : * ( ) \' "'],
    ['tokens too long to be words', 'x'.repeat(101)],
  ])('leaves out %s', (_name, text) => {
    expect(indexTerms(text)).toEqual([]);
  });

  it('never yields an empty lexeme (array_to_tsvector refuses them)', () => {
    const terms = indexTerms('ءء ؤؤ ئئ شيء ماء جزء ء');
    expect(terms.every((t) => t.replace(/^[=~]/, '').length > 0)).toBe(true);
  });

  it('indexes the first words of a huge text only, quickly', () => {
    const started = performance.now();
    const terms = indexTerms('كلمة مختلفة '.repeat(50_000) + 'آخرها');
    expect(terms).not.toContain('اخرها');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
