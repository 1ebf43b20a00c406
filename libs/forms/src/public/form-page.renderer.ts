import type {
  FormField,
  FormFieldMapping,
  Language,
  PublicFormView,
  PublicThemeView,
} from '@sanad/contracts';
import { fieldMessage, type FieldError } from '@sanad/core';
import { RENDER_TOKEN_FIELD } from '../spam/render-token.util';
import { formPageStyles } from './form-page.styles';
import { pageText } from './form-page.texts';
import { attributes, escapeHtml, paragraphs, safeUrl } from './html.util';

/** Control fields the public forms controller reads besides the answers (its CONTROL names). */
export const FORM_CONTROL_FIELDS = { language: '_sanad_lang', page: '_sanad_page' } as const;
/** Where the iframe page's script is served (it reports the page's height to the embed). */
export const FRAME_SCRIPT_PATH = '/public/forms/frame.js';

/** One webfont file for `@font-face` (the page loads nothing from the internet). */
export interface FormPageFont {
  url: string;
  weight: 400 | 600 | 700;
  /** The `unicode-range` of a subset file (Arabic, Latin). */
  unicodeRange?: string;
}

/** What every form page needs besides its content. */
export interface FormPageFrame {
  form: PublicFormView;
  language: Language;
  theme: PublicThemeView;
  /** The CSP nonce of this response: on the `<style>` and every `<script>`. */
  nonce: string;
  /** Inside the embed's iframe: no page chrome, transparent, reports its height. */
  embed: boolean;
  /** The page in each language, when the form has both. */
  languageSwitch: { ar: string; en: string } | null;
  fonts?: FormPageFont[];
  /** Defaults to FRAME_SCRIPT_PATH. */
  frameScriptUrl?: string;
}

export interface FormPageInput extends FormPageFrame {
  /** Where the form posts. */
  action: string;
  /** The signed render time, posted back as RENDER_TOKEN_FIELD (`_sanad_t`). */
  token: string;
  /** The page the embed sits on (its `page` query parameter), posted back as `_sanad_page`. */
  pageUrl?: string | null;
  honeypotName: string;
  /** What the customer sent, to fill the fields again after errors. */
  values: Record<string, unknown>;
  /** Field errors, already in the page's language (see `fieldErrorMessages`). */
  errors: Array<{ field: string; message: string }>;
  /** An error about the whole submission (too large, too many attempts). */
  formError: string | null;
  /** Values of the form's hidden fields (from the URL or the embed's data attributes). */
  hidden: Record<string, string>;
  /**
   * A proof-of-work widget: `script` is the URL of its script (loaded with the nonce),
   * `markup` its element (trusted HTML, placed before the submit button).
   */
  challenge: null | { script: string; markup?: string };
}

export interface FormMessagePageInput extends FormPageFrame {
  kind: 'thank_you' | 'closed';
  /** Overrides the form's own text (e.g. the receipt's message). */
  message?: string;
  /** Thank-you in an embed: the embed sends the top page here. */
  redirectUrl?: string | null;
}

/** The server's field errors as the page shows them: the API's own texts, in the language. */
export function fieldErrorMessages(
  errors: readonly FieldError[],
  language: Language,
): Array<{ field: string; message: string }> {
  return errors.map((error) => ({
    field: error.field,
    message: fieldMessage(error.code, language, error.params),
  }));
}

const AUTOCOMPLETE: Record<Extract<FormFieldMapping, { kind: 'contact' }>['property'], string> = {
  name: 'name',
  email: 'email',
  phone: 'tel',
  company: 'organization',
};

interface FieldContext {
  language: Language;
  values: Record<string, unknown>;
  hidden: Record<string, string>;
  errors: Map<string, string[]>;
  hasErrors: boolean;
}

const ids = {
  control: (key: string) => `f-${key}`,
  help: (key: string) => `f-${key}-help`,
  error: (key: string) => `f-${key}-error`,
  option: (key: string, index: number) => `f-${key}-${index}`,
};

/** The hosted form page (and the embed's iframe): a full document that works without JavaScript. */
export function renderFormPage(input: FormPageInput): string {
  const { form, language } = input;
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  const errors = new Map<string, string[]>();
  for (const error of input.errors)
    errors.set(error.field, [...(errors.get(error.field) ?? []), error.message]);
  const ctx: FieldContext = {
    language,
    values: input.values,
    hidden: input.hidden,
    errors,
    hasErrors: errors.size > 0 || input.formError !== null,
  };
  const multipart = form.fields.some((f) => f.type === 'file');
  const anyRequired = form.fields.some((f) => f.required && f.type !== 'hidden');

  const summary = ctx.hasErrors ? errorSummary(input, byKey) : '';
  const fields = form.fields.map((field) => renderField(field, ctx)).join('\n');
  const challenge = input.challenge
    ? `<div class="challenge">${input.challenge.markup ?? ''}</div>`
    : '';
  const body = `
${summary}
<form class="form" method="post"${attributes({
    action: input.action,
    enctype: multipart ? 'multipart/form-data' : null,
    'accept-charset': 'utf-8',
  })}>
<input type="hidden"${attributes({ name: RENDER_TOKEN_FIELD, value: input.token })}>
<input type="hidden"${attributes({ name: FORM_CONTROL_FIELDS.language, value: language })}>
${input.pageUrl ? `<input type="hidden"${attributes({ name: FORM_CONTROL_FIELDS.page, value: input.pageUrl })}>` : ''}
${anyRequired ? `<p class="form__note">${escapeHtml(pageText('requiredNote', language))}</p>` : ''}
${fields}
${honeypot(input.honeypotName, language)}
${challenge}
<div class="form__actions"><button type="submit" class="button">${escapeHtml(pageText('submit', language))}</button></div>
</form>`;
  const scripts = input.challenge
    ? `<script${attributes({ src: safeUrl(input.challenge.script), nonce: input.nonce, defer: true })}></script>`
    : '';
  return documentOf(input, body, scripts, {}, 'form');
}

/** The thank-you page after a submission, or the page of a closed form. */
export function renderFormMessagePage(input: FormMessagePageInput): string {
  const { form, language, kind } = input;
  const text =
    input.message ?? (kind === 'thank_you' ? form.thankYou : form.closedMessage)[language];
  const title = pageText(kind === 'thank_you' ? 'thankYouTitle' : 'closedTitle', language);
  const icon = kind === 'thank_you' ? ICON_DONE : ICON_CLOSED;
  const body = `
<div class="message message--${kind}" role="status">
<div class="message__icon" aria-hidden="true">${icon}</div>
<h2 class="message__title">${escapeHtml(title)}</h2>
${paragraphs(text, 'message__text')}
</div>`;
  const redirect = kind === 'thank_you' ? safeUrl(input.redirectUrl ?? null) : null;
  return documentOf(
    input,
    body,
    '',
    {
      'data-sanad-submitted': kind === 'thank_you' ? '1' : null,
      'data-sanad-redirect': redirect && /^https?:/i.test(redirect) ? redirect : null,
    },
    'message',
  );
}

function documentOf(
  frame: FormPageFrame,
  body: string,
  scripts: string,
  rootData: Record<string, string | null>,
  variant: 'form' | 'message',
): string {
  const { form, language, theme, embed, nonce } = frame;
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const icon = safeUrl(theme.iconUrls?.[32]);
  const touchIcon = safeUrl(theme.iconUrls?.[180]);
  const frameScript = embed
    ? `<script${attributes({ src: frame.frameScriptUrl ?? FRAME_SCRIPT_PATH, nonce, defer: true })}></script>`
    : '';
  const header = embed ? '' : brandHeader(frame);
  return `<!doctype html>
<html${attributes({ lang: language, dir, class: embed ? 'embed' : null, 'data-sanad-form': form.key, ...rootData })}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
<meta name="color-scheme" content="light">
<title>${escapeHtml(`${form.name} · ${theme.name}`)}</title>
${icon ? `<link rel="icon"${attributes({ href: icon, sizes: '32x32' })}>` : ''}
${touchIcon ? `<link rel="apple-touch-icon"${attributes({ href: touchIcon })}>` : ''}
<style${attributes({ nonce })}>${formPageStyles(theme.colours, frame.fonts ?? [])}</style>
${frameScript}
${scripts}
</head>
<body>
<div class="page">
${header}
<main class="${variant === 'message' ? 'card card--message' : 'card'}" id="main">
<h1 class="card__title" dir="auto">${escapeHtml(form.name)}</h1>
${body}
</main>
<footer class="footer"><span>${escapeHtml(pageText('poweredBy', language))}</span></footer>
</div>
</body>
</html>
`;
}

function brandHeader(frame: FormPageFrame): string {
  const { theme, language } = frame;
  const logo = safeUrl(theme.logoUrl);
  const mark = logo
    ? `<img class="brand__logo"${attributes({ src: logo, alt: theme.name })}>`
    : `<span class="brand__name" dir="auto">${escapeHtml(theme.name)}</span>`;
  const other: Language = language === 'ar' ? 'en' : 'ar';
  const switchLink = frame.languageSwitch
    ? `<nav class="lang"${attributes({ 'aria-label': language === 'ar' ? 'اللغة' : 'Language' })}><a class="lang__link"${attributes(
        {
          href: frame.languageSwitch[other],
          lang: other,
          hreflang: other,
        },
      )}>${escapeHtml(pageText('languageName', other))}</a></nav>`
    : '';
  return `<header class="brand">${mark}${switchLink}</header>`;
}

function errorSummary(input: FormPageInput, byKey: Map<string, FormField>): string {
  const { language } = input;
  const items: string[] = [];
  if (input.formError) items.push(`<li dir="auto">${escapeHtml(input.formError)}</li>`);
  for (const error of input.errors) {
    const field = byKey.get(error.field);
    const visible = field && field.type !== 'hidden';
    const text = field ? `${field.label[language]} — ${error.message}` : error.message;
    items.push(
      visible
        ? `<li><a${attributes({ href: `#${targetId(field)}` })}>${escapeHtml(text)}</a></li>`
        : `<li>${escapeHtml(text)}</li>`,
    );
  }
  return `<div class="summary" id="errors" role="alert" tabindex="-1" autofocus aria-labelledby="errors-title">
<h2 class="summary__title" id="errors-title">${escapeHtml(pageText('summaryTitle', language))}</h2>
<ul class="summary__list">${items.join('')}</ul>
</div>`;
}

/** Where the summary's link lands: the control, or a group's first option. */
function targetId(field: FormField): string {
  return field.type === 'multi_select' || field.type === 'radio'
    ? ids.option(field.key, 0)
    : ids.control(field.key);
}

function renderField(field: FormField, ctx: FieldContext): string {
  const { language } = ctx;
  switch (field.type) {
    case 'heading':
      return `<h2 class="section" dir="auto">${escapeHtml(field.label[language])}</h2>`;
    case 'paragraph':
      return `<div class="prose">${paragraphs(field.label[language], 'prose__text')}</div>`;
    case 'hidden':
      return `<input type="hidden"${attributes({
        name: field.key,
        value: ctx.hidden[field.key] ?? textOf(ctx.values[field.key]),
      })}>`;
    case 'multi_select':
    case 'radio':
      return choiceGroup(field, ctx);
    case 'checkbox':
      return consent(field, ctx);
    default:
      return labelled(field, ctx);
  }
}

/** Help and error ids for aria-describedby, and the two blocks themselves. */
function describe(field: FormField, ctx: FieldContext, extraHelp: string[] = []) {
  const { language } = ctx;
  const helpTexts = [field.help?.[language] ?? '', ...extraHelp].filter((t) => t.trim() !== '');
  const messages = ctx.errors.get(field.key) ?? [];
  const describedBy = [
    helpTexts.length ? ids.help(field.key) : null,
    messages.length ? ids.error(field.key) : null,
  ].filter(Boolean);
  const help = helpTexts.length
    ? `<p class="field__help"${attributes({ id: ids.help(field.key) })}>${helpTexts.map((t) => `<span>${escapeHtml(t)}</span>`).join(' ')}</p>`
    : '';
  const error = messages.length
    ? `<p class="field__error"${attributes({ id: ids.error(field.key) })}><span class="field__error-icon" aria-hidden="true">!</span><span>${messages.map(escapeHtml).join(' ')}</span></p>`
    : '';
  return {
    help,
    error,
    invalid: messages.length > 0,
    describedBy: describedBy.length ? describedBy.join(' ') : null,
  };
}

function requiredMark(field: FormField, language: Language): string {
  return field.required
    ? ` <span class="field__required" aria-hidden="true">*</span><span class="visually-hidden">(${escapeHtml(pageText('required', language))})</span>`
    : '';
}

/** A label above one control: text, number, date, select, email, phone, url, file. */
function labelled(field: FormField, ctx: FieldContext): string {
  const { language } = ctx;
  const id = ids.control(field.key);
  const fileHelp = field.type === 'file' ? fileHints(field, ctx) : [];
  const d = describe(field, ctx, fileHelp);
  const common = {
    id,
    name: field.key,
    required: field.required,
    'aria-required': field.required ? 'true' : null,
    'aria-invalid': d.invalid ? 'true' : null,
    'aria-describedby': d.describedBy,
  };
  const placeholder = field.placeholder?.[language] || null;
  const value = textOf(ctx.values[field.key]);
  const autocomplete =
    field.mapTo?.kind === 'contact'
      ? AUTOCOMPLETE[field.mapTo.property]
      : field.type === 'email'
        ? 'email'
        : field.type === 'phone'
          ? 'tel'
          : null;
  const lengths = {
    minlength: field.minLength ?? null,
    maxlength: field.maxLength ?? null,
  };
  let control: string;
  switch (field.type) {
    case 'long_text':
      control = `<textarea class="input input--area"${attributes({ ...common, ...lengths, placeholder, dir: 'auto', rows: 5 })}>${escapeHtml(value)}</textarea>`;
      break;
    case 'number':
    case 'decimal':
      control = `<input class="input input--number"${attributes({
        ...common,
        type: 'text',
        inputmode: field.type === 'number' ? 'numeric' : 'decimal',
        placeholder,
        value,
        dir: 'auto',
        autocomplete: 'off',
      })}>`;
      break;
    case 'date':
      control = `<input class="input input--date"${attributes({
        ...common,
        type: 'date',
        min: typeof field.min === 'string' ? field.min : null,
        max: typeof field.max === 'string' ? field.max : null,
        value,
      })}>`;
      break;
    case 'select':
      control = `<span class="select"><select class="input"${attributes(common)}>
<option value="">${escapeHtml(pageText('choose', language))}</option>
${field.options
  .map(
    (option) =>
      `<option${attributes({ value: option.value, selected: option.value === value })}>${escapeHtml(option.label[language])}</option>`,
  )
  .join('\n')}
</select></span>`;
      break;
    case 'email':
      control = `<input class="input"${attributes({ ...common, ...lengths, type: 'email', placeholder, value, dir: 'ltr', autocomplete, spellcheck: 'false' })}>`;
      break;
    case 'phone':
      control = `<input class="input"${attributes({ ...common, type: 'tel', placeholder, value, dir: 'ltr', autocomplete })}>`;
      break;
    case 'url':
      control = `<input class="input"${attributes({ ...common, ...lengths, type: 'url', placeholder, value, dir: 'ltr', autocomplete: 'url' })}>`;
      break;
    case 'file':
      control = `<input class="input input--file"${attributes({
        ...common,
        type: 'file',
        accept: field.file?.accept.length ? field.file.accept.join(',') : null,
        multiple: (field.file?.maxFiles ?? 1) > 1,
      })}>`;
      break;
    default:
      control = `<input class="input"${attributes({ ...common, ...lengths, type: 'text', placeholder, value, dir: 'auto', autocomplete })}>`;
  }
  return `<div${attributes({ class: d.invalid ? 'field field--invalid' : 'field', 'data-field': field.key })}>
<label class="field__label"${attributes({ for: id })}><span dir="auto">${escapeHtml(field.label[language])}</span>${requiredMark(field, language)}</label>
${d.help}
${control}
${d.error}
</div>`;
}

function fileHints(field: FormField, ctx: FieldContext): string[] {
  const rules = field.file;
  if (!rules) return [];
  const { language } = ctx;
  const hints = [
    rules.maxFiles === 1
      ? pageText('fileHint', language, { size: rules.maxSizeMb })
      : rules.maxFiles === 2
        ? pageText('twoFilesHint', language, { size: rules.maxSizeMb })
        : pageText('filesHint', language, { count: rules.maxFiles, size: rules.maxSizeMb }),
  ];
  if (rules.accept.length)
    hints.push(
      pageText('fileTypes', language, {
        types: rules.accept.join(language === 'ar' ? '، ' : ', '),
      }),
    );
  if (ctx.hasErrors) hints.push(pageText('filesAgain', language));
  return hints;
}

/** Radio buttons or checkboxes in a fieldset: the legend is the label. */
function choiceGroup(field: FormField, ctx: FieldContext): string {
  const { language } = ctx;
  const d = describe(field, ctx);
  const multiple = field.type === 'multi_select';
  const raw = ctx.values[field.key];
  const chosen = new Set(
    (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).map(String),
  );
  const options = field.options
    .map(
      (option, index) => `<label class="choice"${attributes({ for: ids.option(field.key, index) })}>
<input${attributes({
        type: multiple ? 'checkbox' : 'radio',
        id: ids.option(field.key, index),
        name: field.key,
        value: option.value,
        checked: chosen.has(option.value),
        // One ticked radio satisfies `required`; a checkbox group has no native "at least one".
        required: !multiple && field.required,
        'aria-invalid': d.invalid ? 'true' : null,
      })}>
<span dir="auto">${escapeHtml(option.label[language])}</span>
</label>`,
    )
    .join('\n');
  return `<fieldset${attributes({
    class: d.invalid ? 'field field--group field--invalid' : 'field field--group',
    'data-field': field.key,
    'aria-describedby': d.describedBy,
  })}>
<legend class="field__label"><span dir="auto">${escapeHtml(field.label[language])}</span>${requiredMark(field, language)}</legend>
${d.help}
<div class="choices">
${options}
</div>
${d.error}
</fieldset>`;
}

/** A single checkbox (a consent): the label sits beside it. */
function consent(field: FormField, ctx: FieldContext): string {
  const { language } = ctx;
  const d = describe(field, ctx);
  const id = ids.control(field.key);
  const raw = ctx.values[field.key];
  const checked = raw === true || raw === 'true' || raw === 'on' || raw === '1';
  return `<div${attributes({ class: d.invalid ? 'field field--invalid' : 'field', 'data-field': field.key })}>
<label class="choice choice--consent"${attributes({ for: id })}>
<input${attributes({
    type: 'checkbox',
    id,
    name: field.key,
    value: 'true',
    checked,
    required: field.required,
    'aria-required': field.required ? 'true' : null,
    'aria-invalid': d.invalid ? 'true' : null,
    'aria-describedby': d.describedBy,
  })}>
<span><span dir="auto">${escapeHtml(field.label[language])}</span>${requiredMark(field, language)}</span>
</label>
${d.help}
${d.error}
</div>`;
}

/** Off-screen (not display:none, which some bots skip), out of the tab order, and labelled for humans. */
function honeypot(name: string, language: Language): string {
  return `<div class="hp" aria-hidden="true">
<label${attributes({ for: 'sanad-hp' })}>${escapeHtml(pageText('honeypot', language))}</label>
<input${attributes({ type: 'text', id: 'sanad-hp', name, value: '', tabindex: -1, autocomplete: 'off' })}>
</div>`;
}

/** A posted value as the text of one control (the first of a repeated key). */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.length ? textOf(value[0]) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const ICON_DONE =
  '<svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"><path d="M5 12.5l4.5 4.5L19 7.5"/></svg>';
const ICON_CLOSED =
  '<svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><rect x="5" y="11" width="14" height="9" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/></svg>';
