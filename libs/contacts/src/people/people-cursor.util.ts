import type { PeopleSort } from '@sanad/contracts';
import type { PageCursor } from './people-query.util';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Where a page ended; `tier` 1 or 2 in a name search (names starting with the query first). */
export interface PeopleCursor extends PageCursor {
  tier: 0 | 1 | 2;
}

/** Opaque to clients: the sort it belongs to, the tier, the last row's sort value and id. */
export function encodePeopleCursor(sort: PeopleSort, cursor: PeopleCursor): string {
  return Buffer.from(JSON.stringify([sort, cursor.tier, cursor.value, cursor.id])).toString(
    'base64url',
  );
}

/** Only what encodePeopleCursor wrote for this sort; anything else is null (400). */
export function decodePeopleCursor(sort: PeopleSort, text: string): PeopleCursor | null {
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length !== 4 || parts[0] !== sort) return null;
  const [, tier, value, id] = parts as unknown[];
  if (tier !== 0 && tier !== 1 && tier !== 2) return null;
  if (typeof value !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
  if (sort === 'name' ? value.length > 300 : value !== '-infinity' && !ISO_INSTANT.test(value))
    return null;
  if (sort !== 'name' && value !== '-infinity' && Number.isNaN(Date.parse(value))) return null;
  return { tier, value, id };
}
