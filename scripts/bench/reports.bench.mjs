// npm run bench:reports [-- --conversations 1000000 --messages 5 --iterations 20 --reuse <url>]
// Seeds one workspace with N conversations (N × messages messages, a third closed with their
// timeline entry) spread over 400 days straight into PostgreSQL, lets a fresh server derive the
// report facts (the backfill, timed), then times the dashboard and every report for each preset
// and a one-year custom range over HTTP, next to bare SQL of the same headline numbers, the time
// from a change to the dashboard showing it, and a report's PDF; after the backfill it waits for
// the worker to fold the rollups. Needs DATABASE_URL (the seeded
// database is handed from one server to the next).
import pg from 'pg';
import { flags, machine, percentiles, signup, startServer } from './server.mjs';

const opts = flags({ conversations: 1_000_000, messages: 5, iterations: 20 });
if (!process.env.DATABASE_URL) {
  console.error(
    'bench:reports needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
  );
  process.exit(1);
}
const DAYS = 400;
const ms = (n) => Math.round(n * 10) / 10;
const time = async (run) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

// --reuse <database url> measures again on a database an earlier run kept (BENCH_KEEP_DB=1),
// without seeding or deriving: the server still runs any new migration on it first.
const reuse = typeof opts.reuse === 'string' ? opts.reuse : null;
const first = await startServer('reports', {}, reuse ? { databaseUrl: reuse } : {});
let server = first;
const db = new pg.Client({ connectionString: first.databaseUrl });
try {
  await db.connect();
  let me;
  let backfillLine;
  if (reuse) {
    const { rows } = await db.query(
      `SELECT w.id AS workspace, u.email FROM report_conversations c
         JOIN workspaces w ON w.id = c.workspace_id
         JOIN users u ON u.workspace_id = w.id AND u.role = 'owner' LIMIT 1`,
    );
    me = { workspace: { id: rows[0].workspace }, user: { email: rows[0].email } };
    backfillLine = 'facts reused from an earlier run';
  } else {
    const signed = await signup(first.base, 'reports');
    me = signed.me;
    const ws = me.workspace.id;
    const mailboxes = await (
      await fetch(`${first.base}/api/v1/mailboxes`, { headers: signed.headers })
    ).json();
    const inbox = mailboxes.items.find((m) => m.kind === 'inbox').id;
    await seed(ws, me.user.id, inbox);
    await db.query(`UPDATE report_backfill SET after_id = NULL, finished_at = NULL`);
    await first.stop({ keepDb: true });

    // A new server derives every conversation's facts on start (the worker's backfill).
    const started = Date.now();
    server = await startServer(
      'reports',
      {},
      { databaseUrl: first.databaseUrl, cleanup: first.cleanup },
    );
    for (;;) {
      const { rows } = await db.query(`SELECT finished_at FROM report_backfill`);
      if (rows[0].finished_at) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const backfillSeconds = (Date.now() - started) / 1000;
    // The backfill appends rollup rows page by page; the worker folds them within a minute or
    // two (housekeeping), as it would after an upgrade on a live system.
    const folding = Date.now();
    for (;;) {
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM report_hours WHERE NOT compacted)
              + (SELECT count(*) FROM report_durations WHERE NOT compacted)
              + (SELECT count(*) FROM report_open WHERE NOT compacted) AS n`,
      );
      if (Number(rows[0].n) === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    backfillLine = `derived in ${backfillSeconds.toFixed(0)} s (${Math.round(opts.conversations / backfillSeconds).toLocaleString('en')}/s), rollups folded ${((Date.now() - folding) / 1000).toFixed(0)} s later`;
  }
  const ws = me.workspace.id;
  const { rows: factRows } = await db.query(
    `SELECT count(*)::int AS n FROM report_conversations WHERE workspace_id = $1`,
    [ws],
  );
  // What autovacuum does on a live system: statistics, and the visibility map (index-only scans).
  await db.query('VACUUM ANALYZE');
  const login = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: me.user.email, password: 'bench-password-2026' }),
  });
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const auth = { cookie: cookies.join('; ') };

  console.log(`\nbench:reports — ${machine()}, ${server.mode}`);
  console.log(
    `${factRows[0].n.toLocaleString('en')} conversations over ${DAYS} days; facts ${backfillLine}\n`,
  );

  const today = new Date();
  const yearAgo = new Date(today.getTime() - 364 * 86_400_000);
  const day = (d) => d.toISOString().slice(0, 10);
  const ranges = [
    ['today', 'preset=today'],
    ['week', 'preset=week'],
    ['month', 'preset=month'],
    ['year', 'preset=year'],
    ['custom 1 year', `from=${day(yearAgo)}&to=${day(today)}`],
  ];
  const reports = ['dashboard', 'conversations', 'agents', 'contacts', 'satisfaction'];
  const rows = [];
  for (const report of reports)
    for (const [label, query] of ranges) {
      const samples = [];
      const url = `${server.base}/api/v1/reports/${report}?${query}`;
      const warm = await fetch(url, { headers: auth });
      if (!warm.ok) throw new Error(`${url} answered ${warm.status}: ${await warm.text()}`);
      await warm.arrayBuffer();
      for (let i = 0; i < opts.iterations; i++)
        samples.push(await time(async () => (await fetch(url, { headers: auth })).arrayBuffer()));
      rows.push({ report, label, ...percentiles(samples) });
    }

  // Bare SQL: the dashboard's headline numbers for the year, hand-written over the facts, on a
  // pool of four like the server's parallel statements.
  const bareDb = new pg.Pool({ connectionString: first.databaseUrl, max: 4 });
  const from = new Date(today.getTime() - 365 * 86_400_000);
  const bare = [];
  for (let i = 0; i < opts.iterations; i++)
    bare.push(
      await time(() =>
        Promise.all([
          bareDb.query(
            `SELECT count(*) FROM report_conversations WHERE workspace_id = $1 AND NOT excluded AND status <> 'closed'`,
            [ws],
          ),
          bareDb.query(
            `SELECT count(DISTINCT conversation_id) FROM report_status_changes WHERE workspace_id = $1 AND kind = 'closed' AND at >= $2`,
            [ws, from],
          ),
          bareDb.query(
            `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_seconds) FROM report_conversations
              WHERE workspace_id = $1 AND NOT excluded AND first_response_at >= $2`,
            [ws, from],
          ),
          bareDb.query(
            `SELECT date_trunc('week', started_at AT TIME ZONE 'Asia/Riyadh'), count(*) FROM report_conversations
              WHERE workspace_id = $1 AND NOT excluded AND started_at >= $2 GROUP BY 1`,
            [ws, from],
          ),
        ]),
      ),
    );
  const bareYear = percentiles(bare);
  await bareDb.end();

  console.log('report          range           p50 ms   p95 ms   p99 ms');
  for (const r of rows)
    console.log(
      `${r.report.padEnd(15)} ${r.label.padEnd(15)} ${String(ms(r.p50)).padStart(7)}  ${String(ms(r.p95)).padStart(7)}  ${String(ms(r.p99)).padStart(7)}`,
    );
  const dashYear = rows.find((r) => r.report === 'dashboard' && r.label === 'year');
  console.log(
    `\nbare SQL, the dashboard's headline numbers for a year (4 statements on 4 connections): p50 ${ms(bareYear.p50)} ms, p95 ${ms(bareYear.p95)} ms — dashboard (year) p95 is ${(dashYear.p95 / bareYear.p95).toFixed(2)}× that`,
  );

  // Freshness: a new conversation over the API, until today's dashboard counts it.
  const fresh = [];
  const ongoing = async () =>
    (
      await (
        await fetch(`${server.base}/api/v1/reports/dashboard?preset=today`, { headers: auth })
      ).json()
    ).ongoing.value;
  const csrf = cookies.find((c) => c.startsWith('sanad_csrf='))?.split('=')[1] ?? '';
  for (let i = 0; i < 10; i++) {
    const before = await ongoing();
    const startedAt = performance.now();
    const created = await fetch(`${server.base}/api/v1/conversations`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({
        contact: { email: `fresh${i}-${process.pid}@example.test` },
        subject: 'سؤال',
        text: 'مرحباً',
      }),
    });
    if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    while ((await ongoing()) === before) await new Promise((r) => setTimeout(r, 20));
    fresh.push(performance.now() - startedAt);
  }
  const f = percentiles(fresh);
  console.log(`freshness (create → dashboard shows it): p50 ${ms(f.p50)} ms, p95 ${ms(f.p95)} ms`);

  const pdfs = [];
  for (let i = 0; i < 5; i++) {
    pdfs.push(
      await time(async () => {
        const r = await fetch(
          `${server.base}/api/v1/reports/conversations/export.pdf?preset=year`,
          {
            headers: auth,
          },
        );
        if (!r.ok) throw new Error(`pdf answered ${r.status}: ${await r.text()}`);
        await r.arrayBuffer();
      }),
    );
  }
  const p = percentiles(pdfs);
  console.log(
    `PDF of the conversations report (year): p50 ${ms(p.p50)} ms, max ${ms(Math.max(...pdfs))} ms (first includes starting Chromium)`,
  );
  const over = rows.filter((r) => (r.report === 'dashboard' ? r.p95 > 100 : r.p95 > 300));
  console.log(
    over.length === 0
      ? 'targets: dashboard p95 ≤ 100 ms and every report p95 ≤ 300 ms — met'
      : `targets missed: ${over.map((r) => `${r.report} ${r.label} p95 ${ms(r.p95)} ms`).join('; ')}`,
  );
} finally {
  await db.end().catch(() => undefined);
  await server.stop();
}

async function seed(ws, owner, inbox) {
  const started = Date.now();
  const contacts = Math.max(1, Math.floor(opts.conversations / 10));
  const spacing = (DAYS * 86_400) / opts.conversations; // seconds between conversations
  await db.query('SET synchronous_commit = off');
  await db.query('ALTER TABLE conversations DISABLE TRIGGER conversations_count');
  await db.query(
    `INSERT INTO contacts (id, workspace_id, name, emails)
     SELECT md5('c' || g)::uuid, $1, 'عميل ' || g, ARRAY['customer' || g || '@example.test'] FROM generate_series(1, $2) g`,
    [ws, contacts],
  );
  const chunk = 50_000;
  for (let from = 1; from <= opts.conversations; from += chunk) {
    const to = Math.min(opts.conversations, from + chunk - 1);
    // Conversation g started g × spacing seconds ago; message k comes k × 7 minutes later
    // (odd k from the customer, even k an agent's reply); one in three is closed after the last.
    await db.query(
      `INSERT INTO conversations (id, workspace_id, number, subject, status, channel, mailbox_id, contact_id, assignee_id,
                                  last_public_from, last_message_at, created_at)
       SELECT md5('v' || g)::uuid, $1, g, 'سؤال ' || g, CASE WHEN g % 3 = 0 THEN 'closed' ELSE 'open' END, 'api', $3,
              md5('c' || (1 + g % $4))::uuid, CASE WHEN g % 2 = 0 THEN $2::uuid END, 'user',
              now() - ((g * $5::float8) || ' seconds')::interval + interval '1 hour',
              now() - ((g * $5::float8) || ' seconds')::interval
       FROM generate_series($6::int, $7::int) g`,
      [ws, owner, inbox, contacts, spacing, from, to],
    );
    await db.query(
      `INSERT INTO messages (id, workspace_id, conversation_id, kind, author_type, author_user_id, author_contact_id, body_text, created_at)
       SELECT md5('m' || g || '-' || k)::uuid, $1, md5('v' || g)::uuid, 'reply',
              CASE WHEN k % 2 = 1 THEN 'contact' ELSE 'user' END, CASE WHEN k % 2 = 0 THEN $2::uuid END,
              CASE WHEN k % 2 = 1 THEN md5('c' || (1 + g % $3))::uuid END, 'رسالة',
              now() - ((g * $4::float8) || ' seconds')::interval + ((k - 1) * (7 + g % 50) || ' minutes')::interval
       FROM generate_series($5::int, $6::int) g, generate_series(1, $7::int) k`,
      [ws, owner, contacts, spacing, from, to, opts.messages],
    );
    await db.query(
      `INSERT INTO messages (id, workspace_id, conversation_id, kind, author_type, author_user_id, data, created_at)
       SELECT md5('s' || g)::uuid, $1, md5('v' || g)::uuid, 'activity', 'user', $2::uuid,
              '{"action":"status","from":"open","to":"closed"}'::jsonb,
              now() - ((g * $3::float8) || ' seconds')::interval + interval '2 hours'
       FROM generate_series($4::int, $5::int) g WHERE g % 3 = 0`,
      [ws, owner, spacing, from, to],
    );
    process.stdout.write(
      `\rseeded ${to.toLocaleString('en')} / ${opts.conversations.toLocaleString('en')} conversations (${Math.round((Date.now() - started) / 1000)} s)`,
    );
  }
  await db.query(
    `INSERT INTO conversation_numbers (workspace_id, last_number) VALUES ($1, $2::int)
     ON CONFLICT (workspace_id) DO UPDATE SET last_number = $2::int`,
    [ws, opts.conversations],
  );
  await db.query('ALTER TABLE conversations ENABLE TRIGGER conversations_count');
  await db.query('ANALYZE');
  console.log('');
}
