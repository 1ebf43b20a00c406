import { normalizeArabic, searchText, searchTokens, stemArabicWord } from './arabic.util';

describe('normalizeArabic', () => {
  it.each([
    ['مُرْسَل', 'مرسل'],
    ['أحمد', 'احمد'],
    ['إيمان', 'ايمان'],
    ['آمنة', 'امنه'],
    ['ٱلرحمن', 'الرحمن'],
    ['مستشفى', 'مستشفي'],
    ['مدرسة', 'مدرسه'],
    ['شكـــراً', 'شكرا'],
    ['سؤال', 'سوال'],
    ['مسائل', 'مسايل'],
    ['رقم ١٢٣', 'رقم 123'],
    ['Hello WORLD', 'hello world'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
});

describe('stemArabicWord', () => {
  it.each([
    ['المحادثات', 'محادث'],
    ['محادثه', 'محادث'],
    ['محادثات', 'محادث'],
    ['والمحادثه', 'محادث'],
    ['بالفاتوره', 'فاتور'],
    ['الموظفون', 'موظف'],
    ['الموظفين', 'موظف'],
    ['وقت', 'وقت'],
    ['فريق', 'فريق'],
    ['من', 'من'],
  ])('%s → %s', (word, stem) => {
    expect(stemArabicWord(word)).toBe(stem);
  });
});

describe('searchText', () => {
  it('matches the forms a reader treats as one word', () => {
    expect(searchText('المحادثات')).toBe(searchText('محادثة'));
    expect(searchText('أحمد')).toBe(searchText('احمد'));
    expect(searchText('مُرْسَل')).toBe(searchText('مرسل'));
  });

  it('keeps English words and splits emails into parts and the whole', () => {
    expect(searchTokens('Order #42 from sara@example.com')).toEqual([
      'order',
      '42',
      'from',
      'sara',
      'example',
      'com',
      'sara@example.com',
    ]);
  });

  it('handles mixed Arabic and English text', () => {
    expect(searchText('مشكلة في الـ invoices الخاصة بي')).toBe('مشكل في invoices خاص بي');
  });
});
