import type { Language, LocalText } from '@sanad/contracts';
import type { Answer } from './answer-edit';

export interface AnswerFormatters {
  number: (n: number) => string;
  /** A calendar day, `YYYY-MM-DD`. */
  day: (day: string) => string;
  yes: string;
  no: string;
}

/** A text in the wanted language, else the other (a one-language form fills only its own). */
export function localText(text: LocalText | null | undefined, language: Language): string {
  if (!text) return '';
  const other: Language = language === 'ar' ? 'en' : 'ar';
  return text[language] || text[other] || '';
}

/** An answer as the detail shows it; empty text when there is none. */
export function answerText(answer: Answer, language: Language, format: AnswerFormatters): string {
  const { value } = answer;
  if (value === null || value === '' || (Array.isArray(value) && !value.length)) return '';
  // Choice fields: the options' labels as the customer saw them, not the stored values.
  if (answer.display) return localText(answer.display, language);
  if (typeof value === 'boolean') return value ? format.yes : format.no;
  if (typeof value === 'number') return format.number(value);
  if (Array.isArray(value)) return value.join('، ');
  if (answer.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return format.day(value);
  return value;
}

/** Links (url fields, the page a form was sent from) only when they really are http(s). */
export function safeHref(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
