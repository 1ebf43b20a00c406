import { NPS_COMMENT_MAX } from '@sanad/contracts';
import { cleanText, DomainError, type FieldError } from '@sanad/core';

/** What the NPS page posts: the score and a comment. */
export interface NpsAnswer {
  score: number;
  comment: string | null;
}

/** The page's raw values, to fill the form again after an error. */
export interface RawNpsAnswer {
  score?: string;
  comment?: string;
}

type Fields = Record<string, string | string[] | undefined>;

export function rawNpsAnswer(fields: Fields): RawNpsAnswer {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const raw: RawNpsAnswer = {};
  const score = one(fields.score);
  const comment = one(fields.comment);
  if (score !== undefined) raw.score = score.slice(0, 10);
  if (comment !== undefined) raw.comment = comment.slice(0, NPS_COMMENT_MAX * 4);
  return raw;
}

/**
 * Reads a post: `score` a whole number 0–10, the comment at most NPS_COMMENT_MAX characters (an
 * empty one is none). Anything else is a 400 naming the field (`request/validation`).
 */
export function parseNpsAnswer(raw: RawNpsAnswer): NpsAnswer {
  const errors: FieldError[] = [];
  const value = (raw.score ?? '').trim();
  const score = /^(10|[0-9])$/.test(value) ? Number(value) : null;
  if (score === null) errors.push({ field: 'score', code: 'npsScore' });
  const comment = cleanText(raw.comment ?? '').trim();
  if ([...comment].length > NPS_COMMENT_MAX)
    errors.push({ field: 'comment', code: 'maxLength', params: { max: NPS_COMMENT_MAX } });
  if (errors.length > 0 || score === null) throw new DomainError('request/validation', {}, errors);
  return { score, comment: comment || null };
}
