import { baseCompile } from '@intlify/message-compiler';
import { createI18n } from 'vue-i18n';
import { arabicPluralIndex } from '../modules/arabic-plural';
import ar from './ar.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string'
      ? { ...all, [path]: value }
      : { ...all, ...flatten(value, path) };
  }, {});
}

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe('locale files', () => {
  const arabic = flatten(ar as Tree);
  const english = flatten(en as Tree);

  it('have exactly the same keys', () => {
    expect(Object.keys(arabic).sort()).toEqual(Object.keys(english).sort());
  });

  it('have no empty messages', () => {
    for (const [key, value] of [...Object.entries(arabic), ...Object.entries(english)]) {
      expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(arabic)) {
      expect({ key, placeholders: placeholders(arabic[key]) }).toEqual({
        key,
        placeholders: placeholders(english[key]),
      });
    }
  });

  it('compile as vue-i18n messages (a bare @ or { breaks them)', () => {
    for (const [key, value] of [...Object.entries(arabic), ...Object.entries(english)]) {
      const errors: string[] = [];
      baseCompile(value, { onError: (error) => errors.push(error.message) });
      expect({ key, errors }).toEqual({ key, errors: [] });
    }
  });

  it('give Arabic counts all six plural forms', () => {
    expect(arabic['members.count'].split('|')).toHaveLength(6);
    // A count shown in a sentence is a plural message, never "{n}" before a fixed noun.
    for (const [key, value] of Object.entries(arabic)) {
      const forms = value.split('|').length;
      expect({ key, forms: forms === 1 || forms === 6 }).toEqual({ key, forms: true });
    }
    for (const key of ['inbox.bulk.failed', 'common.rateLimited', 'forms.preview.filesChosen'])
      expect({ key, forms: arabic[key].split('|').length }).toEqual({ key, forms: 6 });
  });
});

describe('counts in sentences', () => {
  const i18n = createI18n({
    legacy: false,
    locale: 'ar',
    messages: { ar, en },
    pluralRules: { ar: arabicPluralIndex },
  });
  const { t } = i18n.global;
  const say = (locale: 'ar' | 'en', key: string, count: number, named: Record<string, unknown>) =>
    t(key, named, { locale, plural: count });

  it.each([
    [1, 'تعذّر تعديل محادثة واحدة.', '1 conversation could not be changed.'],
    [2, 'تعذّر تعديل محادثتين.', '2 conversations could not be changed.'],
    [5, 'تعذّر تعديل 5 محادثات.', '5 conversations could not be changed.'],
    [11, 'تعذّر تعديل 11 محادثة.', '11 conversations could not be changed.'],
    [100, 'تعذّر تعديل 100 محادثة.', '100 conversations could not be changed.'],
  ])('a bulk change that failed for %i', (count, arabic, english) => {
    expect(say('ar', 'inbox.bulk.failed', count, { n: count })).toBe(arabic);
    expect(say('en', 'inbox.bulk.failed', count, { n: count })).toBe(english);
  });

  it.each([
    [1, 'بعد ثانية واحدة.', 'in 1 second.'],
    [2, 'بعد ثانيتين.', 'in 2 seconds.'],
    [30, 'بعد 30 ثانية.', 'in 30 seconds.'],
    [7, 'بعد 7 ثوانٍ.', 'in 7 seconds.'],
  ])('the rate limit says %i seconds', (count, arabic, english) => {
    expect(say('ar', 'common.rateLimited', count, { seconds: count })).toContain(arabic);
    expect(say('en', 'common.rateLimited', count, { seconds: count })).toContain(english);
  });

  it('files chosen in a form preview', () => {
    expect(say('ar', 'forms.preview.filesChosen', 1, { n: 1 })).toBe('اخترت ملفاً واحداً');
    expect(say('ar', 'forms.preview.filesChosen', 3, { n: 3 })).toBe('اخترت 3 ملفات');
    expect(say('en', 'forms.preview.filesChosen', 1, { n: 1 })).toBe('1 file chosen');
  });
});
