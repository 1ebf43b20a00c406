import { finalForm, foldLetters, withoutHamza } from './fold.util';

const indexed = (text: string): string => finalForm(foldLetters(text));

describe('foldLetters + finalForm: one spelling for what readers read as one', () => {
  it.each([
    ['harakat, tanween, shadda, sukun', 'شُكْرًا لَكُمْ، تمّ', 'شكرا لكم، تم'],
    ['dagger alef', 'هٰذا', 'هذا'],
    ['tatweel', 'الفاتـــورة', 'الفاتوره'],
    ['alef forms', 'أحمد إيمان آخر ٱلرحمن', 'احمد ايمان اخر الرحمن'],
    ['ta marbuta', 'مدرسة', 'مدرسه'],
    ['alef maqsura', 'مستشفى', 'مستشفي'],
    ['hamza seats to one hamza', 'مسؤول مسئول شيء', 'مسءول مسءول شيء'],
    ['Persian kaf and yeh', 'کتاب کریمی مستشفی', 'كتاب كريمي مستشفي'],
    ['Urdu yeh barree, heh goal', 'مستشفے مدرسہ', 'مستشفي مدرسه'],
    ['heh with yeh above', 'مدرسۀ', 'مدرسه'],
    ['heh with a zero-width joiner', 'مدرسه\u200d', 'مدرسه'],
    [
      'zero-width non-joiner and bidi controls',
      'می\u200cخواهم \u202bنص\u202c \u200fx',
      'ميخواهم نص x',
    ],
    ['veh, peh, tcheh', 'ڤودافون پيتزا چاي', 'فودافون بيتزا جاي'],
    ['Arabic-Indic digits', 'رقم ١٢٣٤', 'رقم 1234'],
    ['Persian digits', 'رقم ۱۲۳۴ و۵۶۷۸۹۰', 'رقم 1234 و567890'],
    ['Arabic decimal separator', '١٢٫٥', '12.5'],
    ['presentation forms and lam-alef ligature', 'ﻻ ﺷﻜﺮﺍ', 'لا شكرا'],
    ['Latin case and accents', 'Café RÉSUMÉ', 'cafe resume'],
    ['NUL and control characters separate words', 'a\u0000b\u0007c', 'a b c'],
  ])('%s', (_name, input, expected) => {
    expect(indexed(input)).toBe(expected);
  });

  it('keeps ta marbuta, alef maqsura and the hamza seats for the stemmer', () => {
    expect(foldLetters('فاتورة سلمى مسؤول مسئول')).toBe('فاتورة سلمى مسؤول مسئول');
  });
});

describe('withoutHamza: the word as typed without its hamza', () => {
  it.each([
    ['مسؤول', 'مسوول'],
    ['مسئول', 'مسيول'],
    ['شيء', 'شي'],
    ['سؤال', 'سوال'],
    ['كتاب', null],
  ])('%s → %s', (word, expected) => {
    expect(withoutHamza(word)).toBe(expected);
  });
});
