/**
 * The Porter2 (Snowball "english") stemmer, so that refunds, refunded and refunding meet at
 * "refund" here exactly as PostgreSQL's `english` configuration would stem them — but in code,
 * so snippets, saved replies and the mention picker match the way the index does.
 * https://snowballstem.org/algorithms/english/stemmer.html
 */

const SPECIAL = new Map<string, string>(
  Object.entries({
    skis: 'ski',
    skies: 'sky',
    dying: 'die',
    lying: 'lie',
    tying: 'tie',
    idly: 'idl',
    gently: 'gentl',
    ugly: 'ugli',
    early: 'earli',
    only: 'onli',
    singly: 'singl',
    sky: 'sky',
    news: 'news',
    howe: 'howe',
    atlas: 'atlas',
    cosmos: 'cosmos',
    bias: 'bias',
    andes: 'andes',
  }),
);
const AFTER_STEP_1A = new Set([
  'inning',
  'outing',
  'canning',
  'herring',
  'earring',
  'proceed',
  'exceed',
  'succeed',
]);

const isVowel = (c: string | undefined): boolean =>
  c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';

/** Start of the region after the first non-vowel that follows a vowel, from `from`. */
function regionAfter(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++)
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  return word.length;
}

function shortSyllableAt(word: string, end: number): boolean {
  // The syllable ending at `end` (exclusive).
  const c = word[end - 1];
  const v = word[end - 2];
  if (end === 2) return isVowel(v) && !isVowel(c);
  return (
    isVowel(v) && !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y' && !isVowel(word[end - 3])
  );
}

const DOUBLES = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];
const LI_ENDING = /[cdeghkmnrt]$/;

const STEP_2: Array<[string, string]> = [
  ['ization', 'ize'],
  ['ational', 'ate'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['iveness', 'ive'],
  ['tional', 'tion'],
  ['biliti', 'ble'],
  ['lessli', 'less'],
  ['entli', 'ent'],
  ['ation', 'ate'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['ousli', 'ous'],
  ['iviti', 'ive'],
  ['fulli', 'ful'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['abli', 'able'],
  ['izer', 'ize'],
  ['ator', 'ate'],
  ['alli', 'al'],
  ['bli', 'ble'],
  ['ogi', 'og'],
  ['li', ''],
];
const STEP_3: Array<[string, string]> = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['alize', 'al'],
  ['icate', 'ic'],
  ['iciti', 'ic'],
  ['ative', ''],
  ['ical', 'ic'],
  ['ness', ''],
  ['ful', ''],
];
const STEP_4 = [
  'ement',
  'ance',
  'ence',
  'able',
  'ible',
  'ment',
  'ant',
  'ent',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
  'ion',
  'al',
  'er',
  'ic',
];

/** The Porter2 stem of one lower-case Latin word. */
export function stemEnglish(input: string): string {
  if (input.length <= 2 || !/^[a-z']+$/.test(input)) return input;
  const special = SPECIAL.get(input);
  if (special) return special;
  let w = input.replace(/^'/, '');
  if (w.startsWith('y')) w = `Y${w.slice(1)}`;
  for (let i = 1; i < w.length; i++)
    if (w[i] === 'y' && isVowel(w[i - 1])) w = `${w.slice(0, i)}Y${w.slice(i + 1)}`;
  const prefix = /^(gener|commun|arsen)/.exec(w);
  const r1 = prefix ? prefix[0].length : regionAfter(w, 0);
  const r2 = regionAfter(w, r1);
  const inR1 = (suffix: string): boolean => w.length - suffix.length >= r1;
  const inR2 = (suffix: string): boolean => w.length - suffix.length >= r2;
  const hasVowel = (s: string): boolean => /[aeiouy]/.test(s);

  // Step 0: possessives.
  w = w.replace(/'s'$|'s$|'$/, '');
  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ied') || w.endsWith('ies')) w = w.slice(0, w.length > 4 ? -2 : -1);
  else if (w.endsWith('us') || w.endsWith('ss')) {
    // kept
  } else if (w.endsWith('s') && hasVowel(w.slice(0, -2))) w = w.slice(0, -1);
  if (AFTER_STEP_1A.has(w)) return w;
  // Step 1b: -ed, -ing.
  const eed = /(eedly|eed)$/.exec(w);
  const ed = /(ingly|edly|ing|ed)$/.exec(w);
  if (eed) {
    if (inR1(eed[0])) w = `${w.slice(0, -eed[0].length)}ee`;
  } else if (ed && hasVowel(w.slice(0, -ed[0].length))) {
    w = w.slice(0, -ed[0].length);
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (DOUBLES.some((d) => w.endsWith(d))) w = w.slice(0, -1);
    else if (r1 >= w.length && shortSyllableAt(w, w.length)) w += 'e';
  }
  // Step 1c: y → i after a consonant that is not the first letter.
  if (/[yY]$/.test(w) && w.length > 2 && !isVowel(w[w.length - 2])) w = `${w.slice(0, -1)}i`;
  // Step 2.
  const s2 = STEP_2.find(([suffix]) => w.endsWith(suffix));
  if (s2 && inR1(s2[0])) {
    const [suffix, replacement] = s2;
    const stem = w.slice(0, -suffix.length);
    if (suffix === 'ogi') {
      if (stem.endsWith('l')) w = `${stem}og`;
    } else if (suffix === 'li') {
      if (LI_ENDING.test(stem)) w = stem;
    } else w = stem + replacement;
  }
  // Step 3.
  const s3 = STEP_3.find(([suffix]) => w.endsWith(suffix));
  if (s3 && inR1(s3[0])) {
    const [suffix, replacement] = s3;
    if (suffix !== 'ative' || inR2(suffix)) w = w.slice(0, -suffix.length) + replacement;
  }
  // Step 4.
  const s4 = STEP_4.find((suffix) => w.endsWith(suffix));
  if (s4 && inR2(s4)) {
    const stem = w.slice(0, -s4.length);
    if (s4 !== 'ion' || /[st]$/.test(stem)) w = stem;
  }
  // Step 5.
  if (w.endsWith('e')) {
    if (inR2('e') || (inR1('e') && !shortSyllableAt(w, w.length - 1))) w = w.slice(0, -1);
  } else if (w.endsWith('ll') && inR2('l')) w = w.slice(0, -1);
  return w.replace(/Y/g, 'y');
}
