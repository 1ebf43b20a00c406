import { decodePeopleCursor, encodePeopleCursor } from './people-cursor.util';

const ID = '0b9a1f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const raw = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('people cursors', () => {
  it.each([
    ['name', { tier: 1, value: 'محمد', id: ID }],
    ['name', { tier: 0, value: '\uffff', id: ID }],
    ['created', { tier: 0, value: '2026-12-02T10:00:00.000Z', id: ID }],
    ['last_seen', { tier: 0, value: '-infinity', id: ID }],
  ] as const)('reads back what it wrote (%s)', (sort, cursor) => {
    expect(decodePeopleCursor(sort, encodePeopleCursor(sort, cursor))).toEqual(cursor);
  });

  it.each([
    ['another sort', 'created', raw(['name', 0, 'x', ID])],
    ['a bad tier', 'name', raw(['name', 3, 'x', ID])],
    ['a bad id', 'name', raw(['name', 0, 'x', 'nope'])],
    ['a loose date', 'created', raw(['created', 0, '2020', ID])],
    ['a far date', 'created', raw(['created', 0, '+275760-09-13T00:00:00.000Z', ID])],
    ['a long name', 'name', raw(['name', 0, 'x'.repeat(301), ID])],
    ['three parts', 'name', raw(['name', 'x', ID])],
    ['not base64url', 'name', 'a b'],
    ['not JSON', 'name', 'bm90IGpzb24'],
  ] as const)('refuses %s', (_, sort, text) => {
    expect(decodePeopleCursor(sort, text)).toBeNull();
  });
});
