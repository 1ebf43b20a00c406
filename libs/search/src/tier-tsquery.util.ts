import { CORE, STEM, WRITTEN } from './lexeme';
import type { QueryWord, SearchQuery } from './search-query.util';
import { allOf, anyOf, lexeme } from './tsquery.util';

/** The tsqueries of a search's tiers: exact ⊂ stem; completion adds what begins with the last word. */

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
