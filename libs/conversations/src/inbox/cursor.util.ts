/** List cursors: the (lastMessageAt, id) of the last item of a page, opaque to clients. */
export function encodeCursor(lastMessageAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([lastMessageAt.toISOString(), id])).toString('base64url');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Only what encodeCursor writes: a UTC instant as toISOString() prints it (so PostgreSQL reads
 * it back exactly) and a lower-case uuid. Anything else is null (the caller answers 400).
 */
export function decodeCursor(cursor: string): { lastMessageAt: string; id: string } | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [lastMessageAt, id] = parsed as unknown[];
  if (typeof lastMessageAt !== 'string' || typeof id !== 'string') return null;
  if (!ISO_INSTANT.test(lastMessageAt) || !UUID.test(id)) return null;
  const time = new Date(lastMessageAt);
  if (Number.isNaN(time.getTime()) || time.toISOString() !== lastMessageAt) return null;
  return { lastMessageAt, id };
}
