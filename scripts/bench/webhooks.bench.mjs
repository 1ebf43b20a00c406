// npm run bench:webhooks [-- --events 6000 --receivers 10 --fail 0.1 --slow 2000
//   --schedule 0,0.5,0.5,0.5,0.5,0.5 --posters 16 --conversations 32 --concurrency 64 --fanout 0 --drain 60
//   --roles all|split]
// `--roles split` runs the api role and the worker role (relay, consumers, deliverer) as two
// processes on the same database and Redis, as the Docker deployment does; needs REDIS_URL.
// Webhook deliveries from the outbox to loopback receivers (in their own process). Events are
// notes posted over the API (`message.created`, each tagged with a unique text; the POST answers
// after commit, so its answer is the commit time); every endpoint is subscribed to
// `message.created`, so each event goes to every endpoint. `--events` is the deliveries of phase
// B: events / receivers notes a phase. A share `--fail` of the answers is a random 500 (retried on
// the short `--schedule`); the last receiver answers after `--slow` ms. In order:
//   warm-up (not reported);  A: the healthy receivers only;
//   D: the same, but the endpoints paused until everything is fanned out (the deliverer alone);
//   bare: the same POSTs from a plain undici client;
//   B: the healthy receivers plus the slow one, fresh events (the slow one is not waited for).
// Prints figures and PASS/MISS per target of issue 12; exits non-zero only when it crashes.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { Agent, Pool, request } from 'undici';
import { flags, machine, percentiles, signup, startServer } from './server.mjs';

const opts = flags({
  events: 6000,
  receivers: 10,
  fail: 0.1,
  slow: 2000,
  schedule: '0,0.5,0.5,0.5,0.5,0.5',
  // Concurrent POSTs making events, over this many conversations (each note locks its own).
  posters: 16,
  conversations: 32,
  // In flight for the bare client: WEBHOOK_CONCURRENCY of the server.
  concurrency: 64,
  // WEBHOOK_FANOUT_CONCURRENCY of the server (events fanned out at once; 0 = its default).
  fanout: 0,
  // Seconds to wait, after the last event, for the healthy receivers to have everything.
  drain: 60,
  roles: 'all',
});
const split = opts.roles === 'split';
if (split && !process.env.REDIS_URL) {
  console.error('--roles split needs REDIS_URL: the two processes share their jobs through Redis');
  process.exit(1);
}
const RUN = randomBytes(3).toString('hex');
const PER_PHASE = Math.ceil(opts.events / opts.receivers);
const HEALTHY = opts.receivers - 1;
const SLOW = opts.receivers - 1;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The receivers' process; its records are tallied per phase as they arrive. */
class Receivers {
  constructor() {
    this.child = fork(new URL('./webhook-receivers.mjs', import.meta.url), {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.replies = new Map();
    this.child.on('message', (message) => {
      if (message.type === 'records') for (const record of message.records) tally(record);
      else this.replies.get(message.type)?.(message);
    });
  }

  ask(message) {
    return new Promise((resolve) => {
      this.replies.set(message.type, resolve);
      this.child.send(message);
    });
  }

  stop() {
    this.child.disconnect();
  }
}

/** Phases by name; a tag is `wh <run> <phase> <n>`. */
const phases = new Map();

function newPhase(name, events) {
  const phase = {
    name,
    events,
    commitAt: new Map(),
    postErrors: 0,
    firstCommit: Infinity,
    lastCommit: 0,
    /** `${receiver} ${webhook-id}` → what that receiver got of that webhook. */
    seen: new Map(),
    healthyAcked: 0,
    slowAcked: 0,
  };
  phases.set(name, phase);
  return phase;
}

function tally([receiver, id, tag, status, at]) {
  const [, run, name] = tag.split(' ');
  const phase = run === RUN ? phases.get(name) : undefined;
  if (!phase) return;
  const key = `${receiver} ${id}`;
  let s = phase.seen.get(key);
  if (!s) {
    s = { receiver, tag, firstAt: at, attempts: 0, ackAt: null, afterAck: 0 };
    phase.seen.set(key, s);
  }
  s.attempts++;
  if (s.ackAt !== null) s.afterAck++;
  else if (status >= 200 && status < 300) {
    s.ackAt = at;
    if (receiver === SLOW) phase.slowAcked++;
    else phase.healthyAcked++;
  }
}

/** CPU seconds (utime + stime) and name of every process, from /proc. */
function processCpu() {
  const out = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(entry), { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // Ended meanwhile.
    }
  }
  return out;
}

/** CPU seconds the whole machine was busy (all cores, interrupts included). */
function machineBusySeconds() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  return (n.reduce((a, b) => a + b, 0) - n[3] - n[4]) / 100;
}

const receivers = new Receivers();
const { ports } = await receivers.ask({ type: 'start', count: opts.receivers, slowMs: opts.slow });
await receivers.ask({ type: 'answers', failRate: opts.fail });
const urls = ports.map((port) => `http://127.0.0.1:${port}/hooks`);

const serverEnv = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_RETRY_SCHEDULE: opts.schedule,
  WEBHOOK_CONCURRENCY: String(opts.concurrency),
  ...(opts.fanout ? { WEBHOOK_FANOUT_CONCURRENCY: String(opts.fanout) } : {}),
  // One installation: the worker opens the secrets the api sealed, and takes its jobs.
  APP_SECRET: randomBytes(36).toString('base64url'),
  REDIS_PREFIX: `webhooks${process.pid}`,
};
const server = await startServer('webhooks', {
  ...serverEnv,
  SANAD_ROLES: split ? 'api' : 'api,worker',
});
const worker = split
  ? await startServer(
      'webhooks-worker',
      { ...serverEnv, SANAD_ROLES: 'worker' },
      { databaseUrl: server.databaseUrl, http: false },
    )
  : null;
const db = new pg.Client({ connectionString: server.databaseUrl });
const api = new Pool(server.base, { connections: opts.posters });
try {
  await db.connect();
  const { headers } = await signup(server.base, 'webhooks');
  const call = async (method, path, body) => {
    const res = await request(`${server.base}${path}`, {
      method,
      headers,
      body: body && JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${text}`);
    return JSON.parse(text);
  };

  const conversations = [];
  for (let i = 0; i < opts.conversations; i++) {
    const created = await call('POST', '/api/v1/conversations', {
      contact: { email: `webhooks-${i}@example.test`, name: `عميل ${i}` },
      subject: `bench ${i}`,
      text: 'مرحباً',
    });
    conversations.push(created.conversation.id);
  }
  // Their own events are fanned out before any endpoint exists.
  await outboxIdle();
  const addEndpoint = async (url, description) =>
    (await call('POST', '/api/v1/webhooks', { url, description, events: ['message.created'] }))
      .endpoint.id;
  const healthyEndpoints = [];
  for (let i = 0; i < HEALTHY; i++)
    healthyEndpoints.push(await addEndpoint(urls[i], `healthy ${i}`));
  let slowEndpoint = null;

  /** Posts `events` notes as fast as the posters go; each answer's arrival is its commit time. */
  async function postEvents(phase) {
    let next = 0;
    await Promise.all(
      Array.from({ length: opts.posters }, async () => {
        for (;;) {
          const i = next++;
          if (i >= phase.events) return;
          const tag = `wh ${RUN} ${phase.name} ${i}`;
          const res = await api.request({
            path: `/api/v1/conversations/${conversations[i % conversations.length]}/notes`,
            method: 'POST',
            headers,
            body: JSON.stringify({ text: tag }),
          });
          const at = now();
          await res.body.dump();
          if (res.statusCode >= 300) {
            phase.postErrors++;
            continue;
          }
          phase.commitAt.set(tag, at);
          phase.firstCommit = Math.min(phase.firstCommit, at);
          phase.lastCommit = Math.max(phase.lastCommit, at);
        }
      }),
    );
  }

  /**
   * One phase: fresh events, then waiting until the healthy receivers acknowledged all of them.
   * `backlog`: the healthy endpoints are paused while the events are made and fanned out, then
   * resumed together, so the deliverer alone is timed (first receipt → last).
   */
  async function run(name, events, { withSlow = false, backlog = false } = {}) {
    const phase = newPhase(name, events);
    const startedAt = new Date();
    const pause = (action) =>
      Promise.all(healthyEndpoints.map((id) => call('POST', `/api/v1/webhooks/${id}/${action}`)));
    if (backlog) await pause('pause');
    let cpu0 = await cpuNow();
    await postEvents(phase);
    const expected = phase.commitAt.size * HEALTHY;
    if (backlog) {
      await until(async () => {
        const { rows } = await db.query(
          'SELECT count(*)::int AS n FROM webhook_deliveries WHERE created_at >= $1',
          [startedAt],
        );
        return rows[0].n >= expected;
      });
      cpu0 = await cpuNow();
      await pause('resume');
    }
    const deadline = now() + opts.drain * 1000;
    while (phase.healthyAcked < expected && now() < deadline) await sleep(20);
    await receivers.ask({ type: 'flush' });
    const cpu1 = await cpuNow();
    const timing = await timeSplit(startedAt);
    const log = await db.query(
      `SELECT status, count(*)::int AS n, sum(attempts)::int AS attempts FROM webhook_deliveries
       WHERE created_at >= $1 AND event_type = 'message.created' GROUP BY status`,
      [startedAt],
    );
    return { ...summarize(phase, { withSlow, backlog }, cpu0, cpu1, log.rows), split: timing };
  }

  async function until(check, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check()) && Date.now() < deadline) await sleep(50);
  }

  /**
   * Where a healthy delivery's time went, from the database's clock: commit → fanned out
   * (outbox row → webhook message), fanned out → first attempt started (waiting to be claimed),
   * and the attempts themselves.
   */
  async function timeSplit(since) {
    const p = (column) =>
      `percentile_cont(array[0.5, 0.99]) WITHIN GROUP (ORDER BY ${column}) AS ${column.split(' ').at(-1)}`;
    const deliveries = await db.query(
      `WITH d AS (
         SELECT extract(epoch FROM m.created_at - o.created_at) * 1000 AS fanout,
                extract(epoch FROM (SELECT min(a.started_at) FROM webhook_attempts a
                                    WHERE a.delivery_id = d.id) - d.created_at) * 1000 AS claim
         FROM webhook_deliveries d
         JOIN webhook_messages m ON m.id = d.message_id
         JOIN outbox o ON o.id = m.event_id
         WHERE d.created_at >= $1 AND d.endpoint_id <> ALL($2::uuid[]))
       SELECT ${p('fanout')}, ${p('claim')} FROM d`,
      [since, slowEndpoint ? [slowEndpoint] : []],
    );
    const attempts = await db.query(
      `SELECT ${p('duration_ms')}, count(*)::int AS n FROM webhook_attempts
       WHERE started_at >= $1 AND endpoint_id <> ALL($2::uuid[])`,
      [since, slowEndpoint ? [slowEndpoint] : []],
    );
    return { ...deliveries.rows[0], attempt: attempts.rows[0].duration_ms };
  }

  function summarize(phase, { withSlow, backlog }, cpu0, cpu1, log) {
    const healthy = [...phase.seen.values()].filter((s) => s.receiver !== SLOW);
    const slow = [...phase.seen.values()].filter((s) => s.receiver === SLOW);
    const acked = healthy.filter((s) => s.ackAt !== null);
    const lastAck = acked.reduce((t, s) => Math.max(t, s.ackAt), 0);
    const firstReceipt = healthy.reduce((t, s) => Math.min(t, s.firstAt), Infinity);
    const start = backlog ? firstReceipt : phase.firstCommit;
    const windowS = (lastAck - start) / 1000;
    // The last 1 % are mostly deliveries that failed two or three times and waited out the retry
    // schedule: the rate up to the 99th-percentile acknowledgement leaves that tail out.
    const acks = acked.map((s) => s.ackAt).sort((x, y) => x - y);
    const bulk = Math.ceil(acks.length * 0.99);
    const bulkS = (acks[bulk - 1] - start) / 1000;
    const latencies = acked.map((s) => s.ackAt - phase.commitAt.get(s.tag));
    const attempts = healthy.reduce((n, s) => n + s.attempts, 0);
    const duplicates = [...phase.seen.values()].reduce((n, s) => n + s.afterAck, 0);
    const expected = phase.commitAt.size * HEALTHY;
    return {
      name: phase.name,
      withSlow,
      backlog,
      posted: phase.commitAt.size,
      postErrors: phase.postErrors,
      postRate: phase.commitAt.size / ((phase.lastCommit - phase.firstCommit) / 1000),
      expected,
      unique: healthy.length,
      acked: acked.length,
      lost: expected - healthy.length,
      duplicates,
      received: phase.seen.size,
      attempts,
      windowS,
      rate: acked.length / windowS,
      bulkRate: bulk / bulkS,
      attemptRate: attempts / windowS,
      latency: percentiles(latencies),
      slow: { received: slow.length, acked: slow.filter((s) => s.ackAt !== null).length },
      cpu: cpuBetween(cpu0, cpu1),
      log: Object.fromEntries(log.map((r) => [r.status, r.n])),
    };
  }

  /** CPU seconds so far of every process, and which are this database's backends. */
  async function cpuNow() {
    const { rows } = await db.query(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
    );
    return {
      at: now(),
      procs: processCpu(),
      backends: new Set(rows.map((r) => r.pid)),
      machine: machineBusySeconds(),
    };
  }

  /** Cores used per kind of process between two readings (what started meanwhile counts from 0). */
  function cpuBetween(cpu0, cpu1) {
    const wall = (cpu1.at - cpu0.at) / 1000;
    const kinds = new Map();
    const others = new Map();
    for (const [pid, { name, seconds }] of cpu1.procs) {
      const used = seconds - (cpu0.procs.get(pid)?.seconds ?? 0);
      if (used <= 0) continue;
      const kind =
        pid === server.pid
          ? 'server'
          : pid === worker?.pid
            ? 'worker'
            : pid === receivers.child.pid
              ? 'receivers'
              : pid === process.pid
                ? 'bench'
                : cpu1.backends.has(pid) || cpu0.backends.has(pid)
                  ? 'pg'
                  : name === 'postgres'
                    ? 'pgOther'
                    : name.startsWith('redis-server')
                      ? 'redis'
                      : null;
      if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + used);
      else others.set(name, (others.get(name) ?? 0) + used);
    }
    const ours = [...kinds.values()].reduce((a, b) => a + b, 0);
    const cores = (key) => (kinds.get(key) ?? 0) / wall;
    return {
      wall,
      server: cores('server'),
      worker: cores('worker'),
      pg: cores('pg'),
      pgOther: cores('pgOther'),
      redis: cores('redis'),
      receivers: cores('receivers'),
      bench: cores('bench'),
      rest: (cpu1.machine - cpu0.machine - ours) / wall,
      top: [...others]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3)
        .filter(([, t]) => t / wall >= 0.05)
        .map(([name, t]) => `${name} ${(t / wall).toFixed(2)}`),
    };
  }

  function outboxIdle() {
    return until(async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE status <> 'done'`,
      );
      return rows[0].n === 0;
    });
  }

  /** The same POSTs (count, body and header sizes, concurrency) from a plain undici client. */
  async function bare(count, sample) {
    await receivers.ask({ type: 'answers', failRate: 0 });
    const phase = newPhase('bare', count);
    const agent = new Agent({ keepAliveTimeout: 30_000 });
    const kept = [
      'content-type',
      'user-agent',
      'x-sanad-event',
      'webhook-timestamp',
      'webhook-signature',
    ];
    const sent = Object.fromEntries(kept.map((h) => [h, sample.headers[h]]).filter(([, v]) => v));
    let next = 0;
    let ok = 0;
    const started = now();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        for (;;) {
          const i = next++;
          if (i >= count) return;
          const tag = `wh ${RUN} bare ${i}`;
          const res = await request(urls[i % HEALTHY], {
            dispatcher: agent,
            method: 'POST',
            headers: { ...sent, 'webhook-id': `msg_${i.toString(16).padStart(32, '0')}` },
            body: sample.body.split(sample.tag).join(tag),
          });
          await res.body.text();
          if (res.statusCode === 200) ok++;
        }
      }),
    );
    const seconds = (now() - started) / 1000;
    await agent.close();
    await receivers.ask({ type: 'flush' });
    await receivers.ask({ type: 'answers', failRate: opts.fail });
    return { count, ok, seconds, rate: ok / seconds, received: phase.seen.size };
  }

  // Warm-up (not reported): the server's code paths are compiled before anything is timed.
  await run('warmup', Math.ceil(PER_PHASE / 3));
  const a = await run('A', PER_PHASE);
  const drained = await run('D', PER_PHASE, { backlog: true });
  const { sample } = await receivers.ask({ type: 'flush' });
  const baseline = await bare(a.posted * HEALTHY, sample);
  slowEndpoint = await addEndpoint(urls[SLOW], 'slow');
  const b = await run('B', PER_PHASE, { withSlow: true });

  const durability = (await db.query('SHOW synchronous_commit')).rows[0].synchronous_commit;
  const pct = (n, of) => `${((n / Math.max(of, 1)) * 100).toFixed(2)} %`;
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(
    `\nSanad bench:webhooks — ${machine()}; ${server.mode}; synchronous_commit=${durability}; ${split ? 'api and worker roles in two processes' : 'every role in one process'}`,
  );
  console.log(
    `${opts.receivers} loopback receivers (their own process): ${HEALTHY} healthy answering 500 to ${opts.fail * 100} % of requests at random, 1 answering 200 after ${opts.slow} ms`,
  );
  console.log(
    `${PER_PHASE} notes per phase (message.created) from ${opts.posters} concurrent POSTs; every endpoint subscribed, so ${PER_PHASE * HEALTHY} healthy deliveries a phase (${PER_PHASE * opts.receivers} in B with the slow one)`,
  );
  console.log(
    `server: WEBHOOK_RETRY_SCHEDULE=${opts.schedule} (shortened for the bench), WEBHOOK_CONCURRENCY=${opts.concurrency}, WEBHOOK_ENDPOINT_CONCURRENCY=8 (default), WEBHOOK_TIMEOUT_MS=15000 (default), WEBHOOK_FANOUT_CONCURRENCY=${opts.fanout || '8 (default)'}\n`,
  );
  const pair = ([p50, p99]) => `p50 ${ms(p50)} / p99 ${ms(p99)}`;
  for (const r of [a, b, drained]) {
    console.log(
      r.backlog
        ? `phase ${r.name}, the deliverer alone: ${HEALTHY} healthy endpoints paused while the events were made and fanned out, then resumed`
        : `phase ${r.name}: ${r.withSlow ? `${HEALTHY} healthy + 1 slow` : `${HEALTHY} healthy`} receivers`,
    );
    console.log(
      `  events     ${r.posted} committed${r.postErrors ? ` (${r.postErrors} POSTs failed)` : ''} at ${r.postRate.toFixed(0)}/s`,
    );
    console.log(
      `  delivered  ${r.acked} acknowledged in ${r.windowS.toFixed(2)} s (${r.backlog ? 'first receipt' : 'first commit'} → last healthy receipt): ${r.rate.toFixed(0)} deliveries/s; ${r.attempts} requests incl. 500s (${r.attemptRate.toFixed(0)}/s); without the retry tail (to the 99th-percentile acknowledgement) ${r.bulkRate.toFixed(0)} deliveries/s`,
    );
    if (!r.backlog)
      console.log(
        `  commit → first 2xx receipt (healthy): p50 ${ms(r.latency.p50)}, p95 ${ms(r.latency.p95)}, p99 ${ms(r.latency.p99)}`,
      );
    console.log(
      `  webhook-ids at healthy receivers: ${r.unique} unique of ${r.expected} expected, lost ${r.lost}; duplicates (again after a 2xx) ${r.duplicates} (${pct(r.duplicates, r.received)})${r.unique > r.acked ? `; never acknowledged ${r.unique - r.acked}` : ''}`,
    );
    if (r.withSlow)
      console.log(
        `  slow receiver: ${r.slow.received} of ${r.posted} received, ${r.slow.acked} answered when the healthy ones were done (not waited for)`,
      );
    console.log(
      r.backlog
        ? `  attempts (database clock): ${pair(r.split.attempt)}`
        : `  where it went (database clock): commit → fanned out ${pair(r.split.fanout)}; fanned out → first attempt ${pair(r.split.claim)}; attempt ${pair(r.split.attempt)}`,
    );
    console.log(
      `  delivery log rows: ${Object.entries(r.log)
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}`,
    );
    console.log(
      `  CPU (cores of ${os.cpus().length}): server ${r.cpu.server.toFixed(2)}${split ? ` (api role; worker role ${r.cpu.worker.toFixed(2)})` : ''}, its PostgreSQL backends ${r.cpu.pg.toFixed(2)}, other PostgreSQL processes ${r.cpu.pgOther.toFixed(2)}, Redis ${r.cpu.redis.toFixed(2)}, receivers ${r.cpu.receivers.toFixed(2)}, bench ${r.cpu.bench.toFixed(2)}; the rest of the machine ${r.cpu.rest.toFixed(2)}${r.cpu.top.length ? ` (${r.cpu.top.join(', ')})` : ''}`,
    );
    const perDelivery = (cores) => ((cores * r.cpu.wall * 1000) / r.acked).toFixed(2);
    console.log(
      `  CPU per acknowledged delivery${r.backlog ? '' : ' (event included)'}: server ${perDelivery(r.cpu.server + r.cpu.worker)} ms, PostgreSQL ${perDelivery(r.cpu.pg)} ms`,
    );
  }
  console.log(
    `\nbare undici client, ${opts.concurrency} in flight: ${baseline.ok} POSTs (same bodies and header sizes, no 500s) in ${baseline.seconds.toFixed(2)} s: ${baseline.rate.toFixed(0)} POST/s (receivers got ${baseline.received})`,
  );
  const ratio = a.rate / baseline.rate;
  const p99 = b.latency.p99 / a.latency.p99;
  console.log(
    `ratio Sanad / bare: A ${ratio.toFixed(2)}×, B ${(b.rate / baseline.rate).toFixed(2)}×, D (deliverer alone) ${(drained.rate / baseline.rate).toFixed(2)}×`,
  );
  console.log(`healthy p99 with / without the slow receiver (B / A): ${p99.toFixed(2)}×\n`);

  const mark = (ok) => (ok ? 'PASS' : 'MISS');
  const targets = [
    [
      `≥ 500 deliveries/s (A ${a.rate.toFixed(0)}, B ${b.rate.toFixed(0)})`,
      a.rate >= 500 && b.rate >= 500,
    ],
    [`≥ 0.5× the bare client (${ratio.toFixed(2)}×)`, ratio >= 0.5],
    [`0 lost (A ${a.lost}, B ${b.lost})`, a.lost === 0 && b.lost === 0],
    [
      `duplicates ≤ 1 % (A ${pct(a.duplicates, a.received)}, B ${pct(b.duplicates, b.received)})`,
      a.duplicates <= a.received / 100 && b.duplicates <= b.received / 100,
    ],
    [
      `healthy p99 unchanged ±20 % by the slow receiver (${p99.toFixed(2)}×)`,
      Math.abs(p99 - 1) <= 0.2,
    ],
  ];
  for (const [name, ok] of targets) console.log(`${mark(ok)}  ${name}`);
} finally {
  await api.close().catch(() => undefined);
  await db.end().catch(() => undefined);
  await worker?.stop();
  await server.stop();
  receivers.stop();
}
