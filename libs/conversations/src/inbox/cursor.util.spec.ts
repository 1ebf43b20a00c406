import { decodeCursor, decodeSearchCursor, encodeCursor, encodeSearchCursor } from './cursor.util';

const id = '0b6f4c3e-8d1a-4f2b-9c3d-2e1f0a9b8c7d';
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('list cursors', () => {
  it('round-trips what it encodes', () => {
    const at = new Date('2026-11-30T10:15:00.123Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({
      lastMessageAt: '2026-11-30T10:15:00.123Z',
      id,
    });
  });

  it.each([
    ['a year only', encode(['2020', id])],
    ['an extended year', encode(['+275760-09-13T00:00:00.000Z', id])],
    ['an impossible date', encode(['2026-02-30T00:00:00.000Z', id])],
    ['a local time', encode(['2026-11-30T10:15:00.123+03:00', id])],
    ['no milliseconds', encode(['2026-11-30T10:15:00Z', id])],
    [
      'a malformed uuid',
      encode(['2026-11-30T10:15:00.123Z', 'not-a-uuid-but-36-characters-long!!']),
    ],
    ['an upper-case uuid', encode(['2026-11-30T10:15:00.123Z', id.toUpperCase()])],
    ['numbers', encode([1, 2])],
    ['three parts', encode(['2026-11-30T10:15:00.123Z', id, 'x'])],
    ['an object', encode({ lastMessageAt: '2026-11-30T10:15:00.123Z', id })],
    ['not JSON', Buffer.from('[oops').toString('base64url')],
    ['not base64url', '%%%'],
    ['a NUL', encode(['2026-11-30T10:15:00.123Z\u0000', id])],
    ['too long', 'A'.repeat(300)],
  ])('refuses %s', (_name, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });

  it('round-trips search cursors with their tier, and keeps the two kinds apart', () => {
    const at = new Date('2026-11-30T10:15:00.123Z');
    const search = encodeSearchCursor(2, at, id);
    expect(decodeSearchCursor(search)).toEqual({ tier: 2, lastMessageAt: at.toISOString(), id });
    expect(decodeCursor(search)).toBeNull();
    expect(decodeSearchCursor(encodeCursor(at, id))).toBeNull();
  });

  it.each([
    ['tier 0', encode([0, '2026-11-30T10:15:00.123Z', id])],
    ['tier 4', encode([4, '2026-11-30T10:15:00.123Z', id])],
    ['a fractional tier', encode([2.5, '2026-11-30T10:15:00.123Z', id])],
    ['a tier as text', encode(['2', '2026-11-30T10:15:00.123Z', id])],
    ['a bad instant', encode([2, '2026-11-30', id])],
    ['a bad id', encode([2, '2026-11-30T10:15:00.123Z', 'x'])],
  ])('refuses a search cursor with %s', (_name, cursor) => {
    expect(decodeSearchCursor(cursor)).toBeNull();
  });
});
