import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { STRONG_PASSWORD, uniqueEmail } from '@sanad/testing';
import { spawnServer, type SpawnedServer } from './spawn-server';

/**
 * The one-command path's own PostgreSQL: it takes a free port when the default one is busy, and
 * when the postmaster dies under load it comes back by itself and no accepted mail is lost.
 */
describe('embedded PostgreSQL', () => {
  let server: SpawnedServer;
  let blocker: Server | null = null;
  let databaseUrl: string;

  beforeAll(async () => {
    // Another Sanad's database on the default port (unless one really runs there already).
    blocker = await new Promise<Server | null>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(null));
      s.listen(54329, '127.0.0.1', () => resolve(s));
    });
    server = await spawnServer(
      { INBOUND_DOMAIN: 'in.sanad.test', LOG_LEVEL: 'info' },
      { embedded: true },
    );
    const pid = readFileSync(join(server.dataDir, 'postgres', 'postmaster.pid'), 'utf8');
    const port = Number(pid.split('\n')[3]);
    databaseUrl = `postgresql://sanad:sanad-embedded@127.0.0.1:${port}/sanad`;
  }, 150_000);

  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
    blocker?.close();
  });

  it('uses a free port when the default one is taken, and says so', () => {
    expect(databaseUrl).not.toContain(':54329/');
    expect(server.output()).toMatch(/port 54329 is in use/);
  });

  it('comes back after the postmaster is killed during an SMTP load, with every message stored once', async () => {
    const base = server.url;
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        workspaceName: 'Embedded',
        name: 'Owner',
        email: uniqueEmail('owner'),
        password: STRONG_PASSWORD,
      }),
    });
    expect(signup.status).toBe(201);
    // Listing the mailboxes makes the inbox and its inbound address.
    const cookie = signup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect((await fetch(`${base}/api/v1/mailboxes`, { headers: { cookie } })).status).toBe(200);
    const db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined);
    await db.connect();
    const [{ address }] = (
      await db.query<{ address: string }>(
        `SELECT address FROM mailbox_addresses WHERE kind = 'inbound' LIMIT 1`,
      )
    ).rows;
    await db.end();
    const smtp = createTransport({
      host: '127.0.0.1',
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const total = 60;
    let retried = 0;
    let abandoned = false;
    // A sender that, like a real MTA, tries again after a 4xx.
    const deliver = async (n: number): Promise<void> => {
      for (;;) {
        try {
          await smtp.sendMail({
            envelope: { from: 'load@example.com', to: [`${address}@in.sanad.test`] },
            raw: `From: load@example.com\r\nSubject: load ${n}\r\nMessage-ID: <load-${n}@example.com>\r\n\r\nbody ${n}`,
          });
          return;
        } catch (error) {
          const code = (error as { responseCode?: number }).responseCode ?? 0;
          if (code && code < 400) throw error;
          retried++;
          if (abandoned) return;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const sending = Promise.all(
      Array.from({ length: total }, (_, n) =>
        new Promise((r) => setTimeout(r, n * 20)).then(() => deliver(n)),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    const pid = Number(
      readFileSync(join(server.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    process.kill(pid, 'SIGKILL');
    let watchdog: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => {
      watchdog = setTimeout(
        () =>
          reject(
            new Error(
              `mail still refused 50 s after the kill; the server said:\n${server.output().slice(-4000)}`,
            ),
          ),
        50_000,
      );
    });
    await Promise.race([sending, stuck]).finally(() => {
      clearTimeout(watchdog);
      abandoned = true;
      smtp.close();
    });
    expect(retried).toBeGreaterThan(0);
    // Everything accepted is processed once, with no restart of Sanad.
    const check = new Client({ connectionString: databaseUrl });
    await check.connect();
    const deadline = Date.now() + 60_000;
    let counts = { stored: 0, conversations: 0 };
    for (;;) {
      const { rows } = await check.query<{ stored: string; conversations: string }>(
        `SELECT (SELECT count(*) FROM inbound_emails) AS stored,
                (SELECT count(*) FROM conversations WHERE subject LIKE 'load %') AS conversations`,
      );
      counts = { stored: Number(rows[0].stored), conversations: Number(rows[0].conversations) };
      if (counts.conversations >= total || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await check.end();
    expect(counts).toEqual({ stored: total, conversations: total });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  }, 120_000);
});
