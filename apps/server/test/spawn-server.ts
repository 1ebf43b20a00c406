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
  /** The HTTP address (answers only when the process runs the api role). */
  url: string;
  smtpPort: number;
  dataDir: string;
  process: ChildProcess;
  /**
   * What another process of the same installation needs to share its database and queues:
   * pass it as `env` to `spawnServer` (e.g. with `SANAD_ROLES: 'worker'`).
   */
  installation: Record<string, string>;
  output(): string;
  /** SIGTERM, then the exit code (null when it was killed by a signal, also earlier). */
  stop(): Promise<number | null>;
}

/** Whether SANAD_ROLES (all roles when unset) includes the api. */
function servesHttp(roles: string | undefined): boolean {
  return roles === undefined || roles.split(',').some((role) => role.trim() === 'api');
}

/**
 * The built server (`npm run build`), as a real child process, on the test database. It is
 * ready when /ready answers, or, without the api role, when it logs that it is running.
 */
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
  const http = servesHttp(env.SANAD_ROLES);
  // Without Redis each server broadcasts only to its own sockets, so servers of test files running
  // side by side must not share a database (one would relay the other's events to nobody).
  const scratch =
    redisUrl || env.DATABASE_URL || options.embedded ? null : await createScratchDatabase();
  const installation: Record<string, string> = {
    ...(options.embedded ? {} : { DATABASE_URL: scratch?.url ?? testDatabaseUrl() }),
    ...(redisUrl
      ? { REDIS_URL: redisUrl, REDIS_PREFIX: `e${randomBytes(4).toString('hex')}` }
      : {}),
  };
  let log = '';
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      SMTP_PORT: String(smtpPort),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      // The "running" line is what says a process without HTTP is ready.
      LOG_LEVEL: http ? 'warn' : 'info',
      APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-01',
      SANAD_ALLOW_SIGNUP: 'true',
      LOGIN_RATE_LIMIT: '1000',
      WEB_DIST_DIR: resolve('apps/web/dist'),
      ...installation,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX'])
    if (env[key] !== undefined) installation[key] = env[key];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const ready = http
    ? () =>
        fetch(`${url}/ready`)
          .then((r) => r.ok)
          .catch(() => false)
    : () => Promise.resolve(/"msg":"Sanad is running/.test(log));
  const deadline = Date.now() + (options.embedded ? 120_000 : 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    if (await ready()) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let stopping: Promise<number | null> | null = null;
  return {
    url,
    smtpPort,
    dataDir,
    process: child,
    installation,
    output: () => log,
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const code = await exited;
        rmSync(dataDir, { recursive: true, force: true });
        await scratch?.drop();
        return code;
      })()),
  };
}
