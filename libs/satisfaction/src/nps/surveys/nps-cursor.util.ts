import { DomainError } from '@sanad/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A page's end: its last row's time and id, opaque to clients. */
export function encodeNpsCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}

/** A cursor is ours or a 400 naming it. */
export function decodeNpsCursor(cursor: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !at || Number.isNaN(Date.parse(at)) || !UUID.test(id ?? ''))
    throw new DomainError('request/validation', {}, [{ field: 'cursor', code: 'isString' }]);
  return { at, id };
}
