// npm run bench:api [-- --duration 10 --concurrency 32]
// Requests/s and latency of GET /api/v1/me (logged-in session) and GET /health on the real
// server, next to a bare node:http server answering the same JSON, all in one run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map((pair) => pair.trim().split(/\s+/)),
);
const DURATION_S = Number(args.duration ?? 10);
const WARMUP_S = Math.min(2, DURATION_S);
const CONCURRENCY = Number(args.concurrency ?? 32);
const ENTRY = 'dist/apps/api/src/main.js';

if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run "npm run build:server" first`);
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// --- the real server, as a child process ---------------------------------------------------
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
};
let dropDatabase = async () => undefined;
let dataDir = null;
if (process.env.DATABASE_URL) {
  const name = `sanad_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
} else {
  dataDir = mkdtempSync(join(os.tmpdir(), 'sanad-bench-'));
  env.DATA_DIR = dataDir;
  env.EMBEDDED_PG_PORT = String(await freePort());
}
if (process.env.REDIS_URL) {
  env.REDIS_URL = process.env.REDIS_URL;
  env.REDIS_PREFIX = `bench${process.pid}`;
}

const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => (stderr += chunk));
const base = `http://127.0.0.1:${port}`;

async function cleanup() {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await dropDatabase().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

try {
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${base}/ready`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`server not ready after 120 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  // --- a logged-in agent --------------------------------------------------------------------
  const signup = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      workspaceName: 'Bench',
      name: 'Bench Owner',
      email: `bench-${process.pid}@example.test`,
      password: 'bench-password-2026',
      language: 'ar',
    }),
  });
  if (signup.status !== 201)
    throw new Error(`signup answered ${signup.status}: ${await signup.text()}`);
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const meBody = await (await fetch(`${base}/api/v1/me`, { headers: { cookie } })).text();

  // --- the bare baseline: same JSON from node:http -------------------------------------------
  const bare = http.createServer((req, res) => {
    if (req.url === '/me') {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(meBody),
      });
      res.end(meBody);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${bare.address().port}`;

  const targets = [
    { name: 'GET /api/v1/me (session)', url: `${base}/api/v1/me`, headers: { cookie } },
    { name: 'GET /health', url: `${base}/health`, headers: {} },
    { name: 'bare node:http /me', url: `${bareUrl}/me`, headers: {} },
  ];
  const results = [];
  for (const target of targets) {
    await load(target, WARMUP_S);
    results.push({ name: target.name, ...(await load(target, DURATION_S)) });
  }
  bare.close();

  // --- report -------------------------------------------------------------------------------
  const cpus = os.cpus();
  console.log(
    `\nSanad bench:api — ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, Node ${process.version}`,
  );
  console.log(
    `database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}; queue: ${process.env.REDIS_URL ? 'Bull on Redis' : 'in-process'}`,
  );
  console.log(
    `${CONCURRENCY} keep-alive connections, ${DURATION_S} s per target after ${WARMUP_S} s warm-up; the load generator shares a process with the bare server\n`,
  );
  const pad = (s, n) => String(s).padEnd(n);
  console.log(
    `${pad('target', 28)}${pad('requests', 10)}${pad('errors', 8)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}p99 ms`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.name, 28)}${pad(r.count, 10)}${pad(r.errors, 8)}${pad(r.rps.toFixed(0), 10)}${pad(r.p50.toFixed(2), 9)}${pad(r.p95.toFixed(2), 9)}${r.p99.toFixed(2)}`,
    );
  }
  const bareResult = results[2];
  console.log('\nratios against the bare server (throughput ×, latency × slower):');
  for (const r of results.slice(0, 2)) {
    console.log(
      `  ${pad(r.name, 26)} req/s ${(r.rps / bareResult.rps).toFixed(2)}×   p50 ${(r.p50 / bareResult.p50).toFixed(1)}×   p99 ${(r.p99 / bareResult.p99).toFixed(1)}×`,
    );
  }
} finally {
  await cleanup();
}

/** Closed loop: CONCURRENCY loops issue requests back to back for `seconds`. */
async function load(target, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  const once = () =>
    new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = http.get(target.url, { agent, headers: target.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode >= 200 && res.statusCode < 300)
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) await once();
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    count: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
  };
}
