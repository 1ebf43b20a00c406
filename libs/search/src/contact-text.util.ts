import { parsePhoneNumberWithError } from 'libphonenumber-js/min';
import { finalForm, foldLetters, withoutHamza } from './fold.util';

export interface ContactTextParts {
  name: string | null;
  emails: readonly string[];
  /** E.164. */
  phones: readonly string[];
  externalId?: string | null;
  companyName?: string | null;
}

/** Folded words of a text, each in its indexed spelling. */
function foldedWords(text: string): string[] {
  return foldLetters(text)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => finalForm(w));
}

/**
 * What a phone number is typed as: international digits (966501234567) and the national
 * number with its trunk prefix (0501234567), so any run of digits a person types matches.
 */
export function phoneSearchForms(e164: string): string[] {
  const digits = e164.replace(/\D/g, '');
  const forms = [digits];
  try {
    const parsed = parsePhoneNumberWithError(e164);
    forms.push(`0${parsed.nationalNumber}`);
  } catch {
    // not a number libphonenumber knows: its digits are enough
  }
  return forms;
}

/**
 * The text contacts are searched in (trigram substring matches): the name folded as the search
 * library folds it, also without hamza and without spaces (عبد الله = عبدالله), the emails,
 * the phones as typed in and out of the country, the external id and the company's name.
 */
export function contactSearchText(parts: ContactTextParts): string {
  const segments = new Set<string>();
  const addName = (text: string | null | undefined): void => {
    if (!text) return;
    const typed = foldLetters(text).split(/\s+/).filter(Boolean);
    if (typed.length === 0) return;
    const words = typed.map((w) => finalForm(w));
    segments.add(words.join(' '));
    if (words.length > 1) segments.add(words.join(''));
    // مسؤول is also typed مسوول or مسول.
    const bare = typed.map((w) => withoutHamza(w) ?? finalForm(w)).join(' ');
    if (bare !== words.join(' ')) segments.add(bare);
  };
  addName(parts.name);
  addName(parts.companyName);
  for (const email of parts.emails) segments.add(foldLetters(email));
  for (const phone of parts.phones) for (const form of phoneSearchForms(phone)) segments.add(form);
  if (parts.externalId) segments.add(foldLetters(parts.externalId));
  return [...segments].join(' | ');
}

/** How a contact sorts by name: its folded name, else its first email; nameless ones last. */
export function foldedSortName(name: string | null, emails: readonly string[]): string {
  const source = name?.trim() || emails[0] || '';
  return source ? foldedWords(source).join(' ') : '\uffff';
}

/**
 * The substrings a contact search requires, all of them (AND): each query word folded like the
 * indexed text; a word that is a phone number typed with `+`, spaces or dashes becomes its
 * digits. LIKE wildcards are escaped.
 */
export function contactSearchPatterns(query: string): string[] {
  const folded = foldLetters(query).trim();
  if (!folded) return [];
  const phone = /^[+\d][\d\s().-]*$/.test(folded) ? folded.replace(/\D/g, '') : null;
  const words = phone ? [phone] : folded.split(/\s+/).map((w) => finalForm(w));
  return [...new Set(words.filter(Boolean))]
    .slice(0, 8)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/**
 * People whose name starts with what was typed come first (محم → محمد …): a LIKE prefix on the
 * folded sort name, which its code-point-ordered index answers as a range. Null for a phone
 * number or nothing searchable.
 */
export function contactNamePrefix(query: string): string | null {
  const folded = foldLetters(query).trim();
  if (!folded || /^[+\d][\d\s().-]*$/.test(folded)) return null;
  const words = folded.split(/\s+/).map((w) => finalForm(w));
  return `${words.join(' ').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
