import { tokenize } from './tokens.util';

const texts = (text: string, limit?: number): string[] => tokenize(text, limit).map((t) => t.text);

describe('tokenize', () => {
  it.each([
    ['Arabic and English words', 'مشكلة في الـ invoices', ['مشكلة', 'في', 'ال', 'invoices']],
    ['an article glued to a Latin word', 'وصلني الـinvoice', ['وصلني', 'ال', 'invoice']],
    ['digits glued to Arabic', 'رقم١٢٣', ['رقم', '123']],
    [
      'an address whole',
      'write to sara.johnson@example.com!',
      ['write', 'to', 'sara.johnson@example.com'],
    ],
    ['a code whole', 'INV-2024-0042.', ['inv-2024-0042']],
    ['joiners at the edges are punctuation', '-hello- @team', ['hello', 'team']],
    ['Arabic words never join', 'ال-فاتورة', ['ال', 'فاتورة']],
    ['tsquery syntax is punctuation', "a & b | !c:* (d) 'e'", ['a', 'b', 'c', 'd', 'e']],
  ])('%s', (_name, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('gives an address its parts and tells numbers from words', () => {
    const [address, number, word] = tokenize('sara.johnson@example.com 0042 refund');
    expect(address.parts.map((p) => p.text)).toEqual(['sara', 'johnson', 'example', 'com']);
    expect([address.script, number.script, word.script]).toEqual(['latin', 'number', 'latin']);
    expect(tokenize('فاتورة')[0].script).toBe('arabic');
  });

  it('stops at its limit, however long the text', () => {
    expect(texts('كلمة '.repeat(100_000), 5)).toHaveLength(5);
  });
});
