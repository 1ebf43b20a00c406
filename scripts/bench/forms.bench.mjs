// npm run bench:forms [-- --duration 60 --concurrency 20 --files 0.25]
// Submissions/s and latency of POST /public/forms/:key/submissions on the real server: 20 clients
// posting for 60 s, a share of them with a file (multipart), the rest JSON. Then the count check
// (accepted = stored = conversations, none lost) and a bare node:http server taking the same
// POSTs (reading the body, answering 201) in the same run.
import http from 'node:http';
import pg from 'pg';
import { flags, machine, percentiles, signup, startServer } from './server.mjs';

const opts = flags({ duration: 60, concurrency: 20, files: 0.25 });
const server = await startServer('forms', {
  FORM_RATE_LIMIT_PER_IP: '1000000',
  FORM_RATE_LIMIT_PER_FORM: '100000000',
});
const pdf = Buffer.alloc(40 * 1024, 0x25);

try {
  const { headers } = await signup(server.base, 'forms');
  const api = (path, init = {}) =>
    fetch(`${server.base}/api/v1${path}`, { ...init, headers: { ...headers, ...init.headers } });
  const form = await (
    await api('/forms', { method: 'POST', body: JSON.stringify({ name: 'bench' }) })
  ).json();
  const draft = structuredClone(form.draft);
  draft.fields.push({
    ...draft.fields[2],
    key: 'invoice',
    type: 'file',
    required: false,
    label: { ar: 'الفاتورة', en: 'Invoice' },
    file: { maxFiles: 1, maxSizeMb: 1, accept: ['.pdf'] },
    mapTo: null,
  });
  await api(`/forms/${form.id}`, { method: 'PATCH', body: JSON.stringify({ draft }) });
  const live = await (
    await api(`/forms/${form.id}/publish`, { method: 'POST', body: '{}' })
  ).json();
  const url = new URL(`/public/forms/${live.key}/submissions`, server.base);

  const bare = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body =
        '{"id":"00000000-0000-4000-8000-000000000000","message":"شكراً","redirectUrl":null}';
      res.writeHead(201, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = new URL(`http://127.0.0.1:${bare.address().port}/submissions`);

  let n = 0;
  /** Statuses other than 201, to say why requests failed. */
  const statuses = new Map();
  const request = () => {
    n += 1;
    const values = {
      name: `عميل ${n}`,
      email: `c${n % 5000}@example.sa`,
      message: `رسالة رقم ${n} عن الطلب`,
    };
    if (Math.random() >= opts.files)
      return {
        body: Buffer.from(JSON.stringify({ values })),
        type: 'application/json',
        file: false,
      };
    const boundary = `----sanad${n}`;
    const parts = Object.entries(values).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const body = Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="invoice"; filename="invoice.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, type: `multipart/form-data; boundary=${boundary}`, file: true };
  };

  const run = async (target, seconds) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
    const lat = { json: [], file: [] };
    let errors = 0;
    const end = Date.now() + seconds * 1000;
    const started = process.hrtime.bigint();
    const once = () =>
      new Promise((resolve) => {
        const { body, type, file } = request();
        const t0 = process.hrtime.bigint();
        const req = http.request(
          target,
          {
            method: 'POST',
            agent,
            headers: { 'content-type': type, 'content-length': body.length },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 201)
                (file ? lat.file : lat.json).push(Number(process.hrtime.bigint() - t0) / 1e6);
              else {
                errors++;
                statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              }
              resolve();
            });
          },
        );
        req.on('error', () => {
          errors++;
          resolve();
        });
        req.end(body);
      });
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (Date.now() < end) await once();
      }),
    );
    agent.destroy();
    return { lat, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };

  await run(url, Math.min(3, opts.duration / 10)); // warm-up (counted in the check below)
  const sanad = await run(url, opts.duration);
  const baseline = await run(bareUrl, Math.min(opts.duration, 20));
  bare.close();

  // Count check: every 201 is a stored submission, and each gets its conversation (made by the
  // submission processor after the answer: wait until it has caught up).
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  const drainStart = Date.now();
  for (;;) {
    const [{ waiting }] = (
      await db.query(
        `SELECT count(*)::int AS waiting FROM form_submissions WHERE form_id = $1 AND conversation_id IS NULL`,
        [form.id],
      )
    ).rows;
    if (waiting === 0 || Date.now() - drainStart > 300_000) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const drainSeconds = (Date.now() - drainStart) / 1000;
  const [{ stored, withConversation, conversations }] = (
    await db.query(
      `SELECT count(*)::int AS stored, count(conversation_id)::int AS "withConversation",
        (SELECT count(*)::int FROM conversations WHERE channel = 'form') AS conversations
       FROM form_submissions WHERE form_id = $1`,
      [form.id],
    )
  ).rows;
  await db.end();
  const accepted = await (async () => {
    const res = await api(`/forms`);
    return (await res.json()).items.find((f) => f.id === form.id).submissions.total;
  })();

  const line = (name, r, kind) => {
    const all = kind ? r.lat[kind] : [...r.lat.json, ...r.lat.file];
    const p = percentiles(all);
    return { name, count: all.length, rps: all.length / r.seconds, ...p };
  };
  const rows = [
    line('sanad all', sanad),
    line('sanad JSON', sanad, 'json'),
    line('sanad with file', sanad, 'file'),
    line('bare node:http', baseline),
  ];
  const pad = (s, w) => String(s).padEnd(w);
  console.log(`\nSanad bench:forms — ${machine()}`);
  console.log(`mode: ${server.mode}`);
  console.log(
    `${opts.concurrency} clients, ${opts.duration} s, ${Math.round(opts.files * 100)}% with a 40 KB PDF (multipart), the rest JSON\n`,
  );
  console.log(
    `${pad('target', 18)}${pad('accepted', 10)}${pad('per s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}p99 ms`,
  );
  for (const r of rows)
    console.log(
      `${pad(r.name, 18)}${pad(r.count, 10)}${pad(r.rps.toFixed(0), 9)}${pad(r.p50.toFixed(1), 9)}${pad(r.p95.toFixed(1), 9)}${r.p99.toFixed(1)}`,
    );
  console.log(
    `errors: ${sanad.errors} (sanad${statuses.size ? `: ${[...statuses].map(([s, c]) => `${c}× ${s}`).join(', ')}` : ''}), ${baseline.errors} (bare)`,
  );
  console.log(
    `ratio against bare: ${(rows[0].rps / rows[3].rps).toFixed(3)}× throughput, p99 ${(rows[0].p99 / rows[3].p99).toFixed(1)}×`,
  );
  console.log(`conversations caught up ${drainSeconds.toFixed(1)} s after the last answer`);
  console.log(
    `count check: stored ${stored}, with a conversation ${withConversation}, form conversations ${conversations}, counted ${accepted} — ${
      stored === withConversation && stored === conversations && stored === accepted
        ? 'none lost'
        : 'MISMATCH'
    }`,
  );
  const warnings = server.stderr();
  if (warnings)
    console.log(
      `\nserver stderr (${warnings.length} chars), last lines:\n${warnings.slice(-1500)}`,
    );
} finally {
  await server.stop();
}
