import type { FormFieldType, SubmissionAnswer, SubmissionView } from '@sanad/contracts';
import { parseNumberInput } from '../../contacts/fields/custom-fields';

export type Answer = SubmissionView['answers'][number];

/** How an answer is edited: the control it gets. Files are replaced by no one (they stay as sent). */
export type AnswerControl = 'text' | 'long' | 'number' | 'date' | 'single' | 'multi' | 'checkbox';

const CONTROLS: Partial<Record<FormFieldType, AnswerControl>> = {
  short_text: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  hidden: 'text',
  long_text: 'long',
  number: 'number',
  decimal: 'number',
  date: 'date',
  select: 'single',
  radio: 'single',
  multi_select: 'multi',
  checkbox: 'checkbox',
};

/** The control for a field type; null for what cannot be edited (files, content). */
export function controlFor(type: FormFieldType): AnswerControl | null {
  return CONTROLS[type] ?? null;
}

/** What the edit form holds per answer: text as typed, the ticked options, or the box. */
export type DraftValue = string | string[] | boolean;
export type AnswersDraft = Record<string, DraftValue>;

/** The edit form filled with the answers as they are. */
export function draftFromAnswers(answers: Answer[]): AnswersDraft {
  const draft: AnswersDraft = {};
  for (const answer of answers) {
    const control = controlFor(answer.type);
    if (!control) continue;
    const value = answer.value;
    if (control === 'multi') draft[answer.key] = Array.isArray(value) ? [...value] : [];
    else if (control === 'checkbox') draft[answer.key] = value === true;
    else if (control === 'single' && Array.isArray(value)) draft[answer.key] = value[0] ?? '';
    else
      draft[answer.key] =
        value === null || typeof value === 'boolean' || Array.isArray(value) ? '' : String(value);
  }
  return draft;
}

/**
 * The value a draft entry stands for, as the API stores it. Empty → null (the answer removed); a
 * number the browser cannot read goes as typed, so the server names the mistake next to it.
 */
export function draftToValue(control: AnswerControl, value: DraftValue): SubmissionAnswer | null {
  switch (control) {
    case 'checkbox':
      return value === true;
    case 'multi':
      return Array.isArray(value) && value.length ? value : null;
    case 'number': {
      const text = typeof value === 'string' ? value : '';
      return parseNumberInput(text, false);
    }
    default: {
      const text = typeof value === 'string' ? value : '';
      return text.trim() === '' ? null : text.trim();
    }
  }
}

function same(a: SubmissionAnswer | null, b: SubmissionAnswer | null): boolean {
  // An unticked box and a box never answered read the same to the agent.
  if ((a === false || a === null) && (b === false || b === null)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** PATCH's `values`: only the answers the agent changed; null when nothing changed. */
export function valuesPatch(
  answers: Answer[],
  draft: AnswersDraft,
): Record<string, SubmissionAnswer | null> | null {
  const values: Record<string, SubmissionAnswer | null> = {};
  for (const answer of answers) {
    const control = controlFor(answer.type);
    if (!control || !(answer.key in draft)) continue;
    const next = draftToValue(control, draft[answer.key]);
    const before = control === 'number' ? numberOrSelf(answer.value) : answer.value;
    if (!same(before, next)) values[answer.key] = next;
  }
  return Object.keys(values).length ? values : null;
}

function numberOrSelf(value: SubmissionAnswer | null): SubmissionAnswer | null {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/** The server's message for one answer: it names them `values.<key>` (or just the key). */
export function answerError(
  errors: ReadonlyArray<{ field: string; message: string }>,
  key: string,
): string | undefined {
  return errors.find((e) => e.field === `values.${key}` || e.field === key)?.message;
}
