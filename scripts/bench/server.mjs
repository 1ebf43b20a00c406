// Shared by the benchmarks: start the built server as a child process on a fresh database
// (a new database on DATABASE_URL's server, or embedded PostgreSQL), and stop it cleanly.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const ENTRY = 'dist/apps/server/src/main.js';

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Parses `--name value` flags. */
export function flags(defaults) {
  const out = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const key = argv[i].slice(2);
    const value = argv[i + 1];
    out[key] = typeof defaults[key] === 'number' ? Number(value) : value;
    i++;
  }
  return out;
}

/**
 * `reuse.databaseUrl` starts on a database another server of this run seeded (left in place by
 * its `stop({ keepDb: true })`), or shares one with a server still running; `reuse.http: false`
 * does not wait for /ready (a process without the api role).
 */
export async function startServer(name, extraEnv = {}, reuse = {}) {
  if (!existsSync(ENTRY)) {
    console.error(`${ENTRY} is missing: run "npm run build:server" first`);
    process.exit(1);
  }
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    SANAD_ROLES: 'api,worker',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SANAD_ALLOW_SIGNUP: 'true',
    LOGIN_RATE_LIMIT: '100000',
    APP_SECRET: randomBytes(36).toString('base64url'),
    ...extraEnv,
  };
  let cleanupDb = async () => undefined;
  let dataDir = null;
  let databaseUrl;
  if (reuse.databaseUrl) {
    databaseUrl = env.DATABASE_URL = reuse.databaseUrl;
    cleanupDb = reuse.cleanup ?? cleanupDb;
  } else if (process.env.DATABASE_URL) {
    const db = `sanad_${name}_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${db}`;
    databaseUrl = env.DATABASE_URL = url.toString();
    // BENCH_KEEP_DB=1 leaves the seeded database for EXPLAIN sessions (dropped by hand).
    cleanupDb = async () => {
      if (process.env.BENCH_KEEP_DB) return console.log(`kept database ${url}`);
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await client.end();
    };
  } else {
    dataDir = mkdtempSync(join(os.tmpdir(), `sanad-${name}-`));
    env.DATA_DIR = dataDir;
    env.EMBEDDED_PG_PORT = String(await freePort());
    databaseUrl = `postgresql://sanad:sanad-embedded@127.0.0.1:${env.EMBEDDED_PG_PORT}/sanad`;
  }
  if (process.env.REDIS_URL) {
    env.REDIS_URL = process.env.REDIS_URL;
    env.REDIS_PREFIX = extraEnv.REDIS_PREFIX ?? `${name}${process.pid}`;
  }
  // SANAD_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.SANAD_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ENTRY], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  // A process without the api role serves no HTTP: its caller knows when it works.
  while (
    reuse.http !== false &&
    !(await fetch(`${base}/ready`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`server not ready after 120 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    databaseUrl,
    /** What the server wrote to stderr so far (warnings under load tell why it is slow). */
    stderr: () => stderr,
    pid: child.pid,
    mode: `${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}, ${process.env.REDIS_URL ? 'Bull on Redis' : 'in-process queue'}`,
    /** `keepDb`: leave the database for a next server (which then drops it). */
    cleanup: () => cleanupDb(),
    async stop({ keepDb = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (keepDb) return;
      await cleanupDb().catch(() => undefined);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A workspace owner with a cookie session and the CSRF header. */
export async function signup(base, label) {
  const response = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      workspaceName: label,
      name: 'Bench Owner',
      email: `${label}-${process.pid}-${Date.now()}@example.test`,
      password: 'bench-password-2026',
      language: 'ar',
    }),
  });
  if (response.status !== 201)
    throw new Error(`signup answered ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('sanad_csrf='))?.split('=')[1] ?? '';
  return {
    me: await response.json(),
    headers: {
      cookie: cookies.join('; '),
      'x-csrf-token': csrf,
      'content-type': 'application/json',
    },
  };
}

export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, Node ${process.version}`;
}
