/**
 * Arabic-aware text normalisation and light stemming for search (product §10). Both the stored
 * search vector and every query go through the same functions, so forms that readers treat as the
 * same word match: diacritics and tatweel removed, alef forms unified, ta marbuta → ha, alef
 * maqsura → ya, Arabic-Indic digits → Latin, and common prefixes/suffixes stripped.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ARABIC_LETTER = /[\u0621-\u064A]/;

export function normalizeArabic(text: string): string {
  return text
    .normalize('NFKC')
    .replace(DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, '\u0627') // آ أ إ ٱ → ا
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0624/g, '\u0648') // ؤ → و
    .replace(/\u0626/g, '\u064A') // ئ → ي
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase();
}

// Longest first. Only stripped when what remains is long enough to still be a word.
const PREFIXES = ['وبال', 'وكال', 'فبال', 'والل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];
const SUFFIXES = [
  'اتها',
  'اتهم',
  'يات',
  'ات',
  'ون',
  'ين',
  'ان',
  'تين',
  'تان',
  'ها',
  'هم',
  'هن',
  'كم',
  'نا',
  'ته',
  'يه',
  'ه',
  'ي',
];

/** Light stem of one normalised Arabic word: المحادثات → محادث, محادثة → محادث. */
export function stemArabicWord(word: string): string {
  let stem = word;
  for (const prefix of PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= 3) {
      stem = stem.slice(prefix.length);
      break;
    }
  }
  if (stem.length >= 4 && (stem.startsWith('و') || stem.startsWith('ف')) && !startsRoot(stem))
    stem = stem.slice(1);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem;
}

/** Words whose first و/ف belongs to the word itself (a tiny list of frequent ones). */
function startsRoot(word: string): boolean {
  return [
    'وقت',
    'وصل',
    'وجد',
    'وضع',
    'فتح',
    'فرق',
    'فكر',
    'فرع',
    'فصل',
    'فهم',
    'فريق',
    'فاتور',
    'فاتوره',
    'وكيل',
    'وثيق',
  ].some((root) => word.startsWith(root));
}

/** Splits normalised text into words (letters and digits of any script). */
export function searchTokens(text: string): string[] {
  return (
    normalizeArabic(text)
      .split(/[^\p{L}\p{N}@._-]+/u)
      .flatMap((token) => token.split(/[@._-]+/).concat(token.includes('@') ? [token] : []))
      // A detached article (الـ invoices) carries no meaning of its own.
      .filter((token) => token.length > 0 && token !== 'ال')
  );
}

/**
 * The text we index and query with: each Arabic word replaced by its stem, other words kept as
 * they are (PostgreSQL's english configuration stems those).
 */
export function searchText(text: string): string {
  return searchTokens(text)
    .map((token) => (ARABIC_LETTER.test(token) ? stemArabicWord(token) : token))
    .join(' ');
}
