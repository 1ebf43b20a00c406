import type { CustomFieldValues, ImportTarget, Language } from '@sanad/contracts';
import { cappedName, cleanText, type FieldError } from '@sanad/core';
import type { CountryCode } from 'libphonenumber-js/min';
import { checkFieldValue, MAX_LONG_TEXT, type FieldRule } from '../fields/custom-field-rules.util';
import { checkEmails, checkPhones } from '../people/person-input.util';
import { foldHeader } from './import-mapping.util';

/** Longest cell read; anything longer (a pasted document, a 10 MB blob) refuses its row. */
export const MAX_CELL = MAX_LONG_TEXT;
const MAX_NAME = 200;

/** A person as one row describes them; only what the row fills is set. */
export interface RowPerson {
  name: string | null;
  emails: string[];
  phones: string[];
  externalId: string | null;
  companyName: string | null;
  categoryId: string | null;
  language: Language | null;
  notes: string | null;
  customFields: CustomFieldValues;
}

/** Why a row is refused: a reason code, the column (index) it is about, and parameters. */
export interface RowReject {
  code: string;
  column: number | null;
  params?: Record<string, string | number>;
}

export interface RowRules {
  targets: ReadonlyArray<ImportTarget | null>;
  columns: number;
  fields: ReadonlyMap<string, FieldRule>;
  region: CountryCode;
  /** Person categories by folded name. */
  categories: ReadonlyMap<string, string>;
}

const LANGUAGE_NAMES: Record<string, Language> = {
  ar: 'ar',
  arabic: 'ar',
  عربي: 'ar',
  العربية: 'ar',
  عربية: 'ar',
  en: 'en',
  english: 'en',
  انجليزي: 'en',
  الانجليزية: 'en',
  انكليزي: 'en',
};

/**
 * A cell a spreadsheet would run as a formula (`=`, `@`, or `+`/`-` before something that is
 * not a number): refused, so a file with a payload cannot pass through us into someone's Excel.
 * Phone numbers (`+966 50…`) and negative numbers are data.
 */
export function isFormula(cell: string): boolean {
  return /^[=@]/.test(cell) || /^[+-]\s*[^\d\s().\u0660-\u0669\u06F0-\u06F9]/.test(cell);
}

/** Every cell blank: spreadsheets leave such rows (`;;;`) at the end; they are not data. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * One data row read through the mapping: its person, or the first reason to refuse it. Checks
 * what a row alone can show (types, formats, options, lengths, formulas); what needs the stored
 * people (identities in use, required fields of new people) is the batch's part.
 */
export function readRow(cells: readonly string[], rules: RowRules): RowPerson | RowReject {
  if (cells.length > rules.columns && !isBlankRow(cells.slice(rules.columns)))
    return {
      code: 'extraCells',
      column: null,
      params: { count: cells.length, columns: rules.columns },
    };
  const person: RowPerson = {
    name: null,
    emails: [],
    phones: [],
    externalId: null,
    companyName: null,
    categoryId: null,
    language: null,
    notes: null,
    customFields: {},
  };
  const names: { full?: string; first?: string; last?: string } = {};
  const emailCells: Array<[number, string]> = [];
  const phoneCells: Array<[number, string]> = [];
  for (let column = 0; column < rules.columns; column++) {
    const target = rules.targets[column];
    const raw = cells[column] ?? '';
    if (!target) continue;
    if (raw.length > MAX_CELL) return { code: 'cellTooLong', column, params: { max: MAX_CELL } };
    // Our own exports neutralise formula-like cells with an apostrophe: read back, it goes.
    const cell = cleanText(raw).replace(/^'(?=[=+\-@])/, '');
    if (!cell) continue;
    if (isFormula(cell)) return { code: 'formula', column };
    switch (target) {
      case 'name':
        names.full = cell;
        break;
      case 'firstName':
        names.first = cell;
        break;
      case 'lastName':
        names.last = cell;
        break;
      case 'email':
        emailCells.push([column, cell]);
        break;
      case 'phone':
        phoneCells.push([column, cell]);
        break;
      case 'externalId':
        if (cell.length > MAX_NAME) return { code: 'maxLength', column, params: { max: MAX_NAME } };
        person.externalId = cell;
        break;
      case 'company':
        if (cell.length > MAX_NAME) return { code: 'maxLength', column, params: { max: MAX_NAME } };
        person.companyName = cell;
        break;
      case 'category': {
        const id = rules.categories.get(foldHeader(cell));
        if (!id) return { code: 'unknownCategory', column, params: { value: cell } };
        person.categoryId = id;
        break;
      }
      case 'language': {
        const language = LANGUAGE_NAMES[foldHeader(cell)];
        if (!language) return { code: 'isIn', column, params: { allowed: 'ar, en' } };
        person.language = language;
        break;
      }
      case 'notes':
        person.notes = cell;
        break;
      default: {
        const rule = rules.fields.get(target.slice('field:'.length));
        if (!rule) return { code: 'unknownField', column, params: { key: target.slice(6) } };
        const checked = checkFieldValue(rule, cell, rules.region);
        if ('error' in checked) return { ...checked.error, column };
        person.customFields[rule.key] = checked.value;
      }
    }
  }
  const name = names.full ?? [names.first, names.last].filter(Boolean).join(' ');
  if (name) {
    if ([...name].length > MAX_NAME)
      return {
        code: 'maxLength',
        column: columnOf(rules, names.full ? 'name' : 'firstName'),
        params: { max: MAX_NAME },
      };
    person.name = cappedName(name);
  }
  for (const [column, cell] of emailCells) {
    const errors: FieldError[] = [];
    const emails = checkEmails(cell.split(/[;,\s]+/), errors);
    if (errors.length > 0) return { code: 'isEmail', column };
    for (const email of emails) if (!person.emails.includes(email)) person.emails.push(email);
  }
  for (const [column, cell] of phoneCells) {
    const errors: FieldError[] = [];
    const phones = checkPhones(cell.split(/[;,،/]/), rules.region, errors);
    if (errors.length > 0) return { code: 'isPhone', column };
    for (const phone of phones) if (!person.phones.includes(phone)) person.phones.push(phone);
  }
  if (!person.name && !person.emails.length && !person.phones.length && !person.externalId)
    return { code: 'noIdentity', column: null };
  return person;
}

export function isReject(row: RowPerson | RowReject): row is RowReject {
  return 'code' in row;
}

function columnOf(rules: RowRules, target: ImportTarget): number | null {
  const index = rules.targets.indexOf(target);
  return index >= 0 ? index : null;
}
