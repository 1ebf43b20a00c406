import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** An empty database on the test server, for tests that need a fresh installation. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const adminUrl = process.env.SANAD_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('SANAD_TEST_ADMIN_URL is not set: run tests through jest');
  const name = `sanad_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
