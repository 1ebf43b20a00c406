import { Client } from 'pg';
import { TEST_DB_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const url = process.env[TEST_DB_ENV];
  const adminUrl = process.env.SANAD_TEST_ADMIN_URL;
  if (url && adminUrl && !process.env.SANAD_KEEP_TEST_DB) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin
      .query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`)
      .catch(() => undefined);
    await admin.end();
  }
  await globalThis.__SANAD_EMBEDDED_STOP__?.();
}
