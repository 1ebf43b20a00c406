/**
 * Contact forms (النماذج): a form is a draft plus immutable published versions; a submission
 * records the version it was made against. Every text a customer reads is `{ ar, en }`.
 */
import type { Language } from './auth.contract';

export const FORM_FIELD_TYPES = [
  'short_text',
  'long_text',
  'number',
  'decimal',
  'date',
  'select',
  'multi_select',
  'radio',
  'checkbox',
  'email',
  'phone',
  'url',
  'file',
  'hidden',
  'heading',
  'paragraph',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Types that only show text (a section heading, a paragraph): they take no value. */
export const FORM_CONTENT_TYPES = [
  'heading',
  'paragraph',
] as const satisfies readonly FormFieldType[];
/** Types whose value is one of the field's options (or several, for multi-select). */
export const FORM_CHOICE_TYPES = [
  'select',
  'multi_select',
  'radio',
] as const satisfies readonly FormFieldType[];

/** A text in both languages; a form in one language needs only that one. */
export interface LocalText {
  ar: string;
  en: string;
}

export interface FormFieldOption {
  /** Stable: what is stored. Letters, digits, `_` and `-`. */
  value: string;
  label: LocalText;
}

/** Where a field's value goes besides the submission: a contact property or custom field. */
export type FormFieldMapping =
  | { kind: 'contact'; property: 'name' | 'email' | 'phone' | 'company' }
  | { kind: 'custom_field'; key: string };

export interface FormFileRules {
  /** Files one submission may attach to this field (1–10). */
  maxFiles: number;
  /** Largest file (1–25 MB). */
  maxSizeMb: number;
  /** Allowed types: MIME types (`image/png`), families (`image/*`) or extensions (`.pdf`). */
  accept: string[];
}

export interface FormField {
  /** Stable within the form: what submissions, the JSON endpoint and mappings use. */
  key: string;
  type: FormFieldType;
  label: LocalText;
  help: LocalText | null;
  placeholder: LocalText | null;
  required: boolean;
  /** Text: length bounds. Number and decimal: value bounds. Date: `YYYY-MM-DD` bounds. */
  minLength: number | null;
  maxLength: number | null;
  min: number | string | null;
  max: number | string | null;
  options: FormFieldOption[];
  file: FormFileRules | null;
  mapTo: FormFieldMapping | null;
}

export const FORM_LANGUAGES = ['ar', 'en', 'both'] as const;
export type FormLanguages = (typeof FORM_LANGUAGES)[number];

/** What a form does with a submission and how it looks after one. */
export interface FormSettings {
  languages: FormLanguages;
  /** Where the conversation opens; null = the workspace's inbox. */
  mailboxId: string | null;
  opensConversation: boolean;
  /** Subject of that conversation; `{{field_key}}` is replaced by the answer. */
  subjectTemplate: LocalText;
  tagIds: string[];
  teamId: string | null;
  thankYou: LocalText;
  /** After submitting, go here instead of the thank-you message (a URL on an allowed domain). */
  redirectUrl: string | null;
  autoAcknowledge: boolean;
  /**
   * A proof-of-work challenge (ALTCHA, self-hosted) the browser solves before sending: bots pay
   * for every submission. It needs JavaScript; a submission without the solution is held as spam.
   */
  challenge: boolean;
  /** Origins that may embed the form and call its JSON endpoint (`https://shop.example`). */
  allowedOrigins: string[];
  closedMessage: LocalText;
  /** Submissions accepted in all; null = no limit. */
  submissionLimit: number | null;
}

/** What is versioned: the fields and the settings, as published. */
export interface FormDefinition {
  fields: FormField[];
  settings: FormSettings;
}

export const FORM_STATES = ['open', 'closed'] as const;
export type FormState = (typeof FORM_STATES)[number];

export interface FormVersionSummary {
  id: string;
  number: number;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
}

/** GET /forms/:id: the draft, and what is live. */
export interface FormView {
  id: string;
  name: string;
  /** The public key of its URLs (`/f/:key`, `/public/forms/:key/...`). */
  key: string;
  state: FormState;
  draft: FormDefinition;
  /** The draft differs from the live version (or nothing is published yet). */
  hasUnpublishedChanges: boolean;
  live: FormVersionSummary | null;
  createdAt: string;
  updatedAt: string;
}

/** One row of GET /forms. */
export interface FormSummaryView {
  id: string;
  name: string;
  key: string;
  state: FormState;
  live: FormVersionSummary | null;
  hasUnpublishedChanges: boolean;
  submissions: FormSubmissionCounts;
  updatedAt: string;
}

/** GET /forms/:id/versions/:number: a published version exactly as it was. */
export interface FormVersionView extends FormVersionSummary {
  formId: string;
  definition: FormDefinition;
}

/** A form's language for a customer: the one asked for if the form has it, else its first. */
export function formLanguage(languages: FormLanguages, wanted: Language | null): Language {
  if (languages === 'both') return wanted ?? 'ar';
  return languages;
}

/** GET /forms rows also count their submissions. */
export interface FormSubmissionCounts {
  total: number;
  /** Not yet opened by anyone (state `new`). */
  unread: number;
}

// ---------------------------------------------------------------------------------------------
// Public side: what a customer's browser gets (only the live version, never the draft).
// ---------------------------------------------------------------------------------------------

/** GET /public/forms/:key: the live version of an open or closed form. */
export interface PublicFormView {
  key: string;
  name: string;
  state: FormState;
  version: number;
  languages: FormLanguages;
  fields: FormField[];
  thankYou: LocalText;
  closedMessage: LocalText;
  redirectUrl: string | null;
  /** A proof-of-work challenge must be solved before submitting (altcha). */
  challenge: boolean;
  /** Largest request body the endpoints accept (all files together), in bytes. */
  maxRequestBytes: number;
}

/** The answer to an accepted submission (JSON endpoint, and the hosted page's thank-you). */
export interface SubmissionReceipt {
  id: string;
  /** What to show, in the submission's language. */
  message: string;
  redirectUrl: string | null;
}

// ---------------------------------------------------------------------------------------------
// Agent side: submissions (استلامات).
// ---------------------------------------------------------------------------------------------

export const SUBMISSION_STATES = ['new', 'read', 'archived', 'spam'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** Why a submission was held as spam (shown to agents, who can release it). */
export const SPAM_REASONS = ['honeypot', 'too_fast', 'challenge', 'rate'] as const;
export type SpamReason = (typeof SPAM_REASONS)[number];

/** An answer as stored: text, number, boolean, option values; files are listed apart. */
export type SubmissionAnswer = string | number | boolean | string[];

export interface SubmissionFileView {
  id: string;
  fieldKey: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Download through the agent API: GET /form-submissions/:id/files/:fileId. */
  url: string;
}

/** One row of GET /form-submissions (and /forms/:id/submissions). */
export interface SubmissionSummaryView {
  id: string;
  formId: string;
  formName: string;
  version: number;
  state: SubmissionState;
  spamReason: SpamReason | null;
  language: Language;
  /** The first few answers as "label: value", for the list. */
  preview: string;
  contact: { id: string; name: string | null; email: string | null } | null;
  conversationId: string | null;
  createdAt: string;
}

/** GET /form-submissions/:id: everything, labelled by the version it was made against. */
export interface SubmissionView extends SubmissionSummaryView {
  /** The version's fields, in order, with their answers (content fields left out). */
  answers: Array<{
    key: string;
    type: FormFieldType;
    label: LocalText;
    value: SubmissionAnswer | null;
    /** For choice fields: the labels of the chosen options. */
    display: LocalText | null;
  }>;
  files: SubmissionFileView[];
  pageUrl: string | null;
  referrer: string | null;
  userAgent: string | null;
  editedAt: string | null;
  editedBy: string | null;
}

/** PATCH /form-submissions/:id: the state, or corrected answers (audited). */
export interface UpdateSubmissionInput {
  state?: SubmissionState;
  values?: Record<string, SubmissionAnswer | null>;
}

/** `data.form` of a conversation's first message when a form submission opened it. */
export interface FormMessageOrigin {
  submissionId: string;
  formId: string;
  formName: string;
  version: number;
}
