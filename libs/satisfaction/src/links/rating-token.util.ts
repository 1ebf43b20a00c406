import { hmacHex, safeEqual } from '@sanad/core';

/**
 * The email's star links: `/r/<token>`, one per star. A token names its request, the request's
 * conversation and the star, expires, and is signed (HMAC-SHA256 with APP_SECRET) for this one
 * purpose only (`rating:`), so no other signed value of Sanad passes as one and nothing in it
 * can be changed. Ids travel as 32 hex digits.
 */
export interface RatingLink {
  requestId: string;
  conversationId: string;
  score: number;
  expiresAt: Date;
}

export type RatingLinkCheck =
  { valid: true; link: RatingLink } | { valid: false; reason: 'forged' | 'expired' };

const VERSION = 'r1';
const UUID_HEX = /^[0-9a-f]{32}$/;

export function signRatingLink(secret: string, link: RatingLink): string {
  const body = [
    VERSION,
    hex(link.requestId),
    hex(link.conversationId),
    String(link.score),
    Math.floor(link.expiresAt.getTime() / 1000).toString(36),
  ].join('.');
  return `${body}.${sign(secret, body)}`;
}

export function checkRatingLink(secret: string, token: string, now = new Date()): RatingLinkCheck {
  const parts = token.split('.');
  if (parts.length !== 6) return { valid: false, reason: 'forged' };
  const [version, request, conversation, score, expires, signature] = parts;
  if (
    version !== VERSION ||
    !UUID_HEX.test(request) ||
    !UUID_HEX.test(conversation) ||
    !/^[1-5]$/.test(score) ||
    !/^[0-9a-z]{1,10}$/.test(expires) ||
    !/^[0-9a-f]{40}$/.test(signature)
  )
    return { valid: false, reason: 'forged' };
  if (!safeEqual(signature, sign(secret, parts.slice(0, 5).join('.'))))
    return { valid: false, reason: 'forged' };
  const expiresAt = new Date(parseInt(expires, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { valid: false, reason: 'expired' };
  return {
    valid: true,
    link: {
      requestId: uuid(request),
      conversationId: uuid(conversation),
      score: Number(score),
      expiresAt,
    },
  };
}

function sign(secret: string, body: string): string {
  return hmacHex(secret, `rating:${body}`).slice(0, 40);
}

function hex(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

function uuid(hexId: string): string {
  return `${hexId.slice(0, 8)}-${hexId.slice(8, 12)}-${hexId.slice(12, 16)}-${hexId.slice(16, 20)}-${hexId.slice(20)}`;
}
