import { indexTerms } from './index-terms.util';
import { CORE, STEM, WRITTEN } from './lexeme';
import {
  EXACT,
  STEMMED,
  COMPLETED,
  type MatchTier,
  type QueryWord,
  type SearchQuery,
} from './search-query.util';

/** The tiers of tier-tsquery.util, in memory over a text's indexTerms (pickers, highlights). */

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
