// npm run bench:api [-- --duration 10 --concurrency 32 --only me|health|bare]
// Requests/s and latency of GET /api/v1/me (logged-in session) and GET /health on the real
// server, next to a bare node:http server answering the same JSON, all in one run.
import http from 'node:http';
import { flags, machine, percentiles, signup, startServer } from './server.mjs';

const {
  duration: DURATION_S,
  concurrency: CONCURRENCY,
  only: ONLY,
} = flags({
  duration: 10,
  concurrency: 32,
  only: '',
});
const WARMUP_S = Math.min(2, DURATION_S);
const ROUNDS = 5;

const server = await startServer('bench');
try {
  const { headers } = await signup(server.base, 'bench');
  const meBody = await (await fetch(`${server.base}/api/v1/me`, { headers })).text();

  // The bare baseline: the same JSON from node:http.
  const bare = http.createServer((req, res) => {
    if (req.url !== '/me') return res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(meBody),
    });
    res.end(meBody);
  });
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));

  const targets = [
    {
      key: 'me',
      name: 'GET /api/v1/me (session)',
      url: `${server.base}/api/v1/me`,
      headers: { cookie: headers.cookie },
    },
    { key: 'health', name: 'GET /health', url: `${server.base}/health`, headers: {} },
    {
      key: 'bare',
      name: 'bare node:http /me',
      url: `http://127.0.0.1:${bare.address().port}/me`,
      headers: {},
    },
  ];
  // Targets take turns in ROUNDS slices, so a noisy moment on the machine hits all of them alike
  // and the ratios stay fair. --only loads one target (to profile it alone).
  const chosen = targets.filter((t) => !ONLY || t.key === ONLY);
  const runs = new Map(chosen.map((t) => [t, { latencies: [], errors: 0, seconds: 0 }]));
  for (const target of chosen) await load(target, WARMUP_S);
  for (let round = 0; round < ROUNDS; round++)
    for (const target of chosen) {
      const run = await load(target, DURATION_S / ROUNDS);
      const total = runs.get(target);
      total.latencies.push(...run.latencies);
      total.errors += run.errors;
      total.seconds += run.seconds;
    }
  const results = chosen.map((target) => {
    const { latencies, errors, seconds } = runs.get(target);
    return {
      name: target.name,
      count: latencies.length,
      errors,
      rps: latencies.length / seconds,
      ...percentiles(latencies),
    };
  });
  bare.close();

  console.log(`\nSanad bench:api — ${machine()}`);
  console.log(`mode: ${server.mode}`);
  console.log(
    `${CONCURRENCY} keep-alive connections, ${DURATION_S} s per target in ${ROUNDS} alternating rounds after ${WARMUP_S} s warm-up; the load generator shares a process with the bare server\n`,
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
  const bareResult = results.find((r) => r.name.startsWith('bare'));
  if (results.length === 3)
    console.log('\nratios against the bare server (throughput ×, latency × slower):');
  for (const r of results.length === 3 ? results.slice(0, 2) : []) {
    console.log(
      `  ${pad(r.name, 26)} req/s ${(r.rps / bareResult.rps).toFixed(2)}×   p50 ${(r.p50 / bareResult.p50).toFixed(1)}×   p99 ${(r.p99 / bareResult.p99).toFixed(1)}×`,
    );
  }
} finally {
  await server.stop();
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
  agent.destroy();
  return { latencies, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
