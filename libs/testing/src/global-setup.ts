// Runs outside Jest's module system: the path aliases come from tsconfig-paths.
import 'tsconfig-paths/register';
import { mkdirSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres } from '@sanad/database';
import { TEST_DATA_DIR, TEST_DB_ENV } from './test-database';

declare global {
  var __SANAD_EMBEDDED_STOP__: (() => Promise<void>) | undefined;
}

/**
 * One database per run: a fresh `sanad_test` on TEST_DATABASE_URL's server, or an embedded
 * PostgreSQL under .test-data. Migrations run once here; tests build their own data.
 */
export default async function globalSetup(): Promise<void> {
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: `${TEST_DATA_DIR}/pg`,
      port: 54339,
      database: 'postgres',
      unsafeFast: true,
    });
    globalThis.__SANAD_EMBEDDED_STOP__ = () => embedded.stop();
    serverUrl = embedded.url;
    process.stdout.write('\n[sanad tests] no TEST_DATABASE_URL: using embedded PostgreSQL\n');
  }
  const database = `sanad_test_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  // Databases of earlier runs that were killed before their teardown.
  const stale = (
    await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'sanad_test_%'`)
  ).rows as Array<{ datname: string }>;
  for (const row of stale.filter(
    (r) => !processAlive(parseInt(r.datname.slice('sanad_test_'.length), 10)),
  ))
    await admin
      .query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`)
      .catch(() => undefined);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  process.env[TEST_DB_ENV] = url.toString();
  process.env.SANAD_TEST_ADMIN_URL = serverUrl;
  const dataSource = new DataSource(dataSourceOptions(url.toString()));
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
