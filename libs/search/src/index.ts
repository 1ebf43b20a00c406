export { foldLetters, finalForm, withoutHamza } from './fold.util';
export { tokenize, type Token } from './tokens.util';
export { stemEnglish } from './english-stem.util';
export { arabicCores, arabicStems } from './arabic-stem.util';
export { wordTerms, isSearchable, type WordTerms } from './word-terms.util';
export { indexTerms, MAX_INDEXED_TOKENS } from './index-terms.util';
export {
  parseSearchQuery,
  EXACT,
  STEMMED,
  COMPLETED,
  MAX_QUERY_WORDS,
  type MatchTier,
  type QueryWord,
  type SearchQuery,
} from './search-query.util';
export { exactTsquery, stemTsquery, completionTsquery, lastWordTsquery } from './tier-tsquery.util';
export { matchTier, isMatchingWord } from './match-tier.util';
export {
  contactSearchText,
  contactSearchPatterns,
  contactNamePrefix,
  foldedSortName,
  phoneSearchForms,
  type ContactTextParts,
} from './contact-text.util';
