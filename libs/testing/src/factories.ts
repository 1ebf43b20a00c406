import { randomBytes } from 'node:crypto';

/** Unique-per-test values, so tests sharing one database never collide. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`;
}

export function uniqueName(label = 'Workspace'): string {
  return `${label} ${randomBytes(3).toString('hex')}`;
}

export const STRONG_PASSWORD = 'horse-battery-staple-9';
