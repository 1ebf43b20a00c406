import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@sanad/database';
import { createScratchDatabase, testDatabaseUrl, testRedisUrl } from '@sanad/testing';

export { freePort };
import { randomBytes } from 'node:crypto';

const ENTRY = resolve('dist/apps/server/src/main.js');

export interface SpawnedServer {
  url: string;
  smtpPort: number;
  dataDir: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

/** The built server (`npm run build`), as a real child process, on the test database. */
export async function spawnServer(
  env: Record<string, string> = {},
  options: { embedded?: boolean } = {},
): Promise<SpawnedServer> {
  if (!existsSync(ENTRY))
    throw new Error(`${ENTRY} is missing: run "npm run build" before the e2e tests`);
  const port = await freePort();
  const smtpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sanad-e2e-'));
  const redisUrl = testRedisUrl();
  // Without Redis each server broadcasts only to its own sockets, so servers of test files running
  // side by side must not share a database (one would relay the other's events to nobody).
  const scratch =
    redisUrl || env.DATABASE_URL || options.embedded ? null : await createScratchDatabase();
  let log = '';
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      SMTP_PORT: String(smtpPort),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...(options.embedded ? {} : { DATABASE_URL: scratch?.url ?? testDatabaseUrl() }),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-01',
      SANAD_ALLOW_SIGNUP: 'true',
      LOGIN_RATE_LIMIT: '1000',
      WEB_DIST_DIR: resolve('apps/web/dist'),
      ...(redisUrl
        ? { REDIS_URL: redisUrl, REDIS_PREFIX: `e${randomBytes(4).toString('hex')}` }
        : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.embedded ? 120_000 : 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    const ready = await fetch(`${url}/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    smtpPort,
    dataDir,
    process: child,
    output: () => log,
    stop: () =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => {
          rmSync(dataDir, { recursive: true, force: true });
          void (scratch?.drop() ?? Promise.resolve()).finally(() => resolveExit(code));
        });
        child.kill('SIGTERM');
      }),
  };
}
