import {
  FORM_CONTENT_TYPES,
  type FormField,
  type FormFieldType,
  type Language,
  type LocalText,
  type SubmissionAnswer,
  type SubmissionView,
} from '@sanad/contracts';
import { cleanText } from '@sanad/core';

const CONTENT = new Set<FormFieldType>(FORM_CONTENT_TYPES);
const YES: LocalText = { ar: 'نعم', en: 'Yes' };
const NO: LocalText = { ar: 'لا', en: 'No' };

export type StoredAnswers = Record<string, SubmissionAnswer>;

/** A label in the language, or the other one when the form has only that. */
export function localText(text: LocalText | null, language: Language): string {
  if (!text) return '';
  return text[language] || text[language === 'ar' ? 'en' : 'ar'] || '';
}

/** The fields that take answers (no headings, paragraphs), in the version's order. */
export function answerFields(fields: readonly FormField[]): FormField[] {
  return fields.filter((f) => !CONTENT.has(f.type));
}

/** Choice answers by their option labels, checkboxes as yes/no, in both languages. */
export function answerDisplay(field: FormField, value: SubmissionAnswer | null): LocalText | null {
  if (value === null || value === undefined) return null;
  if (field.type === 'checkbox') return value === true ? YES : NO;
  if (field.options.length === 0) return null;
  const chosen = (Array.isArray(value) ? value : [String(value)]).map(
    (v) => field.options.find((o) => o.value === v)?.label ?? { ar: v, en: v },
  );
  return {
    ar: chosen.map((l) => l.ar || l.en).join('، '),
    en: chosen.map((l) => l.en || l.ar).join(', '),
  };
}

function shown(field: FormField, value: SubmissionAnswer, language: Language): string {
  const display = answerDisplay(field, value);
  if (display) return display[language];
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * The answers as a readable list ("label: value" lines, labels in the form's language), which
 * is the first message of the conversation the submission opens. Unanswered fields are left out.
 */
export function answersText(
  fields: readonly FormField[],
  answers: StoredAnswers,
  files: ReadonlyArray<{ fieldKey: string; fileName: string }>,
  language: Language,
): string {
  const lines: string[] = [];
  for (const field of answerFields(fields)) {
    const label = localText(field.label, language) || field.key;
    if (field.type === 'file') {
      const names = files.filter((f) => f.fieldKey === field.key).map((f) => f.fileName);
      if (names.length > 0) lines.push(`${label}: ${names.join(', ')}`);
      continue;
    }
    const value = answers[field.key];
    if (value === undefined || value === null || value === '') continue;
    const text = shown(field, value, language);
    lines.push(text.includes('\n') ? `${label}:\n${text}` : `${label}: ${text}`);
  }
  return lines.join('\n');
}

/** The conversation's subject: `{{field_key}}` replaced by the answer (one line, capped). */
export function fillSubject(
  template: string,
  fields: readonly FormField[],
  answers: StoredAnswers,
  language: Language,
  fallback: string,
): string {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const filled = template.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/gi, (_, key: string) => {
    const field = byKey.get(key);
    const value = answers[key];
    return field && value !== undefined && value !== null ? shown(field, value, language) : '';
  });
  const line = cleanText(filled.replace(/\s+/g, ' ')).trim().slice(0, 200);
  return line || fallback;
}

/** The first answers as "label: value", for the submissions list. */
export function answersPreview(
  fields: readonly FormField[],
  answers: StoredAnswers,
  language: Language,
): string {
  return answersText(
    answerFields(fields).filter((f) => f.type !== 'file' && f.type !== 'hidden'),
    answers,
    [],
    language,
  )
    .split('\n')
    .slice(0, 3)
    .join(' · ')
    .slice(0, 240);
}

/** Every answer field with its answer, for the submission's view. */
export function answerViews(
  fields: readonly FormField[],
  answers: StoredAnswers,
): SubmissionView['answers'] {
  return answerFields(fields)
    .filter((f) => f.type !== 'file')
    .map((field) => {
      const value = answers[field.key] ?? null;
      return {
        key: field.key,
        type: field.type,
        label: field.label,
        value,
        display: answerDisplay(field, value),
      };
    });
}
