// npm run bench:smtp [-- --clients 20 --messages 5000 --mix 70,25,5 --rate 0 --concurrency 0]
// N concurrent SMTP clients send a mix of 5 KB text, 50 KB HTML and 500 KB mails with an
// attachment to Sanad's SMTP ingress (durable commits in PostgreSQL before every 250). Prints
// accepted messages/s, final dot → 250 latency, 250 → conversation visible over the API, the
// count check (nothing accepted is lost), and the same load against a bare smtp-server +
// mailparser sink measured in the same run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';
import { flags, freePort, machine, percentiles, signup, startServer } from './server.mjs';

const opts = flags({
  clients: 20,
  messages: 5000,
  mix: '70,25,5',
  sample: 25,
  roles: 'api,worker,mail',
  // WORKER_CONCURRENCY of the server (0 = its default).
  concurrency: 0,
  // Messages per second for the whole run (0 = as fast as the clients go): a steady load below
  // the worker's rate shows the 250 → visible latency without a backlog.
  rate: 0,
});
const mix = opts.mix.split(',').map(Number);
const DOMAIN = 'bench.sanad.test';

/** One persistent SMTP connection, driven by hand so the final dot → reply time is exact. */
class RawSmtp {
  constructor(port) {
    this.port = port;
    this.buffer = '';
    this.waiting = null;
  }

  async open() {
    this.socket = connect(this.port, '127.0.0.1');
    // Without this, Nagle holds the final dot behind the body until the ACK (~40 ms each).
    this.socket.setNoDelay(true);
    this.socket.setEncoding('utf8');
    this.socket.on('data', (chunk) => {
      this.buffer += chunk;
      this.flush();
    });
    await this.reply();
    await this.command('EHLO bench.client');
  }

  flush() {
    const match = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.buffer);
    if (!match || !this.waiting) return;
    const end = match.index + match[0].length;
    const line = this.buffer.slice(0, end).split('\r\n').filter(Boolean).at(-1);
    this.buffer = this.buffer.slice(end);
    const waiting = this.waiting;
    this.waiting = null;
    waiting(line);
  }

  reply() {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.flush();
    });
  }

  async command(line) {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  /** Sends one message; resolves with the final reply and the ms from the final dot to it. */
  async send(from, to, data) {
    for (const [line, code] of [
      [`MAIL FROM:<${from}>`, '250'],
      [`RCPT TO:<${to}>`, '250'],
      ['DATA', '354'],
    ]) {
      const answer = await this.command(line);
      if (!answer.startsWith(code)) return { answer, ms: 0 };
    }
    this.socket.write(data);
    const started = performance.now();
    const answer = await this.command('.');
    return { answer, ms: performance.now() - started };
  }

  close() {
    this.socket?.end('QUIT\r\n');
  }
}

const filler = (bytes) => {
  const line =
    'مرحباً، أكتب إليكم بخصوص طلبي الأخير الذي لم يصل بعد. Hello, I am writing about my last order.\r\n';
  return line.repeat(Math.ceil(bytes / Buffer.byteLength(line))).slice(0, bytes);
};

/** The three kinds of mail, built once; each send fills in its own Message-ID and subject. */
const kinds = [
  (id, subject) =>
    `From: customer${id % 97}@example.com\r\nTo: inbox@${DOMAIN}\r\nSubject: ${subject}\r\nMessage-ID: <${id}.${RUN}@bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${TEXT_5K}\r\n`,
  (id, subject) =>
    `From: customer${id % 97}@example.com\r\nTo: inbox@${DOMAIN}\r\nSubject: ${subject}\r\nMessage-ID: <${id}.${RUN}@bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="alt"\r\n\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${TEXT_5K}\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${HTML_50K}\r\n--alt--\r\n`,
  (id, subject) =>
    `From: customer${id % 97}@example.com\r\nTo: inbox@${DOMAIN}\r\nSubject: ${subject}\r\nMessage-ID: <${id}.${RUN}@bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="mix"\r\n\r\n--mix\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${TEXT_5K}\r\n--mix\r\nContent-Type: application/pdf; name="invoice.pdf"\r\nContent-Disposition: attachment; filename="invoice.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${ATTACHMENT}\r\n--mix--\r\n`,
];
const RUN = randomBytes(4).toString('hex');
const TEXT_5K = filler(5 * 1024);
const HTML_50K = `<html><body dir="rtl">${'<p>مرحباً، <b>طلبي</b> لم يصل. <a href="https://shop.example/o/1">تتبع الطلب</a></p><table><tr><td>منتج</td><td>1</td></tr></table>'.repeat(330)}</body></html>`;
const ATTACHMENT = randomBytes(360 * 1024)
  .toString('base64')
  .replace(/.{76}/g, '$&\r\n');

function kindOf(i) {
  const slot = i % mix.reduce((a, b) => a + b, 0);
  return slot < mix[0] ? 0 : slot < mix[0] + mix[1] ? 1 : 2;
}

/** Runs the load against an SMTP port; returns per-message results in send order. */
async function load(port, to, onAccepted = () => undefined) {
  const results = new Array(opts.messages);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.clients }, async () => {
      const client = new RawSmtp(port);
      await client.open();
      for (;;) {
        const i = next++;
        if (i >= opts.messages) break;
        if (opts.rate > 0) {
          const due = started + (i * 1000) / opts.rate - performance.now();
          if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
        }
        const subject = `bench ${RUN} m${i}`;
        const { answer, ms } = await client.send(
          `customer${i % 97}@example.com`,
          to,
          kinds[kindOf(i)](i, subject),
        );
        results[i] = { ok: answer.startsWith('250'), ms, answer, at: performance.now() };
        if (results[i].ok) onAccepted(i, subject, results[i].at);
      }
      client.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const accepted = results.filter((r) => r.ok);
  return {
    seconds,
    accepted: accepted.length,
    rate: accepted.length / seconds,
    latency: percentiles(accepted.map((r) => r.ms)),
    refused: results.filter((r) => !r.ok).map((r) => r.answer),
  };
}

// 1. The bare sink, same clients, same mail.
const sinkPort = await freePort();
const sink = spawn(process.execPath, ['scripts/bench/smtp-sink.mjs', String(sinkPort)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => sink.stdout.once('data', resolve));
const bare = await load(sinkPort, `inbox@${DOMAIN}`);
sink.kill('SIGTERM');

// 2. Sanad: SMTP ingress, worker and API in one process, as `npm start` runs it.
const roles = opts.roles;
const smtpPort = await freePort();
const server = await startServer('smtp', {
  SANAD_ROLES: roles,
  SMTP_PORT: String(smtpPort),
  INBOUND_DOMAIN: DOMAIN,
  SMTP_MESSAGES_PER_MINUTE_PER_IP: '1000000',
  SMTP_MAX_CONNECTIONS_PER_IP: String(opts.clients + 10),
  ...(opts.concurrency ? { WORKER_CONCURRENCY: String(opts.concurrency) } : {}),
});
const db = new pg.Client({ connectionString: server.databaseUrl });
try {
  await db.connect();
  const { headers } = await signup(server.base, 'smtp');
  const boxes = await (await fetch(`${server.base}/api/v1/mailboxes`, { headers })).json();
  const inbox = boxes.items.find((m) => m.kind === 'inbox');
  const settings = await (
    await fetch(`${server.base}/api/v1/mailboxes/${inbox.id}/email`, { headers })
  ).json();
  const to = settings.inboundAddress;

  // Every `sample`-th accepted message is looked for by one poller reading the newest
  // conversations over the API every 50 ms (light enough not to slow what it measures).
  const waiting = new Map();
  const visible = [];
  let polling = true;
  const poller = (async () => {
    while (polling || waiting.size > 0) {
      if (waiting.size > 0) {
        const page = await (
          await fetch(`${server.base}/api/v1/conversations?view=all&limit=100`, { headers })
        ).json();
        const now = performance.now();
        for (const c of page.items ?? []) {
          const acceptedAt = waiting.get(c.subject);
          if (acceptedAt === undefined) continue;
          visible.push(now - acceptedAt);
          waiting.delete(c.subject);
        }
        for (const [subject, acceptedAt] of waiting)
          if (now - acceptedAt > 300_000) waiting.delete(subject);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const watch = (i, subject, acceptedAt) => {
    if (i % opts.sample === 0) waiting.set(subject, acceptedAt);
  };
  const sanad = await load(smtpPort, to, watch);
  const durability = (await db.query('SHOW synchronous_commit')).rows[0].synchronous_commit;
  const sizes = [5, 50, 500];
  console.log(
    `\nSanad bench:smtp — ${machine()}; ${server.mode}; synchronous_commit=${durability}; roles ${roles}`,
  );
  console.log(
    `${opts.clients} clients × ${opts.messages} messages${opts.rate > 0 ? ` at ${opts.rate} msg/s` : ''}, mix ${mix.map((m, k) => `${m}% ${sizes[k]} KB`).join(' / ')}\n`,
  );
  const row = (name, r) =>
    console.log(
      `${name.padEnd(34)} ${r.rate.toFixed(1).padStart(8)} msg/s   dot→250 p50 ${r.latency.p50.toFixed(1).padStart(6)} ms  p99 ${r.latency.p99.toFixed(1).padStart(7)} ms   (${r.accepted} accepted in ${r.seconds.toFixed(1)} s)`,
    );
  row('bare smtp-server + mailparser', bare);
  row('Sanad (stored in PostgreSQL)', sanad);
  console.log(`ratio Sanad / bare                 ${(sanad.rate / bare.rate).toFixed(2)}×`);
  polling = false;
  if (!roles.split(',').includes('worker')) waiting.clear();
  await poller;
  if (!roles.split(',').includes('worker')) {
    // Ingress alone: nothing processes the stored mail, so only the stored count is checked.
    const stored = (await db.query('SELECT count(*)::int AS n FROM inbound_emails')).rows[0].n;
    console.log(
      `count check: 250 ${sanad.accepted}, stored ${stored}, lost ${sanad.accepted - stored}`,
    );
  } else {
    // The count check: every 250 is a stored raw message and, once processed, a conversation.
    const deadline = Date.now() + 300_000;
    let counts;
    for (;;) {
      const rows = await db.query(
        `SELECT count(*)::int AS stored, count(*) FILTER (WHERE status = 'processed')::int AS processed,
              count(*) FILTER (WHERE status = 'pending')::int AS pending FROM inbound_emails`,
      );
      counts = rows.rows[0];
      if (counts.pending === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const span = (
      await db.query(
        `SELECT extract(epoch FROM max(processed_at) - min(created_at)) AS seconds FROM inbound_emails`,
      )
    ).rows[0].seconds;
    const conversations = (
      await db.query(`SELECT count(*)::int AS n FROM conversations WHERE channel = 'email'`)
    ).rows[0].n;

    const v = percentiles(visible);
    console.log(
      `250 → conversation visible (API)   p50 ${v.p50.toFixed(0)} ms  p95 ${v.p95.toFixed(0)} ms  p99 ${v.p99.toFixed(0)} ms  (${visible.length} sampled)`,
    );
    console.log(
      `processing (worker)                ${(counts.processed / span).toFixed(1)} msg/s from first stored to last processed`,
    );
    console.log(
      `count check: sent ${opts.messages}, 250 ${sanad.accepted}, stored ${counts.stored}, processed ${counts.processed}, conversations ${conversations}, lost ${sanad.accepted - counts.stored}`,
    );
  }
  if (sanad.refused.length) console.log(`refused: ${[...new Set(sanad.refused)].join(' | ')}`);
} finally {
  await db.end().catch(() => undefined);
  await server.stop();
}
