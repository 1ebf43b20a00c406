import { baseCompile } from '@intlify/message-compiler';
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
  });
});
