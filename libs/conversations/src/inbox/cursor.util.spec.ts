import { decodeCursor, encodeCursor } from './cursor.util';

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
});
