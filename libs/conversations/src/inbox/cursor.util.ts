import { COMPLETED, EXACT, STEMMED, type MatchTier } from '@sanad/search';

/** Where a list page ended: the (lastMessageAt, id) of its last row. */
export interface ListCursor {
  lastMessageAt: string;
  id: string;
}

/** Where a search page ended: also the match tier of its last row (results go tier by tier). */
export interface SearchCursor extends ListCursor {
  tier: MatchTier;
}

/** List cursors: the (lastMessageAt, id) of the last item of a page, opaque to clients. */
export function encodeCursor(lastMessageAt: Date, id: string): string {
  return encode([lastMessageAt.toISOString(), id]);
}

/** Search cursors: [tier, lastMessageAt, id]. */
export function encodeSearchCursor(tier: MatchTier, lastMessageAt: Date, id: string): string {
  return encode([tier, lastMessageAt.toISOString(), id]);
}

const encode = (value: unknown[]): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIERS: readonly unknown[] = [EXACT, STEMMED, COMPLETED];

/**
 * Only what encodeCursor writes: a UTC instant as toISOString() prints it (so PostgreSQL reads
 * it back exactly) and a lower-case uuid. Anything else is null (the caller answers 400).
 */
export function decodeCursor(cursor: string): ListCursor | null {
  const parts = decode(cursor, 2);
  return parts && position(parts[0], parts[1]);
}

/** Only what encodeSearchCursor writes; a list cursor is not a search cursor (null). */
export function decodeSearchCursor(cursor: string): SearchCursor | null {
  const parts = decode(cursor, 3);
  if (!parts || !TIERS.includes(parts[0])) return null;
  const at = position(parts[1], parts[2]);
  return at && { tier: parts[0] as MatchTier, ...at };
}

function decode(cursor: string, length: number): unknown[] | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  return Array.isArray(parsed) && parsed.length === length ? (parsed as unknown[]) : null;
}

function position(lastMessageAt: unknown, id: unknown): ListCursor | null {
  if (typeof lastMessageAt !== 'string' || typeof id !== 'string') return null;
  if (!ISO_INSTANT.test(lastMessageAt) || !UUID.test(id)) return null;
  const time = new Date(lastMessageAt);
  if (Number.isNaN(time.getTime()) || time.toISOString() !== lastMessageAt) return null;
  return { lastMessageAt, id };
}
