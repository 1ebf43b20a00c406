import { MAX_TOKEN_LENGTH } from './lexeme';
import { tokenize, type Token } from './tokens.util';
import { allForms, isSearchable, wordTerms } from './word-terms.util';

/** How well a text matches a query; higher is better, 0 is no match. */
export const EXACT = 3;
export const STEMMED = 2;
export const COMPLETED = 1;
export type MatchTier = typeof EXACT | typeof STEMMED | typeof COMPLETED;

/** Words of a query that count: more are ignored (a pasted paragraph finds what its start finds). */
export const MAX_QUERY_WORDS = 8;
/** The word being typed is completed from this many letters on (محم → محمد, refu → refund). */
export const MIN_COMPLETION_LENGTH = 3;

/** One query word, with what it may match. */
export interface QueryWord {
  /** As written, indexed spelling: the exact tier. */
  written: string;
  /** Every spelling and stem it matches through (any kind). */
  forms: string[];
  /** Beginnings it completes, when it is the word being typed. */
  beginnings: string[];
  /** An address or code also matches as all of its parts. */
  parts: QueryWord[];
}

/** A parsed query: its words, and whether the last one is still being typed. */
export interface SearchQuery {
  words: QueryWord[];
  /** The last word may be completed (it was the last thing typed and is long enough). */
  completes: boolean;
}

/**
 * Reads what someone typed into query words, with the same folding and stemming as the index.
 * Null when nothing searchable is left (only marks, punctuation or stop words).
 *
 * `complete` asks for completion of the last word (as-you-type); it needs the last token to
 * be kept. `completeFrom` lowers the length from which it completes, for pickers over a few
 * rows in memory (people, saved replies): there even a first letter or a stop word being typed
 * (@في for فيصل) is a beginning. The database path keeps the default, which bounds the index
 * range a prefix scans.
 */
export function parseSearchQuery(
  text: string,
  options: { complete?: boolean; completeFrom?: number } = {},
): SearchQuery | null {
  const from = options.completeFrom ?? MIN_COMPLETION_LENGTH;
  const tokens = tokenize(text, MAX_QUERY_WORDS * 4);
  const last = tokens[tokens.length - 1];
  const typing = (token: Token): boolean =>
    !!options.completeFrom &&
    !!options.complete &&
    token === last &&
    token.text.length <= MAX_TOKEN_LENGTH &&
    [...token.text].length >= from;
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    if ((!isSearchable(token) && !typing(token)) || seen.has(token.text)) continue;
    seen.add(token.text);
    words.push(queryWord(token, from));
    if (words.length === MAX_QUERY_WORDS) break;
  }
  if (words.length === 0) return null;
  const lastWord = words[words.length - 1];
  const completes =
    !!options.complete &&
    lastWord.written === (last && wordTerms(last).written) &&
    lastWord.beginnings.length > 0;
  return { words, completes };
}

function queryWord(token: Token, completeFrom: number): QueryWord {
  const terms = wordTerms(token);
  const beginnings = [terms.written, ...terms.cores].filter(
    (form) => [...form].length >= completeFrom,
  );
  return {
    written: terms.written,
    forms: allForms(terms),
    beginnings,
    parts: token.parts.filter(isSearchable).map((part) => queryWord(part, completeFrom)),
  };
}
