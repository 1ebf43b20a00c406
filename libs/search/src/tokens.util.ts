import { foldLetters } from './fold.util';

/** One word of folded text, as the index and the query see it. */
export interface Token {
  /** Folded spelling (ة ى ؤ ئ still as typed: see fold.util). */
  text: string;
  script: 'arabic' | 'latin' | 'number';
  /**
   * An address, code or number written with joiners (sara.johnson@example.com, INV-2024-0042,
   * 12.50): its words, each a token of its own; empty for a plain word.
   */
  parts: Token[];
}

/** Letters and digits, with @ . _ - + / allowed between Latin letters and digits. */
const RUN = /[\p{L}\p{N}]+(?:[@._\-+/][\p{L}\p{N}]+)*/gu;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
/** Where Arabic letters meet Latin letters or digits inside one run (الـinvoice, رقم١٢٣). */
const SCRIPT_CHANGE =
  /(?<=\p{Script=Arabic})(?=[^\p{Script=Arabic}])|(?<=[^\p{Script=Arabic}])(?=\p{Script=Arabic})/u;
const JOINERS = /[@._\-+/]+/;
const EDGE_JOINERS = /^[@._\-+/]+|[@._\-+/]+$/g;
/** More parts than this in one address or code are not worth indexing one by one. */
const MAX_PARTS = 8;

function word(text: string): Token {
  const script = ARABIC_LETTER.test(text) ? 'arabic' : /^\d+$/.test(text) ? 'number' : 'latin';
  return { text, script, parts: [] };
}

/**
 * Splits text into tokens, at most `limit` of them (a 10,000-character query costs what its
 * first words cost). Arabic words never carry joiners: "ال-فاتورة" is two words.
 */
export function tokenize(text: string, limit = Infinity): Token[] {
  const tokens: Token[] = [];
  for (const match of foldLetters(text).matchAll(RUN)) {
    for (const raw of match[0].split(SCRIPT_CHANGE)) {
      const piece = raw.replace(EDGE_JOINERS, '');
      if (!piece) continue;
      const words = piece.split(JOINERS);
      if (ARABIC_LETTER.test(piece) || words.length === 1) {
        for (const part of words) {
          if (tokens.length >= limit) return tokens;
          tokens.push(word(part));
        }
        continue;
      }
      if (tokens.length >= limit) return tokens;
      tokens.push({ text: piece, script: 'latin', parts: words.slice(0, MAX_PARTS).map(word) });
    }
  }
  return tokens;
}
