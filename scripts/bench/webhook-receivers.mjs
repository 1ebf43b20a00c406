// The loopback receivers of bench:webhooks, in their own process so their work does not share
// the bench's event loop with what it measures. Driven over IPC by the bench:
//   { type: 'start', count, slowMs }  → { type: 'start', ports }   (receiver count-1 is the slow one)
//   { type: 'answers', failRate }     → { type: 'answers' }        (share of 500s from now on)
//   { type: 'flush' }                 → the records so far, then { type: 'flush', sample }
// Every request is recorded as [receiver, webhook-id, tag, status, receivedAt] (receivedAt in
// epoch milliseconds, sub-millisecond, comparable with the bench's clock) and sent in batches.
import http from 'node:http';

const now = () => performance.timeOrigin + performance.now();
const servers = [];
let failRate = 0;
let slowMs = 0;
let records = [];
/** One request as received (body and headers), for the bare client to send the same sizes. */
let sample = null;

function receive(index, slow, req, res) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const at = now();
    const body = Buffer.concat(chunks).toString('utf8');
    let tag = '';
    try {
      tag = JSON.parse(body).data?.message?.text ?? '';
    } catch {
      // Not an event body: recorded without a tag.
    }
    const status = !slow && Math.random() < failRate ? 500 : 200;
    records.push([index, String(req.headers['webhook-id'] ?? ''), tag, status, at]);
    if (!sample && tag && req.headers['webhook-signature'])
      sample = { body, tag, headers: req.headers };
    const answer = () => {
      const text = status === 200 ? 'ok' : 'try again';
      res.writeHead(status, { 'content-type': 'text/plain', 'content-length': text.length });
      res.end(text);
    };
    if (slow) setTimeout(answer, slowMs);
    else answer();
  });
}

function flush() {
  if (records.length === 0) return;
  process.send({ type: 'records', records });
  records = [];
}
setInterval(flush, 100).unref();

process.on('message', async (message) => {
  if (message.type === 'start') {
    slowMs = message.slowMs;
    const ports = [];
    for (let i = 0; i < message.count; i++) {
      const slow = i === message.count - 1;
      const server = http.createServer((req, res) => receive(i, slow, req, res));
      server.keepAliveTimeout = 30_000;
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      ports.push(server.address().port);
    }
    process.send({ type: 'start', ports });
  } else if (message.type === 'answers') {
    failRate = message.failRate;
    process.send({ type: 'answers' });
  } else if (message.type === 'flush') {
    flush();
    process.send({ type: 'flush', sample });
  }
});
process.on('disconnect', () => process.exit(0));
