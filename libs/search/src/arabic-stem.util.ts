import { NAMES, OWN_ALEF_LAM, OWN_FIRST_LETTER } from './arabic-lexicon';
import { finalForm } from './fold.util';

/**
 * A light Arabic stemmer that prefers missing a match to inventing one. It works on folded
 * words that still show ة, ى and the hamza seats (fold.util), and returns indexed spellings.
 *
 * - `arabicCores`: the word without its proclitics (و ف, ب ك ل, ال, بال كال لل).
 * - `arabicStems`: a core without its suffixes (pronouns, plurals, ta marbuta before a pronoun).
 *
 * Every strip leaves a minimum number of letters, longer for the riskier clitics, so short words
 * and names are not cut into other words (فيصل is not ف + يصل, لبنان is not لبن + ان).
 */

const length = (word: string): number => [...word].length;
const ownFirstLetter = (word: string): boolean =>
  OWN_FIRST_LETTER.some((start) => finalForm(word).startsWith(start));

/** Single-letter prepositions with the letters each must leave. */
const PREPOSITIONS: Array<[string, number]> = [
  ['ب', 3],
  ['ل', 3],
  ['ك', 4],
];

/** The word and its forms without proclitics, the word first (folded, not yet indexed spelling). */
export function arabicCores(word: string): string[] {
  const cores = new Set<string>([word]);
  const bases = [word];
  // و/ف "and": only before a long enough word (فلتر, فيصل stay whole).
  if (/^[وف]/.test(word) && length(word) - 1 >= 4 && !ownFirstLetter(word))
    bases.push(word.slice(1));
  for (const base of bases) {
    cores.add(base);
    for (const combined of ['بال', 'كال', 'لل'])
      if (base.startsWith(combined) && length(base) - combined.length >= 2)
        cores.add(base.slice(combined.length));
    if (base.startsWith('ال') && length(base) - 2 >= 2 && !OWN_ALEF_LAM.has(finalForm(base)))
      cores.add(base.slice(2));
    for (const [letter, leaves] of PREPOSITIONS)
      if (base.startsWith(letter) && length(base) - 1 >= leaves && !ownFirstLetter(base))
        cores.add(base.slice(1));
  }
  return [...cores];
}

/**
 * Attached pronouns, longest first. Not a lone ه ("his"): most final ه are a ta marbuta typed
 * without its dots (مدرسه is مدرسة, not مدرس + ه); after ت it is the pronoun (فاتورته).
 */
const PRONOUNS = ['كما', 'هما', 'كن', 'هن', 'كم', 'هم', 'ها', 'نا', 'ني', 'ته', 'ك', 'ي'];

/**
 * Forms of one core without its suffixes, the core itself excluded (folded, not yet indexed
 * spelling): طلباتكم → طلبات, طلب; فاتورتي → فاتورة; عنوانكم → عنوان; الكترونية → الكتروني.
 */
export function arabicStems(core: string): string[] {
  if (NAMES.has(finalForm(core))) return [];
  const stems = new Set<string>();
  const forms = [core];
  // Both readings where they overlap: عنواني is عنوان + ي, ساعدني is ساعد + ني.
  for (const pronoun of PRONOUNS.filter((p) => core.endsWith(p) && length(core) - p.length >= 3)) {
    // ته: the pronoun after a ta marbuta written ت (فاتورته → فاتورت).
    const rest = core.slice(0, pronoun === 'ته' ? -1 : -pronoun.length);
    forms.push(rest);
    // The ta marbuta is written ت before a pronoun: فاتورتي → فاتورة.
    if (rest.endsWith('ت') && !rest.endsWith('ات')) forms.push(`${rest.slice(0, -1)}ة`);
  }
  for (const form of forms) {
    stems.add(form);
    for (const stem of withoutPlural(form)) stems.add(stem);
  }
  stems.delete(core);
  return [...stems];
}

/** Sound plurals, duals and the feminine nisba, each only when enough letters remain. */
function withoutPlural(form: string): string[] {
  const n = length(form);
  const out: string[] = [];
  if (form.endsWith('ات') && n - 2 >= 3) {
    // حسابات → حساب, محادثات → محادثة: the singular may or may not end in ة.
    out.push(form.slice(0, -2), `${form.slice(0, -2)}ة`);
  }
  if (/(تين|تان)$/.test(form) && n - 3 >= 3) out.push(`${form.slice(0, -3)}ة`);
  if (/(ون|ين)$/.test(form) && n - 2 >= 4) out.push(form.slice(0, -2));
  // The dual ان is also the end of many names (سلمان, عدنان): only on long words.
  if (form.endsWith('ان') && n - 2 >= 5) out.push(form.slice(0, -2));
  if (/ي[ةه]$/.test(form) && n - 2 >= 3) out.push(form.slice(0, -1));
  return out;
}
