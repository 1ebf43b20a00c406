import { MAX_WEBHOOK_HEADERS, WEBHOOK_EVENTS, type WebhookEventType } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { isReservedWebhookHeader } from '../signing/webhook-signature.util';

const KNOWN = new Set<string>(WEBHOOK_EVENTS);

/** Subscribed types, de-duplicated in the catalogue's order; unknown ones are a 400 listing both. */
export function subscribedEvents(events: string[] | undefined): WebhookEventType[] {
  const list = events ?? [];
  const unknown = [...new Set(list.filter((type) => !KNOWN.has(type)))];
  if (unknown.length > 0)
    throw new DomainError(
      'webhook/unknown_events',
      { events: unknown.slice(0, 10).join(', '), allowed: WEBHOOK_EVENTS.join(', ') },
      [{ field: 'events', code: 'unknownEvents' }],
    );
  return WEBHOOK_EVENTS.filter((type) => list.includes(type));
}

/** Beyond the headers the sender sets itself: its prefixes and what frames the request. */
const RESERVED_PREFIXES = /^(webhook-|x-sanad-|content-|proxy-)/;
const TOKEN = /^[a-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Custom headers: lower-case names, HTTP tokens, printable values up to 1,000 characters. */
export function customHeaders(
  headers: Record<string, unknown> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = Object.entries(headers ?? {});
  if (entries.length > MAX_WEBHOOK_HEADERS)
    throw new DomainError('request/validation', {}, [
      { field: 'headers', code: 'arrayMaxSize', params: { max: MAX_WEBHOOK_HEADERS } },
    ]);
  for (const [rawName, value] of entries) {
    const name = rawName.trim().toLowerCase();
    if (!TOKEN.test(name) || RESERVED_PREFIXES.test(name) || isReservedWebhookHeader(name))
      throw new DomainError('webhook/header_not_allowed', { name: rawName.slice(0, 100) }, [
        { field: `headers.${rawName.slice(0, 100)}`, code: 'headerNotAllowed' },
      ]);
    if (typeof value !== 'string' || value.length > 1000 || CONTROL.test(value))
      throw new DomainError('request/validation', {}, [
        { field: `headers.${name}`, code: 'headerValue' },
      ]);
    out[name] = value.trim();
  }
  return out;
}

export function endpointDescription(value: string | undefined): string {
  return cleanText(value ?? '').slice(0, 500);
}
