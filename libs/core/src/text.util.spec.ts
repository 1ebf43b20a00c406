import { cleanText, cappedName } from './text.util';

describe('text as stored', () => {
  it.each([
    [
      'Zalgo text keeps four marks per letter',
      `Z${'\u0301'.repeat(300)}a`,
      `${'\u0179'}${'\u0301'.repeat(4)}a`,
    ],
    ['Arabic with shadda and harakat is kept', 'مُحَمَّدٌ', 'مُحَمَّدٌ'],
    ['NUL is removed', 'a\u0000b', 'ab'],
  ])('%s', (_name, input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it('caps display names from outside at 200 characters', () => {
    expect([...cappedName('س'.repeat(10_000))]).toHaveLength(200);
    expect(cappedName('  سارة  ')).toBe('سارة');
  });
});
