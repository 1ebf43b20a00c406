import { arabicCores, arabicStems } from './arabic-stem.util';
import { finalForm, foldLetters } from './fold.util';

const forms = (word: string): string[] => {
  const cores = arabicCores(foldLetters(word));
  return [...cores, ...cores.flatMap(arabicStems)].map(finalForm);
};

describe('arabic stemmer: finds the word inside', () => {
  it.each([
    ['ببطاقة', 'بطاقه'],
    ['كهدية', 'هديه'],
    ['لفرع', 'فرع'],
    ['بالفاتورة', 'فاتوره'],
    ['للشركة', 'شركه'],
    ['والمكتبات', 'مكتبه'],
    ['فالكتاب', 'كتاب'],
    ['الإلغاء', 'الغاء'],
    ['طلباتكم', 'طلب'],
    ['حساباتكم', 'حساب'],
    ['عنواني', 'عنوان'],
    ['عنوانكم', 'عنوان'],
    ['فاتورتي', 'فاتوره'],
    ['فاتورتين', 'فاتوره'],
    ['المحادثات', 'محادثه'],
    ['الموظفين', 'موظف'],
    ['الإلكترونية', 'الكتروني'],
    ['ساعدني', 'ساعد'],
    ['فاتورته', 'فاتوره'],
  ])('%s has %s', (word, inside) => {
    expect(forms(word)).toContain(inside);
  });
});

describe('arabic stemmer: does not cut words into others', () => {
  it.each([
    ['فيصل', 'يصل'],
    ['فلتر', 'لتر'],
    ['لبنان', 'لبن'],
    ['سلمان', 'سلم'],
    ['سلمى', 'سلم'],
    ['تلفون', 'تلف'],
    ['زيتون', 'زيت'],
    ['عدنان', 'عدن'],
    ['بطاقة', 'طاقه'],
    ['كريم', 'ريم'],
    ['كمال', 'مال'],
    ['مالك', 'مال'],
    ['سعدي', 'سعد'],
    ['وليد', 'ليد'],
    ['الهام', 'هام'],
    ['جدة', 'جد'],
    ['عنوان', 'عنو'],
    ['مدرسه', 'مدرس'],
    ['عليه', 'علي'],
  ])('%s has no %s', (word, other) => {
    expect(forms(word)).not.toContain(other);
  });
});
