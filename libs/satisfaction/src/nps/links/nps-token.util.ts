import { hmacHex, safeEqual } from '@sanad/core';

/**
 * The NPS email's score links: `/n/<token>`, one per score 0..10. A token names its recipient
 * and the score, expires, and is signed (HMAC-SHA256 with APP_SECRET) for this one purpose only
 * (`nps:`), so a rating link or any other signed value of Sanad never passes as one and nothing
 * in it can be changed. The recipient id travels as 32 hex digits.
 */
export interface NpsLink {
  recipientId: string;
  score: number;
  expiresAt: Date;
}

export type NpsLinkCheck =
  | { valid: true; link: NpsLink }
  | { valid: false; reason: 'forged' }
  | { valid: false; reason: 'expired'; recipientId: string };

const VERSION = 'n1';
const UUID_HEX = /^[0-9a-f]{32}$/;

export function signNpsLink(secret: string, link: NpsLink): string {
  const body = [
    VERSION,
    link.recipientId.replace(/-/g, '').toLowerCase(),
    String(link.score),
    Math.floor(link.expiresAt.getTime() / 1000).toString(36),
  ].join('.');
  return `${body}.${sign(secret, body)}`;
}

/** An expired link still names its recipient (the signature held): its page wears the brand. */
export function checkNpsLink(secret: string, token: string, now = new Date()): NpsLinkCheck {
  const parts = token.split('.');
  if (parts.length !== 5) return { valid: false, reason: 'forged' };
  const [version, recipient, score, expires, signature] = parts;
  if (
    version !== VERSION ||
    !UUID_HEX.test(recipient) ||
    !/^(10|[0-9])$/.test(score) ||
    !/^[0-9a-z]{1,10}$/.test(expires) ||
    !/^[0-9a-f]{40}$/.test(signature)
  )
    return { valid: false, reason: 'forged' };
  if (!safeEqual(signature, sign(secret, parts.slice(0, 4).join('.'))))
    return { valid: false, reason: 'forged' };
  const expiresAt = new Date(parseInt(expires, 36) * 1000);
  const recipientId = uuid(recipient);
  if (expiresAt.getTime() <= now.getTime()) return { valid: false, reason: 'expired', recipientId };
  return { valid: true, link: { recipientId, score: Number(score), expiresAt } };
}

function sign(secret: string, body: string): string {
  return hmacHex(secret, `nps:${body}`).slice(0, 40);
}

function uuid(hexId: string): string {
  return `${hexId.slice(0, 8)}-${hexId.slice(8, 12)}-${hexId.slice(12, 16)}-${hexId.slice(16, 20)}-${hexId.slice(20)}`;
}
