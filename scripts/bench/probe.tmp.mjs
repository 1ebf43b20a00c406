import { spawn } from 'node:child_process';
import pg from 'pg';
import { freePort, signup } from './server.mjs';
import nodemailer from 'nodemailer';
const port = await freePort(),
  smtpPort = await freePort();
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS sanad_probe WITH (FORCE)');
await admin.query('CREATE DATABASE sanad_probe');
const env = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  SANAD_ROLES: 'api,worker,mail',
  HOST: '127.0.0.1',
  PORT: String(port),
  SMTP_PORT: String(smtpPort),
  LOG_LEVEL: 'warn',
  SANAD_ALLOW_SIGNUP: 'true',
  APP_SECRET: 'x'.repeat(40),
  INBOUND_DOMAIN: 'bench.sanad.test',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sanad_probe',
  DATA_DIR: '/tmp/probe-data',
  SMTP_MESSAGES_PER_MINUTE_PER_IP: '100000',
  SMTP_MAX_CONNECTIONS_PER_IP: '100',
};
const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
child.stdout.on('data', (c) => (out += c));
child.stderr.on('data', (c) => (out += c));
const base = `http://127.0.0.1:${port}`;
while (
  !(await fetch(`${base}/ready`)
    .then((r) => r.ok)
    .catch(() => false))
)
  await new Promise((r) => setTimeout(r, 200));
const { headers } = await signup(base, 'probe');
const boxes = await (await fetch(`${base}/api/v1/mailboxes`, { headers })).json();
const inbox = boxes.items.find((m) => m.kind === 'inbox');
const to = (await (await fetch(`${base}/api/v1/mailboxes/${inbox.id}/email`, { headers })).json())
  .inboundAddress;
const t = nodemailer.createTransport({
  host: '127.0.0.1',
  port: smtpPort,
  secure: false,
  ignoreTLS: true,
  pool: true,
  maxConnections: 20,
});
const t0 = Date.now();
await Promise.all(
  Array.from({ length: 400 }, (_, i) =>
    t.sendMail({
      from: `c${i}@example.com`,
      to,
      subject: `probe ${i}`,
      text: 'hello '.repeat(800),
    }),
  ),
);
console.log('sent 400 in', Date.now() - t0, 'ms');
const waits = new Map();
const db = new pg.Client({ connectionString: env.DATABASE_URL });
await db.connect();
for (let k = 0; k < 600; k++) {
  const r = await db.query(
    `SELECT count(*) FILTER (WHERE status='pending')::int p FROM inbound_emails`,
  );
  const a = await admin.query(
    `SELECT state, wait_event_type, wait_event, left(query, 60) q FROM pg_stat_activity WHERE datname = 'sanad_probe' AND pid <> pg_backend_pid() AND state <> 'idle'`,
  );
  for (const row of a.rows) {
    const key = `${row.state}|${row.wait_event_type}|${row.wait_event}|${row.q}`;
    waits.set(key, (waits.get(key) ?? 0) + 1);
  }
  if (!r.rows[0].p) break;
  await new Promise((r) => setTimeout(r, 50));
}
console.log('processed after', Date.now() - t0, 'ms');
console.log(
  [...waits.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([k, v]) => `${v} ${k}`)
    .join('\n'),
);
const idle = await admin.query(`SELECT count(*) FROM pg_stat_activity WHERE datname='sanad_probe'`);
console.log('connections', idle.rows[0]);
await db.end();
await admin.end();
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
