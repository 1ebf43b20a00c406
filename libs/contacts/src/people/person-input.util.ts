import type { FieldError } from '@sanad/core';
import { normaliseEmail } from '@sanad/core';
import type { CountryCode } from 'libphonenumber-js/min';
import { toE164 } from '../phone.util';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Emails normalised (lower case), checked and de-duplicated, the primary first. */
export function checkEmails(input: string[], errors: FieldError[]): string[] {
  const emails: string[] = [];
  input.forEach((raw, i) => {
    const email = normaliseEmail(raw);
    if (!email) return;
    if (!EMAIL.test(email) || email.length > 254)
      errors.push({ field: `emails.${i}`, code: 'isEmail' });
    else if (!emails.includes(email)) emails.push(email);
  });
  return emails;
}

/** Phones in E.164 (local numbers read in the workspace country), de-duplicated. */
export function checkPhones(input: string[], region: CountryCode, errors: FieldError[]): string[] {
  const phones: string[] = [];
  input.forEach((raw, i) => {
    if (!raw.trim()) return;
    const phone = toE164(raw, region);
    if (!phone) errors.push({ field: `phones.${i}`, code: 'isPhone' });
    else if (!phones.includes(phone)) phones.push(phone);
  });
  return phones;
}

/** The domains of these addresses, lower case, each once. */
export function emailDomains(emails: readonly string[]): string[] {
  return [...new Set(emails.map((e) => e.split('@')[1]).filter(Boolean))];
}
