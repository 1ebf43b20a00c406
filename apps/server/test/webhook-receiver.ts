import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** What the receiver answers a request with; the default is 200. */
export type Answer = (request: ReceivedWebhook, res: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP receiver on 127.0.0.1 (a free port) that records every request and answers as
 * told: `answers` is used in order, then `otherwise`. Tests wait on `until`, never sleep. It can
 * be stopped (its connections cut) and started again on the same port, as a receiver that went
 * down and came back; requests cut before their body arrived are not recorded.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answers: Answer[] = [];
  otherwise: Answer = (_request, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  };
  private server: Server | null = null;
  private port = 0;
  private waiters: Array<() => void> = [];

  /** The address, also while stopped (the port it will start on again). */
  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** Listens on a free port the first time, then on the same one again. */
  async start(): Promise<this> {
    const server = createServer((req, res) => void this.take(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * Resolves once `check` holds for what was received (checked on every request). The wait is
   * generous: browser suites share two cores with a server and Chromium each.
   */
  until(check: (received: ReceivedWebhook[]) => boolean, timeoutMs = 30_000): Promise<void> {
    if (check(this.received)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`receiver: condition not met; got ${this.received.length}`)),
        timeoutMs,
      );
      const waiter = (): void => {
        if (!check(this.received)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      };
      this.waiters.push(waiter);
    });
  }

  /** The bodies (parsed) of requests whose signature verifies with this secret. */
  verified(secret: string): Array<{ id: string; type: string; data: Record<string, unknown> }> {
    const wh = new Webhook(secret);
    return this.received.map((r) => {
      const payload = wh.verify(r.body, {
        'webhook-id': r.id,
        'webhook-timestamp': r.timestamp,
        'webhook-signature': r.signature,
      }) as { type: string; data: Record<string, unknown> };
      return { id: r.id, type: payload.type, data: payload.data };
    });
  }

  private async take(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return; // The sender (or our stop) cut the request short.
    }
    const request: ReceivedWebhook = {
      id: String(req.headers['webhook-id'] ?? ''),
      timestamp: String(req.headers['webhook-timestamp'] ?? ''),
      signature: String(req.headers['webhook-signature'] ?? ''),
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: Date.now(),
    };
    this.received.push(request);
    for (const waiter of [...this.waiters]) waiter();
    const answer = this.answers.shift() ?? this.otherwise;
    try {
      await answer(request, res);
    } catch {
      res.destroy();
    }
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Answers with this status (and headers) once. */
export const status =
  (code: number, headers: Record<string, string> = {}): Answer =>
  (_request, res) => {
    res.writeHead(code, headers).end(`status ${code}`);
  };
