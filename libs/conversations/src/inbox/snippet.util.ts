import type { SnippetPart } from '@sanad/contracts';
import { isMatchingWord, type SearchQuery } from '@sanad/search';

/**
 * Words as the customer wrote them: letters with their marks, tatweel and joiners, and
 * addresses or codes whole (sara.johnson@example.com is one word to mark).
 */
const WORD = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+(?:[@._\-+/][\p{L}\p{N}]+)*/gu;

/** Whether a word as written matches the query, remembered per word for a whole page. */
export function wordMatcher(query: SearchQuery): (word: string) => boolean {
  const known = new Map<string, boolean>();
  return (word) => {
    let match = known.get(word);
    if (match === undefined) known.set(word, (match = isMatchingWord(query, word)));
    return match;
  };
}

/**
 * Cuts a snippet around the first word that matches the query (the same folding, stemming and
 * completion as the search) and marks every matching word as written. Plain text parts only,
 * never HTML.
 */
export function snippet(
  text: string,
  isMatch: (word: string) => boolean,
  radius = 60,
): SnippetPart[] {
  const words = [...text.matchAll(WORD)];
  const first = words.find((w) => isMatch(w[0]));
  const center = first?.index ?? 0;
  const start = Math.max(0, center - radius);
  const end = Math.min(text.length, center + radius * 2);
  const parts: SnippetPart[] = [];
  let cursor = start;
  for (const word of words) {
    const at = word.index ?? 0;
    if (at < start || at + word[0].length > end || !isMatch(word[0])) continue;
    if (at > cursor) parts.push({ text: text.slice(cursor, at), match: false });
    parts.push({ text: word[0], match: true });
    cursor = at + word[0].length;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), match: false });
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}
