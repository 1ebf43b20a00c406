// npm run bench:realtime [-- --sockets 500 --rate 20 --duration 10]
// N agent sockets of one workspace; replies posted at a steady rate over HTTP; latency from the
// POST to receipt of message.created on every socket (p50/p99), and how many arrived.
import { io } from 'socket.io-client';
import { flags, machine, percentiles, signup, startServer } from './server.mjs';

const opts = flags({ sockets: 500, rate: 20, duration: 10 });
const server = await startServer('realtime');
const sockets = [];
try {
  const { headers } = await signup(server.base, 'realtime');
  const created = await (
    await fetch(`${server.base}/api/v1/conversations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        contact: { email: 'realtime@example.test' },
        subject: 'bench',
        text: 'start',
      }),
    })
  ).json();
  const conversationId = created.conversation.id;

  const sentAt = new Map();
  const latencies = [];
  const postTimes = [];
  let received = 0;
  const connectStarted = performance.now();
  await Promise.all(
    Array.from({ length: opts.sockets }, () => {
      const socket = io(`${server.base}/agents`, {
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: headers.cookie },
      });
      sockets.push(socket);
      socket.on('message.created', (envelope) => {
        const t0 = sentAt.get(envelope.data.message.text);
        if (t0 === undefined) return;
        received++;
        latencies.push(performance.now() - t0);
      });
      return new Promise((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
    }),
  );
  const connectMs = performance.now() - connectStarted;

  const total = Math.round(opts.rate * opts.duration);
  const interval = 1000 / opts.rate;
  const posts = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const text = `reply ${i}`;
    sentAt.set(text, performance.now());
    posts.push(
      fetch(`${server.base}/api/v1/conversations/${conversationId}/replies`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ text }),
      }).then((r) => {
        postTimes.push(performance.now() - sentAt.get(text));
        return r.ok;
      }),
    );
  }
  const okPosts = (await Promise.all(posts)).filter(Boolean).length;
  const expected = okPosts * opts.sockets;
  const deadline = performance.now() + 15_000;
  while (received < expected && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));

  const p = percentiles(latencies);
  console.log(`\nSanad bench:realtime — ${machine()}; ${server.mode}`);
  console.log(
    `${opts.sockets} agent sockets connected in ${(connectMs / 1000).toFixed(1)} s; ${okPosts}/${total} replies posted at ${opts.rate}/s`,
  );
  console.log(
    `deliveries: ${received} of ${expected} (${((received / Math.max(expected, 1)) * 100).toFixed(2)}%)`,
  );
  console.log(
    `POST → message.created on each socket: p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms (target p99 ≤ 100 ms)`,
  );
  const http = percentiles(postTimes);
  console.log(
    `of which the POST itself (until its response): p50 ${http.p50.toFixed(1)} ms, p99 ${http.p99.toFixed(1)} ms`,
  );
} finally {
  for (const socket of sockets) socket.close();
  await server.stop();
}
