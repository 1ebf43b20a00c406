import { ACCOUNTS_ERRORS } from '@sanad/accounts';
import { BRANDING_ERRORS } from '@sanad/branding';
import { FORMS_ERRORS } from '@sanad/forms';
import { CONTACTS_ERRORS } from '@sanad/contacts';
import { CONVERSATIONS_ERRORS } from '@sanad/conversations';
import {
  CORE_ERRORS,
  fillTemplate,
  type CatalogEntry,
  type ErrorCode,
  type Language,
} from '@sanad/core';
import { MAIL_ERRORS } from '@sanad/mail';
import { REPORTS_ERRORS } from '@sanad/reports';
import { SATISFACTION_ERRORS } from '@sanad/satisfaction';
import { WEBHOOKS_ERRORS } from '@sanad/webhooks';

/** Every library's failure codes in one catalog: what the problem filter answers with. */
export const ERROR_CATALOG: Record<ErrorCode, CatalogEntry> = {
  ...CORE_ERRORS,
  ...ACCOUNTS_ERRORS,
  ...CONVERSATIONS_ERRORS,
  ...CONTACTS_ERRORS,
  ...WEBHOOKS_ERRORS,
  ...MAIL_ERRORS,
  ...BRANDING_ERRORS,
  ...FORMS_ERRORS,
  ...REPORTS_ERRORS,
  ...SATISFACTION_ERRORS,
};

export function errorMessage(
  code: ErrorCode,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(ERROR_CATALOG[code][language], params);
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOG[code].status;
}
