import * as iconv from 'iconv-lite';
import { connect, type Socket } from 'node:net';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@sanad/database';
import { InboundEmailProcessor } from '@sanad/mail';
import { OutboxDispatcher } from '@sanad/queue';
import type {
  ConversationDetailView,
  ConversationView,
  MailboxView,
  PageView,
} from '@sanad/contracts';
import { uniqueEmail } from '@sanad/testing';
import {
  DOMAIN,
  type EmailApp,
  conversationWith as conversationIn,
  inboxAddress as addressOf,
  raw,
  send as sendTo,
  startEmailApp,
  until,
} from './email-harness';
import { createWorkspace } from './test-app';
import type { TestWorkspace } from './test-app';

let app: EmailApp;
let base: string;

beforeAll(async () => {
  app = await startEmailApp({ MAX_MESSAGE_MB: '1', SMTP_MAX_RECIPIENTS: '3' });
  base = app.base;
});

afterAll(async () => {
  await app?.close();
});

const inboxAddress = (ws: TestWorkspace): Promise<string> => addressOf(app, ws);
const send = (to: string | string[], message: string | Buffer, from?: string) =>
  sendTo(app, to, message, from);
const conversationWith = conversationIn;

async function inboundStatuses(messageId: string): Promise<string[]> {
  const rows = await app.db.query<{ status: string }>(
    `SELECT status FROM inbound_emails WHERE raw::text LIKE '%' || $1 || '%' ORDER BY created_at`,
    [Buffer.from(messageId).toString('hex')],
  );
  return rows.rows.map((r) => r.status);
}

describe('SMTP ingress', () => {
  it('turns an email into a conversation with the sender as contact (RFC 2047 Arabic name)', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const info = await send(
      to,
      raw(
        {
          From: '=?UTF-8?B?2LPYp9ix2Kkg2KPYrdmF2K8=?= <sara@example.com>',
          To: to,
          Subject: '=?UTF-8?B?2YTZhSDZiti12YQg2LfZhNio2Yo=?=',
          'Message-ID': `<${uniqueEmail('m')}>`,
          'Content-Type': 'text/plain; charset=utf-8',
          'Content-Transfer-Encoding': '8bit',
        },
        'مرحباً، طلبي رقم ١٢٣ لم يصل بعد.',
      ),
      'sara@example.com',
    );
    expect(info.response).toMatch(/^250 /);
    const detail = await conversationWith(ws, 'لم يصل طلبي');
    expect(detail.conversation.channel).toBe('email');
    expect(detail.conversation.contact).toMatchObject({
      name: 'سارة أحمد',
      emails: ['sara@example.com'],
    });
    expect(detail.messages[0].text).toBe('مرحباً، طلبي رقم ١٢٣ لم يصل بعد.');
  });

  it('answers 550 for unknown recipients, 452 past the recipient cap and 552 past the size limit', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    await expect(
      send(`nobody@${DOMAIN}`, raw({ Subject: 'x', 'Message-ID': `<${uniqueEmail('u')}>` }, 'x')),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      send('support@not-ours.example', raw({ Subject: 'x' }, 'x')),
    ).rejects.toMatchObject({ responseCode: 550 });
    // The cap is 3: the fourth recipient is refused with 452, the message still goes to the rest.
    const many = await send(
      [to, to.replace('@', '+a@'), to.replace('@', '+b@'), to.replace('@', '+c@')],
      raw({ Subject: 'many', 'Message-ID': `<${uniqueEmail('many')}>` }, 'x'),
    );
    expect(many.rejected).toHaveLength(1);
    expect(String(many.rejectedErrors?.[0])).toMatch(/452/);
    await expect(
      send(
        to,
        raw({ Subject: 'big', 'Message-ID': `<${uniqueEmail('b')}>` }, 'x'.repeat(1_100_000)),
      ),
    ).rejects.toMatchObject({ responseCode: 552 });
  });

  it('stores a message delivered twice once', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const id = uniqueEmail('dup');
    const message = raw(
      { From: 'dup@example.com', Subject: 'مكرر', 'Message-ID': `<${id}>` },
      'نص',
    );
    await send(to, message, 'dup@example.com');
    await send(to, message, 'dup@example.com');
    const detail = await conversationWith(ws, 'مكرر');
    await until(async () => (await inboundStatuses(id)).includes('duplicate') || null);
    expect(await inboundStatuses(id)).toEqual(['processed', 'duplicate']);
    const again = (await ws.owner.get(`/api/v1/conversations/${detail.conversation.id}`))
      .body as ConversationDetailView;
    expect(again.messages.filter((m) => m.kind === 'reply')).toHaveLength(1);
  });

  it('keeps two different messages that reuse one Message-ID (R2: same id and content)', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const id = uniqueEmail('reused');
    await send(to, raw({ From: 'a@example.com', Subject: 'الأولى', 'Message-ID': `<${id}>` }, 'أ'));
    await send(
      to,
      raw({ From: 'b@example.com', Subject: 'الثانية', 'Message-ID': `<${id}>` }, 'ب'),
    );
    await conversationWith(ws, 'الأولى');
    await conversationWith(ws, 'الثانية');
    expect(await inboundStatuses(id)).toEqual(['processed', 'processed']);
  });

  it('resolves concurrent identical copies as one message and a duplicate, spending no failure', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const id = uniqueEmail('twin');
    const message = raw(
      { From: 'twin@example.com', Subject: 'توأم', 'Message-ID': `<${id}>` },
      'نص',
    );
    await Promise.all([send(to, message), send(to, message), send(to, message)]);
    await conversationWith(ws, 'توأم');
    await until(
      async () => (await inboundStatuses(id)).filter((s) => s === 'duplicate').length === 2 || null,
    );
    expect((await inboundStatuses(id)).sort()).toEqual(['duplicate', 'duplicate', 'processed']);
    const failures = await app.db.query<{ failures: number }>(
      `SELECT o.failures FROM outbox o JOIN inbound_emails i ON o.payload->>'inboundEmailId' = i.id::text
       WHERE o.type = 'email.received' AND i.raw::text LIKE '%' || $1 || '%'`,
      [Buffer.from(id).toString('hex')],
    );
    expect(failures.rows.map((r) => r.failures)).toEqual([0, 0, 0]);
  });
});

describe('threading', () => {
  async function firstEmail(ws: TestWorkspace, from: string, subject: string) {
    const to = await inboxAddress(ws);
    const id = uniqueEmail('first');
    await send(
      to,
      raw({ From: from, To: to, Subject: subject, 'Message-ID': `<${id}>` }, 'أول رسالة'),
      from,
    );
    return { to, id, detail: await conversationWith(ws, subject) };
  }

  it('keeps a Gmail-style reply (In-Reply-To + References) in the same conversation and reopens it', async () => {
    const ws = await createWorkspace(base);
    const { to, id, detail } = await firstEmail(ws, 'gmail@example.com', 'طلب إرجاع');
    await ws.owner.patch(`/api/v1/conversations/${detail.conversation.id}`, { status: 'closed' });
    await send(
      to,
      raw(
        {
          From: 'Gmail User <gmail@example.com>',
          To: to,
          Subject: 'Re: طلب إرجاع',
          'Message-ID': `<${uniqueEmail('reply')}>`,
          'In-Reply-To': `<${id}>`,
          References: `<${id}>`,
        },
        'شكراً، أي جديد؟\r\n\r\nOn Mon, someone wrote:\r\n> أول رسالة',
      ),
      'gmail@example.com',
    );
    const after = await until(async () => {
      const d = (await ws.owner.get(`/api/v1/conversations/${detail.conversation.id}`))
        .body as ConversationDetailView;
      return d.messages.filter((m) => m.kind === 'reply').length === 2 ? d : null;
    });
    expect(after.conversation.status).toBe('open');
  });

  it('keeps an Outlook-style reply (RE:, Thread-Index, References only) in the same conversation', async () => {
    const ws = await createWorkspace(base);
    const { to, id, detail } = await firstEmail(ws, 'outlook@example.com', 'Invoice 42');
    await send(
      to,
      raw(
        {
          From: 'outlook@example.com',
          To: to,
          Subject: 'RE: Invoice 42',
          'Thread-Topic': 'Invoice 42',
          'Thread-Index': 'AQHZ1234567890abcdef==',
          'Message-ID': `<${uniqueEmail('ol')}>`,
          References: `<${id}>`,
        },
        'Any update?',
      ),
      'outlook@example.com',
    );
    await until(async () => {
      const d = (await ws.owner.get(`/api/v1/conversations/${detail.conversation.id}`))
        .body as ConversationDetailView;
      return d.messages.filter((m) => m.kind === 'reply').length === 2 || null;
    });
  });

  it('opens a new conversation for an unknown reference, even with the same subject and sender (R13)', async () => {
    const ws = await createWorkspace(base);
    const { to, detail } = await firstEmail(ws, 'fallback@example.com', 'تغيير العنوان');
    await send(
      to,
      raw(
        {
          From: 'fallback@example.com',
          Subject: 'رد: تغيير العنوان',
          'Message-ID': `<${uniqueEmail('fb')}>`,
          'In-Reply-To': '<lost-somewhere@mail.example.com>',
        },
        'العنوان الجديد هو...',
      ),
      'fallback@example.com',
    );
    const separate = await conversationWith(ws, 'رد: تغيير العنوان');
    expect(separate.conversation.id).not.toBe(detail.conversation.id);
    const first = (await ws.owner.get(`/api/v1/conversations/${detail.conversation.id}`))
      .body as ConversationDetailView;
    expect(first.messages.filter((m) => m.kind === 'reply')).toHaveLength(1);
  });

  it('never lets another sender join someone else’s conversation (R13)', async () => {
    const ws = await createWorkspace(base);
    const { to, id, detail } = await firstEmail(ws, 'owner-of-thread@example.com', 'حسابي');
    await send(
      to,
      raw(
        {
          From: 'intruder@example.com',
          Subject: 'Re: حسابي',
          'Message-ID': `<${uniqueEmail('intr')}>`,
          'In-Reply-To': `<${id}>`,
          References: `<${id}>`,
        },
        'أنا أيضاً',
      ),
      'intruder@example.com',
    );
    const separate = await conversationWith(ws, 'Re: حسابي');
    expect(separate.conversation.id).not.toBe(detail.conversation.id);
    expect(separate.conversation.contact?.emails).toEqual(['intruder@example.com']);
  });
});

describe('content', () => {
  it('decodes Arabic in windows-1256 (quoted-printable), ISO-8859-6 (base64) and UTF-8 (base64)', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const text = 'السلام عليكم، أرجو إرسال الفاتورة';
    const qp = (bytes: Buffer): string =>
      [...bytes]
        .map((b) =>
          b >= 33 && b <= 126 && b !== 61
            ? String.fromCharCode(b)
            : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
        )
        .join('');
    const cases: Array<[string, Buffer]> = [
      [
        'cp1256',
        Buffer.concat([
          Buffer.from(
            `From: win@example.com\r\nSubject: =?windows-1256?B?${iconv.encode('فاتورة 1', 'win1256').toString('base64')}?=\r\nMessage-ID: <${uniqueEmail('w')}>\r\nContent-Type: text/plain; charset=windows-1256\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
          ),
          Buffer.from(qp(iconv.encode(text, 'win1256'))),
        ]),
      ],
      [
        'iso-8859-6',
        Buffer.from(
          `From: iso@example.com\r\nSubject: =?ISO-8859-6?Q?${qp(iconv.encode('فاتورة', 'iso-8859-6')).replace(/ /g, '_')}_2?=\r\nMessage-ID: <${uniqueEmail('i')}>\r\nContent-Type: text/plain; charset=ISO-8859-6\r\nContent-Transfer-Encoding: base64\r\n\r\n${iconv.encode(text, 'iso-8859-6').toString('base64')}`,
        ),
      ],
      [
        'utf-8',
        Buffer.from(
          `From: utf@example.com\r\nSubject: =?UTF-8?B?${Buffer.from('فاتورة ٣').toString('base64')}?=\r\nMessage-ID: <${uniqueEmail('u')}>\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(text).toString('base64')}`,
        ),
      ],
    ];
    const subjects = ['فاتورة 1', 'فاتورة 2', 'فاتورة ٣'];
    for (const [index, [, message]] of cases.entries()) {
      await send(to, message);
      const detail = await conversationWith(ws, subjects[index]);
      expect(detail.messages[0].text).toBe(text);
    }
  });

  it('keeps attachments under safe names and serves HTML/SVG parts as downloads', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const info = await app.smtp.sendMail({
      envelope: { from: 'files@example.com', to: [to] },
      from: 'files@example.com',
      to,
      subject: 'ملفات',
      text: 'مرفقة',
      html: '<p>مرفقة <img src="cid:logo@x"></p><script>alert(1)</script>',
      attachments: [
        { filename: '../../etc/passwd', content: 'root:x:0:0' },
        { filename: 'invoice\u202Efdp.exe', content: 'MZ' },
        { filename: 'page.html', content: '<script>alert(1)</script>', contentType: 'text/html' },
        { filename: 'logo.svg', content: '<svg onload="alert(1)"/>', contentType: 'image/svg+xml' },
        {
          filename: 'logo.png',
          content: Buffer.from('png'),
          contentType: 'image/png',
          cid: 'logo@x',
        },
      ],
    });
    expect(info.response).toMatch(/^250 /);
    const detail = await conversationWith(ws, 'ملفات');
    const message = detail.messages[0];
    expect(message.html).toContain('cid:logo@x');
    expect(message.html).not.toContain('<script');
    const inline = message.attachments.find((a) => a.contentId === 'logo@x');
    expect(inline?.fileName).toBe('logo.png');
    const names = message.attachments.map((a) => a.fileName);
    // MIME order: nodemailer puts the inline image in multipart/related next to the HTML, first
    expect(names).toEqual(['logo.png', 'passwd', 'invoicefdp.exe', 'page.html', 'logo.svg']);
    for (const file of message.attachments.filter((a) => /html|svg/.test(a.contentType))) {
      const download = await ws.owner.download(`${file.url}?inline=1`);
      expect({ status: download.status, body: String(download.body).slice(0, 300) }).toEqual({
        status: 200,
        body: expect.any(String),
      });
      expect(download.headers['content-type']).toBe('application/octet-stream');
      expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    }
  });

  it.each([
    [
      'a raw NUL in the subject and an 8-bit body',
      'Subject: a\u0000b nul-1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit',
      'x\u0000y',
    ],
    [
      'an encoded-word subject with U+0000',
      'Subject: =?utf-8?B?' + Buffer.from('a\u0000b nul-2').toString('base64') + '?=',
      'plain',
    ],
    [
      'quoted-printable =00',
      'Subject: nul-3\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable',
      'x=00y',
    ],
    [
      'base64 decoding to NUL',
      'Subject: nul-4\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64',
      Buffer.from('x\u0000y').toString('base64'),
    ],
  ])('shows mail with %s, without the NUL', async (_name, headers, body) => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const tag = /nul-\d/.exec(
      Buffer.from(/B\?(.*)\?=/.exec(headers)?.[1] ?? '', 'base64').toString() + headers,
    )?.[0] as string;
    await send(
      to,
      `From: nul@example.com\r\nMessage-ID: <${uniqueEmail(tag)}>\r\n${headers}\r\n\r\n${body}`,
    );
    const detail = await until(async () => {
      const list = (await ws.owner.get('/api/v1/conversations')).body as {
        items: Array<{ id: string; subject: string }>;
      };
      const hit = list.items.find((c) => c.subject.includes(tag));
      return hit
        ? ((await ws.owner.get(`/api/v1/conversations/${hit.id}`)).body as ConversationDetailView)
        : null;
    });
    expect(detail.conversation.subject).not.toContain('\u0000');
    expect(detail.conversation.subject).not.toMatch(/unreadable/i);
    const text = detail.messages.find((m) => m.kind === 'reply')?.text ?? '';
    expect(text).not.toContain('\u0000');
    expect(text.length).toBeGreaterThan(0);
  });

  it('survives malformed MIME without crashing or blocking other sessions', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    let nested = 'Content-Type: text/plain\r\n\r\nقاع';
    for (let i = 0; i < 120; i++)
      nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--`;
    const bad = [
      `From: a@example.com\r\nSubject: broken-boundary\r\nMessage-ID: <${uniqueEmail('bb')}>\r\nContent-Type: multipart/mixed; boundary="zzz"\r\n\r\n--zzz\r\nContent-Type: text/plain\r\n\r\nلا نهاية`,
      `From: a@example.com\r\nSubject: deep-nesting\r\nMessage-ID: <${uniqueEmail('dn')}>\r\n${nested}`,
      `From: a@example.com\r\nSubject: huge-header\r\nX-Huge: ${'h'.repeat(300_000)}\r\nMessage-ID: <${uniqueEmail('hh')}>\r\n\r\nنص`,
      `From: a@example.com\r\nSubject: bad-charset\r\nMessage-ID: <${uniqueEmail('bc')}>\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nhello`,
    ];
    await Promise.all(bad.map((message) => send(to, message, 'a@example.com')));
    for (const subject of ['broken-boundary', 'deep-nesting', 'huge-header', 'bad-charset'])
      await conversationWith(ws, subject);
    const ok = await send(
      to,
      raw({ Subject: 'still-fine', 'Message-ID': `<${uniqueEmail('ok')}>` }, 'ok'),
    );
    expect(ok.response).toMatch(/^250 /);
  });

  it('files upstream-flagged spam under المزعج and marks automatic replies', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    await send(
      to,
      raw(
        {
          From: 's@example.com',
          Subject: 'spammy',
          'X-Spam-Flag': 'YES',
          'Message-ID': `<${uniqueEmail('s')}>`,
        },
        'buy',
      ),
    );
    await send(
      to,
      raw(
        {
          From: 'ooo@example.com',
          Subject: 'Out of office',
          'Auto-Submitted': 'auto-replied',
          'Message-ID': `<${uniqueEmail('o')}>`,
        },
        'away',
      ),
    );
    const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
    const spam = mailboxes.items.find((m) => m.kind === 'spam') as MailboxView;
    const spammy = await until(async () => {
      const page = (await ws.owner.get(`/api/v1/conversations?mailboxId=${spam.id}`))
        .body as PageView<ConversationView>;
      return page.items.find((c) => c.subject === 'spammy');
    });
    expect(spammy.mailboxId).toBe(spam.id);
    const ooo = await conversationWith(ws, 'Out of office');
    expect(ooo.messages[0].data).toMatchObject({ email: { automatic: 'auto-reply' } });
  });
});

describe('nothing accepted is lost, nothing is stored twice', () => {
  it('runs a processing job twice (redelivery) and still has one message', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const id = uniqueEmail('twice');
    await send(
      to,
      raw({ From: 'twice@example.com', Subject: 'مرتين', 'Message-ID': `<${id}>` }, 'x'),
    );
    const detail = await conversationWith(ws, 'مرتين');
    const inbound = await app.db.query<{ id: string }>(
      `SELECT id FROM inbound_emails WHERE conversation_id = $1`,
      [detail.conversation.id],
    );
    const event = await app.db.query<{ id: string }>(
      `SELECT id FROM outbox WHERE type = 'email.received' AND payload->>'inboundEmailId' = $1`,
      [inbound.rows[0].id],
    );
    const dispatcher = app.running.app.get(OutboxDispatcher);
    // The same job again (its receipt stops it) ...
    await dispatcher.dispatch(event.rows[0].id);
    // ... and again after its receipt and status are gone, as if it never finished.
    await app.db.query(`DELETE FROM job_receipts WHERE key = $1`, [event.rows[0].id]);
    await app.db.query(`UPDATE outbox SET status = 'pending' WHERE id = $1`, [event.rows[0].id]);
    await app.db.query(`UPDATE inbound_emails SET status = 'pending' WHERE id = $1`, [
      inbound.rows[0].id,
    ]);
    await dispatcher.dispatch(event.rows[0].id);
    const after = (await ws.owner.get(`/api/v1/conversations/${detail.conversation.id}`))
      .body as ConversationDetailView;
    expect(after.messages.filter((m) => m.kind === 'reply')).toHaveLength(1);
    const status = await app.db.query<{ status: string }>(
      'SELECT status FROM inbound_emails WHERE id = $1',
      [inbound.rows[0].id],
    );
    expect(status.rows[0].status).toBe('duplicate');
  });

  it('keeps a message that keeps failing as unreadable, with its raw source downloadable', async () => {
    const ws = await createWorkspace(base);
    const to = await inboxAddress(ws);
    const body = 'From: broken@example.com\r\nSubject: x\r\n\r\nraw bytes \u00ff';
    const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
    const inbox = mailboxes.items.find((m) => m.kind === 'inbox') as MailboxView;
    // Stored as SMTP stores it; its event has failed processing as often as allowed already.
    const id = randomUUID();
    await app.db.query(
      `INSERT INTO inbound_emails (id, workspace_id, mailbox_id, envelope_from, envelope_to, size, raw)
       VALUES ($1, $2, $3, 'broken@example.com', $4, $5, $6)`,
      [id, ws.me.workspace.id, inbox.id, [to], body.length, Buffer.from(body, 'latin1')],
    );
    await app.running.app.get(TransactionRunner).run(() =>
      app.running.app.get(InboundEmailProcessor).handle({
        id: randomUUID(),
        workspaceId: null,
        seq: null,
        type: 'email.received',
        payload: { inboundEmailId: id },
        createdAt: new Date(),
        failures: 3,
      }),
    );
    const stored = [id];
    const detail = await conversationWith(ws, 'رسالة تعذّرت قراءتها (Unreadable email)');
    expect(detail.messages[0].data).toMatchObject({
      email: { unreadable: true, inboundEmailId: stored[0] },
    });
    const rawSource = await ws.owner.download(`/api/v1/inbound-emails/${stored[0]}/raw`);
    expect(rawSource.status).toBe(200);
    expect(rawSource.headers['content-type']).toBe('application/octet-stream');
    expect(rawSource.headers['content-disposition']).toMatch(/^attachment;.*\.eml/);
    expect((rawSource.body as Buffer).toString('latin1')).toBe(body);
    const other = await createWorkspace(base);
    expect((await other.owner.download(`/api/v1/inbound-emails/${stored[0]}/raw`)).status).toBe(
      404,
    );
  });

  it('answers 4xx when PostgreSQL goes away during DATA, stores nothing half, and takes the retry', async () => {
    const isolated = await startEmailApp({}, ['api', 'mail']);
    try {
      const ws = await createWorkspace(isolated.base);
      const to = await addressOf(isolated, ws);
      const dbName = new URL(isolated.databaseUrl).pathname.slice(1);
      const admin = new Client({ connectionString: process.env.SANAD_TEST_ADMIN_URL });
      await admin.connect();
      const session = await SmtpSession.open(isolated.running.smtpPort as number);
      try {
        await session.command('EHLO client.example', /^250/);
        await session.command('MAIL FROM:<late@example.com>', /^250/);
        await session.command(`RCPT TO:<${to}>`, /^250/);
        await session.command('DATA', /^354/);
        session.write(
          `From: late@example.com\r\nSubject: during-data\r\nMessage-ID: <${uniqueEmail('dd')}>\r\n\r\nنص\r\n`,
        );
        // PostgreSQL is gone before the final dot: every connection cut, no new ones allowed.
        await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [dbName],
        );
        const answer = await session.command('.', /^\d{3}/);
        expect(answer).toMatch(/^4\d\d /);
      } finally {
        session.close();
        await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      const count = async () => {
        const c = new Client({ connectionString: isolated.databaseUrl });
        await c.connect();
        const rows = await c.query<{ n: string }>('SELECT count(*) AS n FROM inbound_emails');
        await c.end();
        return Number(rows.rows[0].n);
      };
      expect(await count()).toBe(0);
      // The sender retries, as SMTP clients do after a 4xx; once the database is back it is taken.
      const message = raw(
        {
          From: 'late@example.com',
          Subject: 'during-data',
          'Message-ID': `<${uniqueEmail('dd')}>`,
        },
        'نص',
      );
      const accepted = await until(async () =>
        sendTo(isolated, to, message, 'late@example.com').catch(() => null),
      );
      expect(accepted.response).toMatch(/^250 /);
      expect(await count()).toBe(1);
    } finally {
      await isolated.close();
    }
  });
});

/** A hand-driven SMTP conversation, to act between the DATA lines and the final dot. */
class SmtpSession {
  private buffer = '';
  private waiting: ((line: string) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.flush();
    });
  }

  static async open(port: number): Promise<SmtpSession> {
    const socket = connect(port, '127.0.0.1');
    const session = new SmtpSession(socket);
    await session.reply(/^220/);
    return session;
  }

  write(text: string): void {
    this.socket.write(text);
  }

  async command(line: string, expected: RegExp): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.reply(expected);
  }

  close(): void {
    this.socket.destroy();
  }

  /** The next complete reply (multi-line replies end with `NNN `). */
  private reply(expected: RegExp): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no SMTP reply')), 10_000);
      this.waiting = (text) => {
        clearTimeout(timer);
        if (expected.test(text)) resolve(text);
        else reject(new Error(`unexpected SMTP reply: ${text}`));
      };
      this.flush();
    });
  }

  private flush(): void {
    const match = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.buffer);
    if (!match || !this.waiting) return;
    const end = match.index + match[0].length;
    const text = this.buffer.slice(0, end).split('\r\n').filter(Boolean).at(-1) as string;
    this.buffer = this.buffer.slice(end);
    const waiting = this.waiting;
    this.waiting = null;
    waiting(text);
  }
}
