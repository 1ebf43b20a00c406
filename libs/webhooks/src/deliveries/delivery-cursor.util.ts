/** A delivery log page ends at (created_at in microseconds, id); the cursor is that, opaque. */
export interface DeliveryPosition {
  createdUs: string;
  id: string;
}

export function encodeDeliveryCursor(position: DeliveryPosition): string {
  return Buffer.from(JSON.stringify([position.createdUs, position.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Only what encodeDeliveryCursor writes; anything else is null (the caller answers 400). */
export function decodeDeliveryCursor(cursor: string): DeliveryPosition | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [createdUs, id] = parsed as unknown[];
  return typeof createdUs === 'string' &&
    /^\d{1,17}$/.test(createdUs) &&
    typeof id === 'string' &&
    UUID.test(id)
    ? { createdUs, id }
    : null;
}
