import { hmacHex, safeEqual } from '@sanad/core';

/**
 * The hosted page signs the time it was rendered into a hidden field (`_sanad_t`): a submission
 * sent sooner than a person could fill the form, or with a token that was tampered with, is held
 * as spam. Forms posted by integrators (JSON, custom HTML) may leave it out.
 */
export const RENDER_TOKEN_FIELD = '_sanad_t';

/** Tokens older than this are still valid (a form left open in a tab), but no longer checked. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export function renderToken(secret: string, formKey: string, now = Date.now()): string {
  const issued = now.toString(36);
  return `${issued}.${sign(secret, formKey, issued)}`;
}

export type TokenCheck = { valid: true; ageMs: number } | { valid: false };

export function checkRenderToken(
  secret: string,
  formKey: string,
  token: string,
  now = Date.now(),
): TokenCheck {
  const [issued, signature, extra] = token.split('.');
  if (!issued || !signature || extra !== undefined || !/^[0-9a-z]{1,12}$/.test(issued))
    return { valid: false };
  if (!safeEqual(signature, sign(secret, formKey, issued))) return { valid: false };
  const ageMs = now - parseInt(issued, 36);
  if (ageMs < -60_000 || ageMs > MAX_AGE_MS) return { valid: false };
  return { valid: true, ageMs };
}

function sign(secret: string, formKey: string, issued: string): string {
  return hmacHex(secret, `form-render:${formKey}:${issued}`).slice(0, 32);
}
