import type { Readable } from 'node:stream';

/**
 * The storage port: files (attachments, later raw emails and logos) by generated key. Keys are
 * ours, never a user's file name, so nothing a customer names can reach another path.
 */
export abstract class BlobStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  /** A stream of the file, or null when it is gone. */
  abstract get(key: string): Promise<Readable | null>;
  abstract delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** Keys look like `attachments/2026/11/<uuid>`; anything else is refused before touching disk. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.includes('//') || key.split('/').some((part) => part === '..'))
    throw new Error(`invalid storage key: ${key}`);
}
