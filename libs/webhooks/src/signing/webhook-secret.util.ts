import { randomBytes } from 'node:crypto';

/** Standard Webhooks: secrets are shown as `whsec_` + base64 of 24 to 64 random bytes. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;

/** A new endpoint secret: 32 random bytes, as receivers' libraries expect it. */
export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** Whether `value` is a secret in the standard form (prefix, canonical base64, 24–64 bytes). */
export function isWebhookSecret(value: string): boolean {
  if (!value.startsWith(WEBHOOK_SECRET_PREFIX)) return false;
  const encoded = value.slice(WEBHOOK_SECRET_PREFIX.length);
  const bytes = Buffer.from(encoded, 'base64');
  // Node's decoder skips characters it does not know: re-encoding shows whether any were there.
  return (
    bytes.toString('base64') === encoded &&
    bytes.length >= MIN_SECRET_BYTES &&
    bytes.length <= MAX_SECRET_BYTES
  );
}

/** The key bytes of a secret, for HMAC. */
export function webhookSecretBytes(secret: string): Buffer {
  if (!isWebhookSecret(secret)) throw new Error('not a webhook secret (whsec_ + base64)');
  return Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'base64');
}
