import { RATING_COMMENT_MAX, RATING_DIMENSIONS, type RatingDimension } from '@sanad/contracts';
import { cleanText, DomainError, type FieldError } from '@sanad/core';

/** What the rating page posts: the overall stars, the four dimensions, a comment. */
export interface RatingAnswers {
  score: number;
  dimensions: Record<RatingDimension, number | null>;
  comment: string | null;
}

/** The page's raw values, to fill the form again after an error. */
export type RawAnswers = Partial<Record<'score' | RatingDimension | 'comment', string>>;

type Fields = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function rawAnswers(fields: Fields): RawAnswers {
  const raw: RawAnswers = {};
  for (const key of ['score', ...RATING_DIMENSIONS, 'comment'] as const) {
    const value = one(fields[key]);
    if (value !== undefined) raw[key] = value.slice(0, RATING_COMMENT_MAX * 4);
  }
  return raw;
}

/**
 * Reads a post: `score` is required (1–5), each dimension 1–5 or left out (null), the comment
 * at most RATING_COMMENT_MAX characters (an empty one is none). Anything else is a 400 naming
 * the field (`request/validation` with `errors`).
 */
export function parseRatingAnswers(raw: RawAnswers): RatingAnswers {
  const errors: FieldError[] = [];
  const star = (field: 'score' | RatingDimension, required: boolean): number | null => {
    const value = (raw[field] ?? '').trim();
    if (value === '' && !required) return null;
    if (!/^[1-5]$/.test(value)) {
      errors.push({ field, code: 'ratingScore' });
      return null;
    }
    return Number(value);
  };
  const score = star('score', true);
  const dimensions = Object.fromEntries(
    RATING_DIMENSIONS.map((d) => [d, star(d, false)]),
  ) as Record<RatingDimension, number | null>;
  const comment = cleanText(raw.comment ?? '').trim();
  if ([...comment].length > RATING_COMMENT_MAX)
    errors.push({ field: 'comment', code: 'maxLength', params: { max: RATING_COMMENT_MAX } });
  if (errors.length > 0 || score === null) throw new DomainError('request/validation', {}, errors);
  return { score, dimensions, comment: comment || null };
}
