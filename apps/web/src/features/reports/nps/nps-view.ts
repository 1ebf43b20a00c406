import type {
  Digits,
  NpsGroup,
  NpsSegment,
  NpsSurveyView,
  NpsTotals,
  ProblemFieldError,
} from '@sanad/contracts';

/**
 * Pure helpers of the NPS screens: the groups a score falls in, the score from counts, shares,
 * the segment the "new survey" form asks for, and how far a survey's sending is. Formatting is the
 * caller's (the workspace's Formatter).
 */

export const NPS_GROUPS = [
  'promoters',
  'passives',
  'detractors',
] as const satisfies readonly NpsGroup[];
/** The eleven scores, 0..10 (shown right to left in Arabic by the page's direction). */
export const NPS_SCORES = Array.from({ length: 11 }, (_, score) => score);

/** Promoters 9–10, passives 7–8, detractors 0–6. */
export function groupOf(score: number): NpsGroup {
  if (score >= 9) return 'promoters';
  if (score >= 7) return 'passives';
  return 'detractors';
}

/** % promoters − % detractors, rounded to a whole number (−100..100); null without responses. */
export function npsScore(
  counts: Pick<NpsTotals, 'promoters' | 'passives' | 'detractors'>,
): number | null {
  const total = counts.promoters + counts.passives + counts.detractors;
  if (!total) return null;
  const score = Math.round(((counts.promoters - counts.detractors) / total) * 100);
  // Math.round(-0.4) is -0: a score reads 0, never −0.
  return score === 0 ? 0 : score;
}

/** Each group's count and share (0..1) of the responses, in the groups' order. */
export function groupShares(
  counts: Pick<NpsTotals, 'promoters' | 'passives' | 'detractors'>,
): Array<{ group: NpsGroup; count: number; share: number }> {
  const total = counts.promoters + counts.passives + counts.detractors;
  return NPS_GROUPS.map((group) => ({
    group,
    count: counts[group],
    share: total ? counts[group] / total : 0,
  }));
}

/** The groups' counts from a 0..10 distribution (a survey's page). */
export function groupsOfDistribution(distribution: readonly number[]): Record<NpsGroup, number> {
  const out: Record<NpsGroup, number> = { promoters: 0, passives: 0, detractors: 0 };
  NPS_SCORES.forEach((score) => (out[groupOf(score)] += distribution[score] ?? 0));
  return out;
}

/** The tallest bar's count (at least 1, so empty bars have a height of 0 %, not NaN). */
export function distributionMax(distribution: readonly number[]): number {
  return Math.max(1, ...NPS_SCORES.map((score) => distribution[score] ?? 0));
}

/** How the score's change against the previous period reads: points, not a percentage. */
export function scoreDelta(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/** What the segment part of the form holds: selects and date inputs, '' when not set. */
export interface SegmentDraft {
  categoryId: string;
  companyId: string;
  registered: '' | 'yes' | 'no';
  lastContactFrom: string;
  lastContactTo: string;
}

export function emptySegmentDraft(): SegmentDraft {
  return { categoryId: '', companyId: '', registered: '', lastContactFrom: '', lastContactTo: '' };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The segment the API takes: only what was chosen ("any" is left out). */
export function segmentOf(draft: SegmentDraft): NpsSegment {
  const segment: NpsSegment = {};
  if (draft.categoryId) segment.categoryId = draft.categoryId;
  if (draft.companyId) segment.companyId = draft.companyId;
  if (draft.registered) segment.registered = draft.registered === 'yes';
  if (DAY.test(draft.lastContactFrom)) segment.lastContactFrom = draft.lastContactFrom;
  if (DAY.test(draft.lastContactTo)) segment.lastContactTo = draft.lastContactTo;
  return segment;
}

/** What is wrong with the segment before asking the server: the last-contact range backwards. */
export function segmentProblem(segment: NpsSegment): 'order' | null {
  const { lastContactFrom: from, lastContactTo: to } = segment;
  return from && to && to < from ? 'order' : null;
}

/** A segment's identity, so an unchanged segment is not previewed twice. */
export function segmentKey(segment: NpsSegment): string {
  const keys = [
    'categoryId',
    'companyId',
    'registered',
    'lastContactFrom',
    'lastContactTo',
  ] as const;
  return JSON.stringify(keys.map((key) => segment[key] ?? null));
}

/**
 * The server's message for a part of the form: segment fields come back as `segment.categoryId`
 * (or bare), question texts as `question.ar`.
 */
export function fieldMessage(
  errors: readonly ProblemFieldError[],
  field: string,
): string | undefined {
  const bare = field.split('.').at(-1);
  return (
    errors.find((error) => error.field === field)?.message ??
    errors.find((error) => error.field === bare && field.startsWith('segment.'))?.message
  );
}

/** Field errors the form shows nowhere (so they are not lost). */
export function otherFieldErrors(
  errors: readonly ProblemFieldError[],
  shown: readonly string[],
): ProblemFieldError[] {
  return errors.filter(
    (error) => !shown.some((field) => fieldMessage([error], field) !== undefined),
  );
}

/** How far the sending is: emails handled (sent or skipped) of the recipients, 0..1. */
export function sendingProgress(survey: Pick<NpsSurveyView, 'recipients' | 'sent' | 'skipped'>): {
  done: number;
  total: number;
  fraction: number;
} {
  const done = Math.min(survey.recipients, survey.sent + survey.skipped);
  return {
    done,
    total: survey.recipients,
    fraction: survey.recipients ? done / survey.recipients : 1,
  };
}

/** The question texts to send: the ones written (trimmed); none means the defaults. */
export function questionOf(texts: {
  ar: string;
  en: string;
}): { ar?: string; en?: string } | undefined {
  const out: { ar?: string; en?: string } = {};
  if (texts.ar.trim()) out.ar = texts.ar.trim();
  if (texts.en.trim()) out.en = texts.en.trim();
  return Object.keys(out).length ? out : undefined;
}

/**
 * A signed number (an NPS score) isolated from the sentence around it. With Latin digits it
 * reads left to right even in Arabic text ("-12", not "12-"): Intl's direction marks are dropped
 * for a left-to-right isolate. Arabic-Indic digits keep Intl's Arabic letter mark (the sign
 * then comes first in right-to-left reading), inside an isolate that takes its direction.
 */
export function isolateSigned(text: string, digits: Digits): string {
  return digits === 'arab'
    ? `\u2068${text}\u2069`
    : `\u2066${text.replace(/[\u200e\u200f\u061c]/g, '')}\u2069`;
}

/**
 * The question split where the workspace's name goes (`{workspace}`): the page puts the name
 * between the parts, in a bidi isolate of its own, as the customer reads it.
 */
export function questionParts(template: string): string[] {
  return template.split('{workspace}');
}
