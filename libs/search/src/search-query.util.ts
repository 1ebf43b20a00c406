import { indexTerms } from './index-terms.util';
import { CORE, MAX_TOKEN_LENGTH, STEM, WRITTEN } from './lexeme';
import { tokenize, type Token } from './tokens.util';
import { allOf, anyOf, lexeme } from './tsquery.util';
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

// tsqueries, one per tier: exact ⊂ stem; completion adds what begins with the last word.

/** Every query word as written. */
export function exactTsquery(query: SearchQuery): string {
  return allOf(query.words.map((w) => lexeme(WRITTEN + w.written)));
}

/** Every query word through any of its forms. */
export function stemTsquery(query: SearchQuery): string {
  return allOf(query.words.map(stemPart));
}

/**
 * Like stemTsquery, but the last word by its beginnings only (what the stem tier did not find:
 * the search excludes that tier's hits anyway, and fewer lexemes keep PostgreSQL's estimate of
 * the matches low, so it reads them through the GIN index). Null when the query does not
 * complete.
 */
export function completionTsquery(query: SearchQuery): string | null {
  if (!query.completes) return null;
  const words = query.words.slice(0, -1).map(stemPart);
  return allOf([...words, completionPart(query.words[query.words.length - 1])]);
}

/** The last word as a whole word of the index: when it is one, it is not completed. */
export function lastWordTsquery(query: SearchQuery): string {
  const last = query.words[query.words.length - 1];
  return anyOf([lexeme(WRITTEN + last.written), lexeme(CORE + last.written)]);
}

function stemPart(word: QueryWord): string {
  const forms = word.forms.flatMap((form) => [WRITTEN, CORE, STEM].map((k) => lexeme(k + form)));
  if (word.parts.length > 1) forms.push(allOf(word.parts.map(stemPart)));
  return anyOf(forms);
}

function completionPart(word: QueryWord): string {
  const beginnings = word.beginnings.flatMap((b) =>
    [WRITTEN, CORE].map((k) => lexeme(k + b, true)),
  );
  const parts = word.parts;
  if (parts.length > 1) {
    const lastPart = parts[parts.length - 1];
    const inner = lastPart.beginnings.length ? completionPart(lastPart) : stemPart(lastPart);
    beginnings.push(allOf([...parts.slice(0, -1).map(stemPart), inner]));
  }
  return anyOf(beginnings);
}

// The same tiers in memory, over a text's indexTerms (saved replies, people, highlights).

/** The best tier at which a text with these index terms matches the query, or 0. */
export function matchTier(query: SearchQuery, terms: ReadonlySet<string>): MatchTier | 0 {
  if (query.words.every((w) => terms.has(WRITTEN + w.written))) return EXACT;
  const init = query.words.slice(0, -1);
  const last = query.words[query.words.length - 1];
  if (!init.every((w) => hasForm(w, terms))) return 0;
  if (hasForm(last, terms)) return STEMMED;
  return query.completes && completes(last, terms) ? COMPLETED : 0;
}

function hasForm(word: QueryWord, terms: ReadonlySet<string>): boolean {
  return (
    word.forms.some((f) => terms.has(WRITTEN + f) || terms.has(CORE + f) || terms.has(STEM + f)) ||
    (word.parts.length > 1 && word.parts.every((p) => hasForm(p, terms)))
  );
}

function completes(word: QueryWord, terms: ReadonlySet<string>): boolean {
  for (const term of terms) {
    if (term.startsWith(STEM)) continue;
    const form = term.startsWith(CORE) ? term.slice(CORE.length) : term;
    if (word.beginnings.some((b) => form.startsWith(b))) return true;
  }
  const parts = word.parts;
  return (
    parts.length > 1 &&
    parts.slice(0, -1).every((p) => hasForm(p, terms)) &&
    (hasForm(parts[parts.length - 1], terms) || completes(parts[parts.length - 1], terms))
  );
}

/** Whether one word of a text, as written there, is a match to mark (snippets). */
export function isMatchingWord(query: SearchQuery, word: string): boolean {
  const terms = new Set(indexTerms(word));
  if (terms.size === 0) return false;
  const last = query.words[query.words.length - 1];
  return query.words.some(
    (w) =>
      hasForm(w, terms) ||
      w.parts.some((p) => hasForm(p, terms)) ||
      (query.completes && w === last && completes(w, terms)),
  );
}
