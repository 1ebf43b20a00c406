// Smoke test of the one-command path: `npm start` with no DATABASE_URL and no REDIS_URL starts
// embedded PostgreSQL and the in-process queue; log in; stop; start again on the same data.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const portOpen = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const dataDir = mkdtempSync(join(tmpdir(), 'sanad-smoke-'));
const [port, smtpPort, pgPort] = [await freePort(), await freePort(), await freePort()];
const env = { ...process.env };
delete env.DATABASE_URL;
delete env.REDIS_URL;
Object.assign(env, {
  PORT: String(port),
  SMTP_PORT: String(smtpPort),
  EMBEDDED_PG_PORT: String(pgPort),
  DATA_DIR: dataDir,
  SANAD_ADMIN_EMAIL: 'owner@smoke.test',
  SANAD_ADMIN_PASSWORD: 'smoke-test-password-1',
  LOG_LEVEL: 'info',
});
const base = `http://127.0.0.1:${port}`;

async function runOnce(label) {
  // Its own process group, signalled as a terminal's Ctrl+C would signal `npm start`.
  const child = spawn('npm', ['start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (c) => (log += c));
  child.stderr.on('data', (c) => (log += c));
  const fail = (message) => {
    console.error(log);
    process.kill(-child.pid, 'SIGKILL');
    throw new Error(`${label}: ${message}`);
  };
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${base}/ready`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (child.exitCode !== null) fail(`exited with ${child.exitCode}`);
    if (Date.now() > deadline) fail('not ready after 120 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  const ready = await (await fetch(`${base}/ready`)).json();
  if (ready.queueDriver !== 'in-process')
    fail(`expected the in-process queue, got ${ready.queueDriver}`);
  if (!/embedded PostgreSQL/.test(log)) fail('the log does not say embedded PostgreSQL is used');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@smoke.test', password: 'smoke-test-password-1' }),
  });
  if (login.status !== 200) fail(`login answered ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
  if (me.status !== 200) fail(`/me answered ${me.status}`);
  const page = await fetch(`${base}/`);
  if (page.status !== 200 || !(await page.text()).includes('<div id="app"'))
    fail('the SPA is not served at /');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGINT');
  const code = await exited;
  if (code !== 0 && code !== null && code !== 130) fail(`exit code ${code}`);
  await new Promise((r) => setTimeout(r, 500));
  if (await portOpen(pgPort)) fail('embedded PostgreSQL is still running after stop');
  console.log(`smoke ${label}: started on embedded PostgreSQL, logged in, stopped cleanly`);
}

try {
  await runOnce('first start');
  await runOnce('second start (same data)');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
