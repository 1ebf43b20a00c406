import {
  FORM_CHOICE_TYPES,
  FORM_CONTENT_TYPES,
  FORM_FIELD_TYPES,
  FORM_LANGUAGES,
  type FormDefinition,
  type FormField,
  type FormFieldMapping,
  type FormFieldType,
  type FormFileRules,
  type FormLanguages,
  type FormSettings,
} from '@sanad/contracts';
import type { FieldError } from '@sanad/core';
import { emptyField } from './default-definition';
import {
  bool,
  bound,
  day,
  httpUrl,
  isObject,
  localText,
  number,
  optionalText,
  origins,
  uuidOrNull,
  uuids,
  type Raw,
} from './raw-values.util';

export const MAX_FIELDS = 100;
export const MAX_OPTIONS = 100;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const OPTION_VALUE = /^[A-Za-z0-9_-]{1,60}$/;
const ACCEPT = /^(\.[a-z0-9]{1,10}|[a-z]+\/(\*|[a-z0-9.+-]{1,60}))$/i;
/** Text answers are bounded even when the admin sets no maximum. */
export const TEXT_LIMITS: Partial<Record<FormFieldType, number>> = {
  short_text: 255,
  long_text: 10_000,
  hidden: 2_000,
};
const CHOICE = new Set<FormFieldType>(FORM_CHOICE_TYPES);
const CONTENT = new Set<FormFieldType>(FORM_CONTENT_TYPES);
const LENGTH_TYPES = new Set<FormFieldType>(['short_text', 'long_text']);
const NUMBER_TYPES = new Set<FormFieldType>(['number', 'decimal']);
/** Which field types may fill which contact property. */
const PROPERTY_TYPES: Record<string, FormFieldType[]> = {
  name: ['short_text', 'hidden'],
  email: ['email', 'hidden'],
  phone: ['phone', 'hidden'],
  company: ['short_text', 'hidden'],
};

/**
 * A draft as an admin sent it, checked and normalised: every rule a field or setting breaks is
 * an error at its path (`draft.fields.2.options`), so the builder can show it next to the field.
 * What needs the database (the mailbox, tags, team, custom fields exist) is the service's.
 */
export function checkDefinition(input: unknown): {
  definition: FormDefinition;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const raw = isObject(input) ? input : {};
  if (!isObject(input)) errors.push({ field: 'draft', code: 'isObject' });
  const settings = checkSettings(isObject(raw.settings) ? raw.settings : {}, errors);
  const fieldsRaw = Array.isArray(raw.fields) ? raw.fields : [];
  if (!Array.isArray(raw.fields)) errors.push({ field: 'draft.fields', code: 'isArray' });
  if (fieldsRaw.length > MAX_FIELDS)
    errors.push({ field: 'draft.fields', code: 'arrayMaxSize', params: { max: MAX_FIELDS } });
  const seen = new Set<string>();
  const fields = fieldsRaw.slice(0, MAX_FIELDS).map((f, i) => {
    const field = checkField(isObject(f) ? f : {}, `draft.fields.${i}`, settings.languages, errors);
    if (seen.has(field.key))
      errors.push({
        field: `draft.fields.${i}.key`,
        code: 'duplicateKey',
        params: { key: field.key },
      });
    seen.add(field.key);
    return field;
  });
  if (!fields.some((f) => !CONTENT.has(f.type)))
    errors.push({ field: 'draft.fields', code: 'noInputField' });
  return { definition: { fields, settings }, errors };
}

function checkField(
  raw: Raw,
  path: string,
  languages: FormLanguages,
  errors: FieldError[],
): FormField {
  const type = FORM_FIELD_TYPES.includes(raw.type as FormFieldType)
    ? (raw.type as FormFieldType)
    : null;
  if (!type)
    errors.push({
      field: `${path}.type`,
      code: 'isIn',
      params: { allowed: FORM_FIELD_TYPES.join(', ') },
    });
  const key = typeof raw.key === 'string' ? raw.key : '';
  if (!KEY.test(key)) errors.push({ field: `${path}.key`, code: 'fieldKey' });
  const field = emptyField(
    key,
    type ?? 'short_text',
    localText(raw.label, `${path}.label`, 200, languages, true, errors),
  );
  field.help = optionalText(raw.help, `${path}.help`, 500, errors);
  field.placeholder = optionalText(raw.placeholder, `${path}.placeholder`, 200, errors);
  if (!type) return field;
  const content = CONTENT.has(type);
  field.required = raw.required === true && !content && type !== 'hidden';
  if (raw.required !== undefined && typeof raw.required !== 'boolean')
    errors.push({ field: `${path}.required`, code: 'isBoolean' });
  if (LENGTH_TYPES.has(type)) {
    const limit = TEXT_LIMITS[type] as number;
    field.minLength = bound(raw.minLength, `${path}.minLength`, 0, limit, errors);
    field.maxLength = bound(raw.maxLength, `${path}.maxLength`, 1, limit, errors);
    if (field.minLength !== null && field.maxLength !== null && field.minLength > field.maxLength)
      errors.push({ field: `${path}.minLength`, code: 'minAboveMax' });
  }
  if (NUMBER_TYPES.has(type)) {
    field.min = number(raw.min, `${path}.min`, type === 'number', errors);
    field.max = number(raw.max, `${path}.max`, type === 'number', errors);
    if (field.min !== null && field.max !== null && field.min > field.max)
      errors.push({ field: `${path}.min`, code: 'minAboveMax' });
  }
  if (type === 'date') {
    field.min = day(raw.min, `${path}.min`, errors);
    field.max = day(raw.max, `${path}.max`, errors);
    if (field.min !== null && field.max !== null && field.min > field.max)
      errors.push({ field: `${path}.min`, code: 'minAboveMax' });
  }
  if (CHOICE.has(type)) field.options = options(raw.options, `${path}.options`, languages, errors);
  if (type === 'file') field.file = fileRules(raw.file, `${path}.file`, errors);
  if (!content) field.mapTo = mapping(raw.mapTo, type, `${path}.mapTo`, errors);
  return field;
}

function checkSettings(raw: Raw, errors: FieldError[]): FormSettings {
  const path = 'draft.settings';
  const languages = FORM_LANGUAGES.includes(raw.languages as FormLanguages)
    ? (raw.languages as FormLanguages)
    : 'ar';
  if (!FORM_LANGUAGES.includes(raw.languages as FormLanguages))
    errors.push({
      field: `${path}.languages`,
      code: 'isIn',
      params: { allowed: FORM_LANGUAGES.join(', ') },
    });
  const allowedOrigins = origins(raw.allowedOrigins, `${path}.allowedOrigins`, errors);
  const settings: FormSettings = {
    languages,
    mailboxId: uuidOrNull(raw.mailboxId, `${path}.mailboxId`, errors),
    opensConversation: bool(raw.opensConversation, `${path}.opensConversation`, true, errors),
    subjectTemplate: localText(
      raw.subjectTemplate,
      `${path}.subjectTemplate`,
      200,
      languages,
      true,
      errors,
    ),
    tagIds: uuids(raw.tagIds, `${path}.tagIds`, 20, errors),
    teamId: uuidOrNull(raw.teamId, `${path}.teamId`, errors),
    thankYou: localText(raw.thankYou, `${path}.thankYou`, 1000, languages, true, errors),
    redirectUrl: null,
    autoAcknowledge: bool(raw.autoAcknowledge, `${path}.autoAcknowledge`, false, errors),
    challenge: bool(raw.challenge, `${path}.challenge`, false, errors),
    allowedOrigins,
    closedMessage: localText(
      raw.closedMessage,
      `${path}.closedMessage`,
      1000,
      languages,
      true,
      errors,
    ),
    submissionLimit:
      raw.submissionLimit === null || raw.submissionLimit === undefined
        ? null
        : bound(raw.submissionLimit, `${path}.submissionLimit`, 1, 1_000_000, errors),
  };
  if (raw.redirectUrl !== null && raw.redirectUrl !== undefined && raw.redirectUrl !== '') {
    const url = httpUrl(raw.redirectUrl);
    if (!url) errors.push({ field: `${path}.redirectUrl`, code: 'isUrl' });
    else if (!allowedOrigins.includes(url.origin))
      errors.push({
        field: `${path}.redirectUrl`,
        code: 'redirectNotAllowed',
        params: { origin: url.origin },
      });
    else settings.redirectUrl = url.href;
  }
  return settings;
}

function options(raw: unknown, path: string, languages: FormLanguages, errors: FieldError[]) {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push({ field: path, code: 'arrayMinSize', params: { min: 1 } });
    return [];
  }
  if (raw.length > MAX_OPTIONS)
    errors.push({ field: path, code: 'arrayMaxSize', params: { max: MAX_OPTIONS } });
  const seen = new Set<string>();
  return raw.slice(0, MAX_OPTIONS).map((o, i) => {
    const option = isObject(o) ? o : {};
    const value = typeof option.value === 'string' ? option.value : '';
    if (!OPTION_VALUE.test(value))
      errors.push({ field: `${path}.${i}.value`, code: 'optionValue' });
    else if (seen.has(value))
      errors.push({ field: `${path}.${i}.value`, code: 'duplicateKey', params: { key: value } });
    seen.add(value);
    return {
      value,
      label: localText(option.label, `${path}.${i}.label`, 200, languages, true, errors),
    };
  });
}

function fileRules(raw: unknown, path: string, errors: FieldError[]): FormFileRules {
  const value = isObject(raw) ? raw : {};
  const accept = Array.isArray(value.accept) ? value.accept : [];
  if (accept.length === 0 || accept.length > 30)
    errors.push({ field: `${path}.accept`, code: 'arrayMinSize', params: { min: 1 } });
  const bad = accept.findIndex((a) => typeof a !== 'string' || !ACCEPT.test(a));
  if (bad >= 0) errors.push({ field: `${path}.accept.${bad}`, code: 'fileType' });
  return {
    maxFiles: bound(value.maxFiles ?? 1, `${path}.maxFiles`, 1, 10, errors) ?? 1,
    maxSizeMb: bound(value.maxSizeMb ?? 10, `${path}.maxSizeMb`, 1, 25, errors) ?? 10,
    accept: accept.filter((a): a is string => typeof a === 'string').map((a) => a.toLowerCase()),
  };
}

function mapping(
  raw: unknown,
  type: FormFieldType,
  path: string,
  errors: FieldError[],
): FormFieldMapping | null {
  if (raw === null || raw === undefined) return null;
  const value = isObject(raw) ? raw : {};
  if (
    value.kind === 'contact' &&
    typeof value.property === 'string' &&
    value.property in PROPERTY_TYPES
  ) {
    const property = value.property as 'name' | 'email' | 'phone' | 'company';
    if (!PROPERTY_TYPES[property].includes(type))
      errors.push({ field: path, code: 'mappingType', params: { property, type } });
    return { kind: 'contact', property };
  }
  if (value.kind === 'custom_field' && typeof value.key === 'string' && KEY.test(value.key))
    return { kind: 'custom_field', key: value.key };
  errors.push({ field: path, code: 'mapping' });
  return null;
}
