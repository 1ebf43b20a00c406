import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Set by the Jest global setup for every test worker. */
export const TEST_DB_ENV = 'SANAD_TEST_DATABASE_URL';

export function testDatabaseUrl(): string {
  const url = process.env[TEST_DB_ENV];
  if (!url)
    throw new Error(
      `${TEST_DB_ENV} is not set: run tests through jest (its global setup prepares the database)`,
    );
  return url;
}

/** Redis for medium/e2e tests, only when the machine has one configured. */
export function testRedisUrl(): string | null {
  return process.env.REDIS_URL || null;
}

export const TEST_DATA_DIR = resolve('.test-data');

export function chromiumPath(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export function testDir(name: string): string {
  return join(TEST_DATA_DIR, name);
}
