import { createHmac } from 'node:crypto';
import { webhookSecretBytes } from './webhook-secret.util';

/**
 * The `webhook-signature` value (Standard Webhooks v1): one `v1,<base64 HMAC-SHA256>` of
 * `id.timestamp.body` per secret, space-separated, the current secret first. During a rotation
 * both secrets sign, so receivers holding either one verify.
 */
export function webhookSignature(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  if (secrets.length === 0) throw new Error('a webhook needs at least one secret to sign with');
  // A dot would make `id.timestamp.body` ambiguous between messages; the spec forbids it.
  if (!id || id.includes('.')) throw new Error('a webhook id must be non-empty and without dots');
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new Error('a webhook timestamp is whole Unix seconds');
  }
  const signed = `${id}.${timestampSeconds}.${body}`;
  return secrets
    .map((secret) => {
      const mac = createHmac('sha256', webhookSecretBytes(secret)).update(signed, 'utf8');
      return `v1,${mac.digest('base64')}`;
    })
    .join(' ');
}

export const WEBHOOK_USER_AGENT = 'Sanad-Webhooks/1';

/**
 * Header names an endpoint's custom headers may not set: the ones we send ourselves and the ones
 * that belong to the connection rather than the message (undici refuses several of them).
 */
export const RESERVED_WEBHOOK_HEADERS: ReadonlySet<string> = new Set([
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'content-type',
  'user-agent',
  'x-sanad-event',
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'proxy-authorization',
  'proxy-connection',
]);

export function isReservedWebhookHeader(name: string): boolean {
  return RESERVED_WEBHOOK_HEADERS.has(name.trim().toLowerCase());
}

export interface WebhookHeadersInput {
  /** The message id, unchanged across retries. */
  id: string;
  /** Of this attempt, not of the event. */
  timestampSeconds: number;
  /** Exactly the bytes sent. */
  body: string;
  /** Current secret first; the rotated-out one while its overlap lasts. */
  secrets: readonly string[];
  eventType: string;
  customHeaders?: Readonly<Record<string, string>>;
}

/** Every header of one attempt, names lower-case; custom headers never replace ours. */
export function webhookHeaders(input: WebhookHeadersInput): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.customHeaders ?? {})) {
    if (!isReservedWebhookHeader(name)) headers[name.trim().toLowerCase()] = value;
  }
  return {
    ...headers,
    'content-type': 'application/json',
    'user-agent': WEBHOOK_USER_AGENT,
    'x-sanad-event': input.eventType,
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestampSeconds),
    'webhook-signature': webhookSignature(
      input.secrets,
      input.id,
      input.timestampSeconds,
      input.body,
    ),
  };
}
