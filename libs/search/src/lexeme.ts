/**
 * Three kinds of terms share one `simple` tsvector, told apart by a mark no token can contain:
 * the word as written (no mark), the word without its proclitics or hamza (`=`), and its
 * stems (`~`). Ranking tests each kind separately, so a stem never passes for a written word.
 */
export const WRITTEN = '';
export const CORE = '=';
export const STEM = '~';

export type TermKind = typeof WRITTEN | typeof CORE | typeof STEM;

/** Longer tokens are not words anyone types (base64, hashes): not indexed nor searched. */
export const MAX_TOKEN_LENGTH = 100;
