import {
  FORM_CHOICE_TYPES,
  FORM_CONTENT_TYPES,
  type FormDefinition,
  type FormField,
  type FormFieldType,
  type FormLanguages,
  type FormSettings,
  type LocalText,
} from '@sanad/contracts';

/**
 * The builder's state of a draft and back: each field gets a local id (`uid`) that survives
 * reordering, so a server error at `draft.fields.2.options` stays with the field it was about.
 */

export interface EditableField extends FormField {
  uid: string;
}

/** The settings as the panel edits them: origins one per line, the limit as typed. */
export interface EditableSettings extends Omit<FormSettings, 'allowedOrigins' | 'redirectUrl'> {
  allowedOrigins: string;
  /** After a submission: the thank-you message, or a redirect. */
  after: 'message' | 'redirect';
  redirectUrl: string;
}

export interface DraftState {
  fields: EditableField[];
  settings: EditableSettings;
}

/** A deep copy of JSON data; unlike structuredClone it also copies Vue's reactive proxies. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

let counter = 0;
/** A local id for a field while it is edited (never sent). */
export function newUid(): string {
  counter += 1;
  return `f${counter}`;
}

export function toState(draft: FormDefinition): DraftState {
  const { allowedOrigins, redirectUrl, ...settings } = draft.settings;
  return {
    fields: draft.fields.map((field) => ({ ...copy(field), uid: newUid() })),
    settings: {
      ...copy(settings),
      allowedOrigins: allowedOrigins.join('\n'),
      after: redirectUrl ? 'redirect' : 'message',
      redirectUrl: redirectUrl ?? '',
    },
  };
}

/** A number input left empty reads as '' (or NaN): that is "no bound". */
function bound(value: unknown): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function optionalText(text: LocalText | null): LocalText | null {
  if (!text) return null;
  const ar = text.ar.trim();
  const en = text.en.trim();
  return ar || en ? { ar, en } : null;
}

export function toDraft(state: DraftState): FormDefinition {
  const { after, allowedOrigins, redirectUrl, submissionLimit, ...settings } = state.settings;
  return {
    fields: state.fields.map(({ uid: _uid, ...field }) => {
      const out: FormField = {
        ...copy(field),
        help: optionalText(field.help),
        placeholder: optionalText(field.placeholder),
        minLength: bound(field.minLength),
        maxLength: bound(field.maxLength),
        min: field.type === 'date' ? field.min || null : bound(field.min),
        max: field.type === 'date' ? field.max || null : bound(field.max),
      };
      return out;
    }),
    settings: {
      ...copy(settings),
      submissionLimit: bound(submissionLimit),
      allowedOrigins: allowedOrigins
        .split(/[\s,]+/)
        .map((origin) => origin.trim())
        .filter(Boolean),
      redirectUrl: after === 'redirect' && redirectUrl.trim() ? redirectUrl.trim() : null,
    },
  };
}

/** What a type can be given, so the editor offers only what the server keeps. */
export const CONTENT = new Set<FormFieldType>(FORM_CONTENT_TYPES);
export const CHOICE = new Set<FormFieldType>(FORM_CHOICE_TYPES);
export const LENGTH_TYPES = new Set<FormFieldType>(['short_text', 'long_text']);
export const NUMBER_TYPES = new Set<FormFieldType>(['number', 'decimal']);
export const PLACEHOLDER_TYPES = new Set<FormFieldType>([
  'short_text',
  'long_text',
  'number',
  'decimal',
  'email',
  'phone',
  'url',
]);

/** The add menu, grouped as an admin looks for them. */
export const FIELD_GROUPS: Array<{ group: string; types: FormFieldType[] }> = [
  { group: 'text', types: ['short_text', 'long_text', 'email', 'phone', 'url'] },
  { group: 'numbers', types: ['number', 'decimal', 'date'] },
  { group: 'choices', types: ['select', 'multi_select', 'radio', 'checkbox'] },
  { group: 'other', types: ['file', 'hidden'] },
  { group: 'content', types: ['heading', 'paragraph'] },
];

/** The contact properties a field of this type may fill (as the server's rules say). */
export function contactProperties(
  type: FormFieldType,
): Array<'name' | 'email' | 'phone' | 'company'> {
  if (type === 'hidden') return ['name', 'email', 'phone', 'company'];
  if (type === 'short_text') return ['name', 'company'];
  if (type === 'email') return ['email'];
  if (type === 'phone') return ['phone'];
  return [];
}

/** Which contact custom-field types a form field of each type may fill. */
export const CUSTOM_FIELD_TYPES: Partial<Record<FormFieldType, string[]>> = {
  short_text: ['text', 'long_text'],
  long_text: ['long_text'],
  hidden: ['text', 'long_text'],
  number: ['number', 'decimal'],
  decimal: ['decimal'],
  date: ['date'],
  select: ['select'],
  radio: ['select'],
  multi_select: ['multi_select'],
  checkbox: ['checkbox'],
  email: ['email'],
  phone: ['phone'],
  url: ['url'],
};

/** A key not taken yet: `short_text`, `short_text_2`, ... */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = base.slice(0, 36);
  if (!used.has(stem)) return stem;
  for (let i = 2; ; i += 1) if (!used.has(`${stem}_${i}`)) return `${stem}_${i}`;
}

/** An option value not taken yet in a field: `option_1`, `option_2`, ... */
export function nextOptionValue(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let i = 1; ; i += 1) if (!used.has(`option_${i}`)) return `option_${i}`;
}

/**
 * A new field of a type, with what the server needs for it to be valid except its label's
 * words: options for a choice, file rules for a file.
 */
export function newField(
  type: FormFieldType,
  label: LocalText,
  taken: Iterable<string>,
  optionLabel: (n: number) => LocalText,
): EditableField {
  return {
    uid: newUid(),
    key: uniqueKey(type, taken),
    type,
    label,
    help: null,
    placeholder: null,
    required: false,
    minLength: null,
    maxLength: null,
    min: null,
    max: null,
    options: CHOICE.has(type)
      ? [1, 2].map((n) => ({ value: `option_${n}`, label: optionLabel(n) }))
      : [],
    file: type === 'file' ? { maxFiles: 1, maxSizeMb: 10, accept: ['image/*', '.pdf'] } : null,
    mapTo: null,
  };
}

/** The list with the item at `from` moved to `to` (both clamped); a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item);
  return next;
}

/** The languages a form's customer texts are written in. */
export function languagesOf(languages: FormLanguages): Array<'ar' | 'en'> {
  return languages === 'both' ? ['ar', 'en'] : [languages];
}

/** A text in one language, falling back to the other when that one is empty. */
export function textIn(text: LocalText | null | undefined, language: 'ar' | 'en'): string {
  if (!text) return '';
  return text[language] || text[language === 'ar' ? 'en' : 'ar'] || '';
}

/**
 * Server errors placed where the builder shows them: `field:<uid>.<rest>` for a field (by the
 * field sent at that index), `settings.<rest>`, `fields` for the list itself, `name`, `state`.
 */
export function placeErrors(
  errors: ReadonlyArray<{ field: string; message: string }>,
  uids: readonly string[],
): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const error of errors) {
    let at = error.field;
    const field = /^draft\.fields\.(\d+)(?:\.(.+))?$/.exec(at);
    if (field) {
      const uid = uids[Number(field[1])];
      at = uid ? `field:${uid}${field[2] ? `.${field[2]}` : ''}` : 'fields';
    } else if (at.startsWith('draft.')) at = at.slice('draft.'.length);
    placed[at] ??= error.message;
  }
  return placed;
}

/** The error at a place, or the first one under it (`options` → `options.1.value`). */
export function errorUnder(errors: Record<string, string>, place: string): string | undefined {
  if (errors[place]) return errors[place];
  const key = Object.keys(errors).find((k) => k.startsWith(`${place}.`));
  return key ? errors[key] : undefined;
}
