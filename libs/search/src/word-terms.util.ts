import { arabicCores, arabicStems } from './arabic-stem.util';
import { stemEnglish } from './english-stem.util';
import { finalForm, withoutHamza } from './fold.util';
import { MAX_TOKEN_LENGTH } from './lexeme';
import { STOP_WORDS } from './stop-words';
import type { Token } from './tokens.util';

/** What one token is indexed and searched as, in indexed spelling, without kind marks. */
export interface WordTerms {
  /** The word as written. */
  written: string;
  /** The same word without proclitics or without its hamza (الفاتورة → فاتورة). */
  cores: string[];
  /** Its stems (طلباتكم → طلب, refunds → refund). */
  stems: string[];
}

/** Whether a token is worth indexing or searching: not a stop word, not a lone letter. */
export function isSearchable(token: Token): boolean {
  if (token.text.length > MAX_TOKEN_LENGTH || STOP_WORDS.has(token.text)) return false;
  return token.script === 'number' || [...token.text].length > 1;
}

/** The terms of one plain token (an address or code is its own whole and its parts). */
export function wordTerms(token: Token): WordTerms {
  if (token.script === 'arabic') return arabicTerms(token.text);
  if (token.script === 'number') {
    // Order 0042 is order 42.
    const short = token.text.replace(/^0+(?=\d)/, '');
    return { written: token.text, cores: [], stems: short === token.text ? [] : [short] };
  }
  if (token.parts.length > 0) {
    const [local, domain] = token.text.split('@');
    const cores = domain && local ? [local, domain] : [];
    return { written: token.text, cores, stems: [] };
  }
  const stem = stemEnglish(token.text);
  return { written: token.text, cores: [], stems: stem === token.text ? [] : [stem] };
}

function arabicTerms(text: string): WordTerms {
  const written = finalForm(text);
  const cores = arabicCores(text);
  const stems = cores.flatMap(arabicStems);
  const hamzaFree = (forms: string[]): string[] =>
    forms.map(withoutHamza).filter((form): form is string => !!form && form.length > 1);
  const indexedCores = [...cores.map(finalForm), ...hamzaFree(cores)];
  const indexedStems = [...stems.map(finalForm), ...hamzaFree(stems)];
  return {
    written,
    cores: unique(indexedCores).filter((core) => core !== written),
    stems: unique(indexedStems).filter((stem) => stem !== written && !indexedCores.includes(stem)),
  };
}

const unique = (values: string[]): string[] => [...new Set(values)];

/** Every spelling one token matches through, its kinds aside. */
export function allForms(terms: WordTerms): string[] {
  return [terms.written, ...terms.cores, ...terms.stems];
}
