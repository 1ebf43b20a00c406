import { languageFromAcceptLanguage, withDigits } from './language.util';

describe('languageFromAcceptLanguage', () => {
  it.each([
    [undefined, 'ar'],
    ['', 'ar'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['ar-SA,ar;q=0.9,en;q=0.8', 'ar'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['fr', 'ar'],
    ['en;q=0.2,ar;q=0.8', 'ar'],
    ['ar;q=0,en', 'en'],
  ])('%s -> %s', (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('withDigits', () => {
  it('writes Latin digits as Arabic-Indic only when asked', () => {
    expect(withDigits('#1290', 'arab')).toBe('#١٢٩٠');
    expect(withDigits('#1290', 'latn')).toBe('#1290');
  });
});
