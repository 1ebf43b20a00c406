import { finalForm } from './fold.util';
import { CORE, STEM, WRITTEN } from './lexeme';
import { tokenize, type Token } from './tokens.util';
import { isSearchable, wordTerms } from './word-terms.util';

/** A text's first words only: a pasted log of 100,000 words indexes what a reader would read. */
export const MAX_INDEXED_TOKENS = 5_000;

/** First names written apart or together: عبد الله = عبدالله, ابو بكر = ابوبكر. */
const NAME_HEADS = ['عبد', 'ابو'];

/**
 * The lexemes a text is indexed under (for `array_to_tsvector`): each word as written, its
 * cores (`=`) and its stems (`~`); an address or code whole and by parts; compound first names
 * both joined and apart.
 */
export function indexTerms(text: string): string[] {
  const lexemes = new Set<string>();
  const tokens = tokenize(text, MAX_INDEXED_TOKENS);
  tokens.forEach((token, i) => {
    addToken(lexemes, token);
    const next = tokens[i + 1];
    if (
      token.script === 'arabic' &&
      next?.script === 'arabic' &&
      NAME_HEADS.includes(finalForm(token.text))
    )
      addCore(lexemes, token.text + next.text);
    const split = splitName(token);
    if (split) for (const part of split) addCore(lexemes, part);
  });
  return [...lexemes];
}

function addToken(lexemes: Set<string>, token: Token): void {
  if (!isSearchable(token)) return;
  const terms = wordTerms(token);
  lexemes.add(WRITTEN + terms.written);
  for (const core of terms.cores) lexemes.add(CORE + core);
  for (const stem of terms.stems) lexemes.add(STEM + stem);
  for (const part of token.parts) addToken(lexemes, part);
}

/** The same name written otherwise: its spellings (not its stems), as cores. */
function addCore(lexemes: Set<string>, text: string): void {
  const terms = wordTerms({ text, script: 'arabic', parts: [] });
  for (const form of [terms.written, ...terms.cores]) lexemes.add(CORE + form);
}

/** عبدالرحمن → عبد, الرحمن; ابوبكر → ابو, بكر. */
function splitName(token: Token): string[] | null {
  if (token.script !== 'arabic') return null;
  const head = NAME_HEADS.find((h) => token.text.startsWith(h));
  if (!head) return null;
  const rest = token.text.slice(head.length);
  if (head === 'عبد' ? !rest.startsWith('ال') || rest.length < 3 : rest.length < 3) return null;
  return [head, rest];
}
