/** The list's keyset position (created_at, id) as an opaque cursor, read back strictly. */
export interface SubmissionCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeSubmissionCursor(cursor: SubmissionCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

/** Only what encodeSubmissionCursor wrote; anything else is null (a 400). */
export function decodeSubmissionCursor(text: string): SubmissionCursor | null {
  const [at, id, extra] = Buffer.from(text, 'base64url').toString().split('|');
  if (extra !== undefined || !ISO.test(at ?? '') || !UUID.test(id ?? '')) return null;
  const createdAt = new Date(at);
  return Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== at
    ? null
    : { createdAt, id };
}
