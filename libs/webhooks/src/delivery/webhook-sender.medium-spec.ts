import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
} from 'node:net';
import { loadConfig } from '@sanad/config';
import type { WebhookRequest } from './webhook-attempt';
import { MAX_RESPONSE_BODY_BYTES, WebhookSender } from './webhook-sender';

/** A real HTTP receiver on 127.0.0.1, counting the connections and requests that reach it. */
interface Receiver {
  url: string;
  port: number;
  connections: number;
  requests: { method: string; headers: IncomingMessage['headers']; body: string }[];
  server: Server;
}

const servers: (Server | TcpServer)[] = [];

async function receiver(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Receiver> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      r.requests.push({
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      handle(req, res);
    });
  });
  server.on('connection', () => r.connections++);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const r: Receiver = {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    connections: 0,
    requests: [],
    server,
  };
  return r;
}

function config(env: Record<string, string>) {
  return loadConfig({ NODE_ENV: 'test', APP_SECRET: 'x'.repeat(40), ...env });
}

function attempt(url: string): WebhookRequest {
  const body = JSON.stringify({ type: 'conversation.created', data: { id: 'c1' } });
  return {
    url,
    headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
    body,
  };
}

const DEADLINE_MS = 300;
let sender: WebhookSender;
let hurried: WebhookSender;
let guarded: WebhookSender;

beforeAll(() => {
  sender = new WebhookSender(
    config({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: '5000' }),
  );
  hurried = new WebhookSender(
    config({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TIMEOUT_MS: String(DEADLINE_MS) }),
  );
  guarded = new WebhookSender(config({ WEBHOOK_TIMEOUT_MS: '5000' }));
});

afterAll(async () => {
  await Promise.all([sender.close(), hurried.close(), guarded.close()]);
  for (const server of servers) {
    (server as Server).closeAllConnections?.();
    server.close();
  }
});

describe('WebhookSender', () => {
  it('posts the request and records a 2xx answer', async () => {
    const r = await receiver((_req, res) => {
      res.setHeader('X-Receiver', 'Test');
      res.end('{"received":true}');
    });
    const result = await sender.send(attempt(r.url));
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      responseBody: '{"received":true}',
      responseBodyTruncated: false,
      errorCode: null,
      error: null,
      retryAfterMs: null,
    });
    expect(result.responseHeaders['x-receiver']).toBe('Test');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0]).toMatchObject({
      method: 'POST',
      body: attempt(r.url).body,
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
    });
  });

  it('records a 500 as a failure with its body', async () => {
    const r = await receiver((_req, res) => {
      res.statusCode = 500;
      res.end('boom');
    });
    const result = await sender.send(attempt(r.url));
    expect(result).toMatchObject({
      ok: false,
      status: 500,
      responseBody: 'boom',
      errorCode: null,
      error: 'HTTP 500',
    });
  });

  it('does not follow a redirect, even to an allowed receiver, and names the Location', async () => {
    const target = await receiver((_req, res) => res.end('should not be reached'));
    const r = await receiver((_req, res) => {
      res.writeHead(302, { Location: target.url });
      res.end();
    });
    const result = await sender.send(attempt(r.url));
    expect(result).toMatchObject({ ok: false, status: 302, errorCode: 'redirect' });
    expect(result.error).toContain(target.url);
    expect(target.connections).toBe(0);
    expect(target.requests).toHaveLength(0);
  });

  it('reads Retry-After on 429 and 503', async () => {
    const r = await receiver((req, res) => {
      res.writeHead(req.url === '/busy' ? 503 : 429, {
        'Retry-After': req.url === '/busy' ? new Date(Date.now() + 60_000).toUTCString() : '2',
      });
      res.end();
    });
    const throttled = await sender.send(attempt(r.url));
    expect(throttled).toMatchObject({ ok: false, status: 429, retryAfterMs: 2000 });
    const busy = await sender.send(attempt(r.url.replace('/hook', '/busy')));
    expect(busy.status).toBe(503);
    expect(busy.retryAfterMs).toBeGreaterThan(55_000);
    expect(busy.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('ignores Retry-After on other statuses', async () => {
    const r = await receiver((_req, res) => {
      res.writeHead(500, { 'Retry-After': '30' });
      res.end();
    });
    expect((await sender.send(attempt(r.url))).retryAfterMs).toBeNull();
  });

  it('gives up at the deadline on a receiver that never answers', async () => {
    let hungUp: Promise<unknown> = Promise.resolve();
    const r = await receiver((req) => {
      hungUp = once(req.socket, 'close');
    });
    const result = await hurried.send(attempt(r.url));
    expect(result).toMatchObject({ ok: false, status: null, errorCode: 'timeout' });
    expect(result.error).toContain(`${DEADLINE_MS} ms`);
    expect(result.durationMs).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    expect(result.durationMs).toBeLessThan(DEADLINE_MS + 250);
    expect(r.requests).toHaveLength(1);
    await hungUp; // The sender closed the connection instead of leaving it waiting.
  });

  it('gives up at the deadline on a receiver that trickles its body, keeping what came', async () => {
    const r = await receiver((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.flushHeaders();
      const trickle = setInterval(() => res.write('.'), 20);
      req.socket.once('close', () => clearInterval(trickle));
    });
    const result = await hurried.send(attempt(r.url));
    expect(result).toMatchObject({ ok: false, status: 200, errorCode: 'timeout' });
    expect(result.responseHeaders['content-type']).toBe('text/plain');
    expect(result.responseBody).toMatch(/^\.+$/);
    expect(result.durationMs).toBeGreaterThanOrEqual(DEADLINE_MS - 5);
    expect(result.durationMs).toBeLessThan(DEADLINE_MS + 250);
  });

  it('reads 64 KB of a 1 GB answer and hangs up, memory flat', async () => {
    const GIGABYTE = 1024 ** 3;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let hungUp: Promise<unknown> = Promise.resolve();
    const r = await receiver((req, res) => {
      res.writeHead(200, { 'Content-Length': String(GIGABYTE) });
      hungUp = once(res, 'close');
      // Lazily: only as fast as the socket takes it, so the receiver's memory stays flat too.
      const pump = () => {
        while (written < GIGABYTE && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const rssBefore = process.memoryUsage().rss;
    const result = await sender.send(attempt(r.url));
    await hungUp;
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(result).toMatchObject({ ok: true, status: 200, responseBodyTruncated: true });
    expect(Buffer.byteLength(result.responseBody)).toBe(MAX_RESPONSE_BODY_BYTES);
    expect(result.durationMs).toBeLessThan(2000);
    expect(written).toBeLessThan(64 * 1024 * 1024);
    expect(rssGrowth).toBeLessThan(64 * 1024 * 1024);
  });

  it('keeps whole characters when the cap cuts one', async () => {
    const r = await receiver((_req, res) => {
      // 'س' is two bytes: the cap at an odd offset falls inside one.
      res.end('a' + 'س'.repeat(MAX_RESPONSE_BODY_BYTES));
    });
    const result = await sender.send(attempt(r.url));
    expect(result.responseBodyTruncated).toBe(true);
    expect(result.responseBody).toBe('a' + 'س'.repeat((MAX_RESPONSE_BODY_BYTES - 2) / 2));
  });

  it('calls an answer that is not HTTP a protocol failure', async () => {
    const tcp = createTcpServer((socket) => {
      socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\x00\x01garbage\r\n\r\n'));
    });
    servers.push(tcp);
    tcp.listen(0, '127.0.0.1');
    await once(tcp, 'listening');
    const { port } = tcp.address() as AddressInfo;
    const result = await sender.send(attempt(`http://127.0.0.1:${port}/hook`));
    expect(result).toMatchObject({ ok: false, status: null, errorCode: 'protocol' });
    expect(result.error).toMatch(/not valid HTTP/);
  });

  it('calls a refused connection a connection failure', async () => {
    const closed = createTcpServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    const result = await sender.send(attempt(`http://127.0.0.1:${port}/hook`));
    expect(result).toMatchObject({ ok: false, status: null, errorCode: 'connection' });
    expect(result.error).toMatch(/^connection failed: connect ECONNREFUSED/);
  });

  it('refuses loopback without the allowlist, before connecting', async () => {
    const r = await receiver((_req, res) => res.end('should not be reached'));
    const result = await guarded.send(attempt(r.url));
    expect(result).toMatchObject({ ok: false, status: null, errorCode: 'forbidden_address' });
    expect(result.error).toBe('127.0.0.1 (loopback) may not be reached by webhooks');
    for (const url of [
      `http://localhost:${r.port}/hook`,
      `http://[::ffff:127.0.0.1]:${r.port}/hook`,
      `http://0x7f.1:${r.port}/hook`,
    ]) {
      expect(await guarded.send(attempt(url))).toMatchObject({ errorCode: 'forbidden_address' });
    }
    expect(r.connections).toBe(0);
  });

  it('refuses URLs the policy refuses, without connecting', async () => {
    const r = await receiver((_req, res) => res.end());
    const withCredentials = r.url.replace('http://', 'http://user:secret@');
    expect(await sender.send(attempt(withCredentials))).toMatchObject({
      ok: false,
      errorCode: 'forbidden_address',
      error: expect.stringContaining('user name or password') as unknown,
    });
    expect(await sender.send(attempt('ftp://127.0.0.1/'))).toMatchObject({
      errorCode: 'forbidden_address',
    });
    expect(r.connections).toBe(0);
  });

  it('calls a host that does not resolve unresolvable', async () => {
    const result = await guarded.send(attempt('http://no-such-host.invalid/hook'));
    expect(result).toMatchObject({ ok: false, status: null, errorCode: 'unresolvable' });
  });
});
