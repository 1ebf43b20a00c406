import type { SnippetPart } from '@sanad/contracts';
import { normalizeArabic, searchText } from '@sanad/core';

/**
 * Cuts a snippet around the first word that matches the query (same normalising and stemming as
 * the index) and marks every matching word. Returns plain text parts: never HTML.
 */
export function snippet(text: string, query: string, radius = 60): SnippetPart[] {
  const wanted = new Set(searchText(query).split(' ').filter(Boolean));
  const english = new Set(
    normalizeArabic(query)
      .split(/\W+/)
      .filter((w) => w.length > 2)
      .map((w) => w.slice(0, 4)),
  );
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}\u0640]+/gu)];
  const isMatch = (word: string): boolean => {
    const stem = searchText(word);
    return (
      (stem !== '' && wanted.has(stem)) ||
      (/^[a-z]/i.test(word) && word.length > 2 && english.has(normalizeArabic(word).slice(0, 4)))
    );
  };
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
