import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import type {
  ConversationDetailView,
  ConversationView,
  MailboxView,
  PageView,
} from '@sanad/contracts';
import type { Role } from '@sanad/config';
import { createScratchDatabase } from '@sanad/testing';
import type { Running } from '../src/boot';
import { type TestWorkspace, startTestApp } from './test-app';

export const DOMAIN = 'in.sanad.test';

/**
 * An app with every role on its own empty database (so no other test file's worker takes its
 * outbox events with a different configuration), SMTP on a free port, a plain SMTP client to it
 * and a pg client.
 */
export interface EmailApp {
  running: Running;
  base: string;
  databaseUrl: string;
  smtp: Transporter;
  db: Client;
  close(): Promise<void>;
}

export async function startEmailApp(
  env: Record<string, string> = {},
  roles: Role[] = ['api', 'worker', 'mail'],
): Promise<EmailApp> {
  const database = await createScratchDatabase();
  const running = await startTestApp({
    roles,
    databaseUrl: database.url,
    env: { INBOUND_DOMAIN: DOMAIN, ...env },
  });
  const smtp = createTransport({
    host: '127.0.0.1',
    port: running.smtpPort as number,
    secure: false,
    ignoreTLS: true,
    pool: false,
  });
  const db = new Client({ connectionString: database.url });
  // A test may cut the database's connections on purpose.
  db.on('error', () => undefined);
  await db.connect();
  return {
    running,
    base: running.httpUrl as string,
    databaseUrl: database.url,
    smtp,
    db,
    async close() {
      smtp.close();
      await db.end().catch(() => undefined);
      await running.close();
      await database.drop();
    },
  };
}

/** The workspace's inbox (or another mailbox's) inbound address. */
export async function inboxAddress(
  app: EmailApp,
  ws: TestWorkspace,
  kindOrId = 'inbox',
): Promise<string> {
  const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
  const mailbox = mailboxes.items.find(
    (m) => m.kind === kindOrId || m.id === kindOrId,
  ) as MailboxView;
  const rows = await app.db.query<{ address: string }>(
    `SELECT address FROM mailbox_addresses WHERE mailbox_id = $1 AND kind = 'inbound'`,
    [mailbox.id],
  );
  return `${rows.rows[0].address}@${DOMAIN}`;
}

export function raw(headers: Record<string, string>, body: string): string {
  return (
    Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n') + `\r\n\r\n${body}`
  );
}

export async function send(
  app: EmailApp,
  to: string | string[],
  message: string | Buffer,
  from = 'customer@example.com',
) {
  return app.smtp.sendMail({
    envelope: { from, to: Array.isArray(to) ? to : [to] },
    raw: message,
  });
}

export async function until<T>(find: () => Promise<T | null | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function conversationWith(
  ws: TestWorkspace,
  subject: string,
): Promise<ConversationDetailView> {
  const hit = await until(async () => {
    const page = (await ws.owner.get('/api/v1/conversations?view=all&limit=50'))
      .body as PageView<ConversationView>;
    return page.items.find((c) => c.subject === subject);
  });
  return (await ws.owner.get(`/api/v1/conversations/${hit.id}`)).body as ConversationDetailView;
}

export interface CapturedMail {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * A real SMTP server standing in for the customer's provider: keeps what it receives, or
 * answers every message with a chosen failure (4xx to make senders retry, 5xx to refuse).
 */
export class MailSink {
  readonly received: CapturedMail[] = [];
  private failWith: { code: number; message: string } | null = null;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      closeTimeout: 100,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.failWith) {
            const error = Object.assign(new Error(this.failWith.message), {
              responseCode: this.failWith.code,
            });
            callback(error);
            return;
          }
          const data = Buffer.concat(chunks);
          void simpleParser(data).then((parsed) => {
            this.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: data,
              parsed,
            });
            callback();
          });
        });
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://user:pass@127.0.0.1:${this.port}`;
  }

  fail(code: number, message: string): void {
    this.failWith = { code, message };
  }

  accept(): void {
    this.failWith = null;
  }

  async waitFor(match: (mail: CapturedMail) => boolean, ms = 10_000): Promise<CapturedMail> {
    return until(async () => this.received.find(match), ms);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
