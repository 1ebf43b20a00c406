import { hmacHex } from '@sanad/core';

/**
 * The honeypot: a text input people never see (off-screen, no tab stop) whose name looks like
 * one a bot fills in. It differs per form, so a bot cannot learn one name for every Sanad form.
 */
export function honeypotName(secret: string, formKey: string): string {
  return `website_${hmacHex(secret, `form-honeypot:${formKey}`).slice(0, 6)}`;
}
