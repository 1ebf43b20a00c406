/**
 * Character folding for search (product §10): every way of typing the same letters becomes one
 * spelling, for indexing and querying alike. Two steps, because the stemmer needs to see what
 * the writer typed: `foldLetters` keeps ta marbuta (ة), alef maqsura (ى) and the hamza seats
 * (ؤ ئ), which tell a suffix from the end of a word; `finalForm` then folds those too.
 */

/** Zero-width characters, bidi controls, the Arabic letter mark, soft hyphen, BOM. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** C0/C1 control characters (NUL included): they separate words, never join them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
/** Harakat, tanween, shadda, sukun, dagger alef, Quranic marks. */
const ARABIC_MARKS =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u08D3-\u08FF]/g;
const TATWEEL = /\u0640/g;
/** Accents on Latin letters (café → cafe), after canonical decomposition. */
const LATIN_MARKS = /[\u0300-\u036F]/g;

/** Letters of other keyboards (Persian, Urdu) and alef forms, as Arabic keyboards type them. */
const LETTERS: Record<string, string> = {
  '\u0622': 'ا', // آ
  '\u0623': 'ا', // أ
  '\u0625': 'ا', // إ
  '\u0671': 'ا', // ٱ
  '\u0672': 'ا',
  '\u0673': 'ا',
  '\u0675': 'ا',
  '\u0676': 'ؤ', // ٶ
  '\u0678': 'ئ', // ٸ
  '\u06D3': 'ئ', // ۓ
  '\u06A9': 'ك', // ک Persian kaf
  '\u06AA': 'ك', // ڪ
  '\u06AB': 'ك', // ګ
  '\u06AF': 'ك', // گ gaf, typed ك on Arabic keyboards
  '\u06CC': 'ي', // ی Persian yeh
  '\u06D0': 'ي', // ې
  '\u06CD': 'ي', // ۍ
  '\u06D2': 'ي', // ے Urdu yeh barree
  '\u06C0': 'ه', // ۀ heh with yeh above
  '\u06C1': 'ه', // ہ heh goal
  '\u06C2': 'ه', // ۂ
  '\u06BE': 'ه', // ھ heh doachashmee
  '\u06D5': 'ه', // ە ae
  '\u06C3': 'ة', // ۃ teh marbuta goal
  '\u06A4': 'ف', // ڤ veh
  '\u067E': 'ب', // پ peh
  '\u0686': 'ج', // چ tcheh
  '\u0698': 'ز', // ژ jeh
  '\u0679': 'ت', // ٹ
  '\u0688': 'د', // ڈ
  '\u0691': 'ر', // ڑ
  '\u06BA': 'ن', // ں
  '\u066B': '.', // Arabic decimal separator
  '\u066C': ',', // Arabic thousands separator
  '\u066A': '%',
};
const LETTER_KEYS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');
/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits → Latin. */
const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Text with every spelling variant folded except ة, ى and the hamza seats ؤ ئ (the stemmer's
 * clues): presentation forms and ligatures (NFKC), invisible and control characters, marks,
 * tatweel, alef forms, other keyboards' letters, digits of three scripts, case, Latin accents.
 */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    .replace(LETTER_KEYS, (c) => LETTERS[c])
    .replace(DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .normalize('NFC');
}

/** The indexed spelling of a folded word: ة → ه, ى → ي, and every hamza seat → ء. */
export function finalForm(word: string): string {
  // Called for every candidate of every indexed word: most have nothing to fold.
  if (!FINAL_LETTERS.test(word)) return word;
  return word.replace(FINAL_LETTERS_ALL, (c) => FINAL[c]);
}

const FINAL: Record<string, string> = { ة: 'ه', ى: 'ي', ؤ: 'ء', ئ: 'ء' };
const FINAL_LETTERS = /[ةىؤئ]/;
const FINAL_LETTERS_ALL = /[ةىؤئ]/g;

/**
 * The same word typed without its hamza, as many do: ؤ → و, ئ → ي, bare ء dropped
 * (مسؤول → مسوول, شيء → شي). Null when the word has no hamza.
 */
export function withoutHamza(word: string): string | null {
  if (!/[ءؤئ]/.test(word)) return null;
  const bare = word.replace(/ة/g, 'ه').replace(/ى/g, 'ي').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي');
  return bare.replace(/ء/g, '');
}
