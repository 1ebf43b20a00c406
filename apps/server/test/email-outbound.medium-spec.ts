import {
  DEFAULT_BRAND,
  type BrandView,
  type ConversationDetailView,
  type MailboxEmailSettingsView,
  type MailboxView,
  type MessageView,
} from '@sanad/contracts';
import sharp from 'sharp';
import { withDigits } from '@sanad/core';
import { uniqueEmail } from '@sanad/testing';
import {
  DOMAIN,
  type EmailApp,
  MailSink,
  conversationWith,
  inboxAddress,
  raw,
  send,
  startEmailApp,
  until,
} from './email-harness';
import { type TestWorkspace, createWorkspace } from './test-app';

let app: EmailApp;
let globalSink: MailSink;

beforeAll(async () => {
  globalSink = new MailSink();
  const smtpUrl = await globalSink.start();
  app = await startEmailApp({
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'support@sanad.example',
    OUTBOUND_MAIL_ATTEMPTS: '3',
    OUTBOUND_MAIL_BACKOFF_MS: '100',
    AUTO_REPLIES_PER_RECIPIENT_PER_DAY: '2',
  });
});

afterAll(async () => {
  await app?.close();
  await globalSink?.close();
});

afterEach(() => globalSink.accept());

async function inbox(ws: TestWorkspace): Promise<MailboxView> {
  const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
  return mailboxes.items.find((m) => m.kind === 'inbox') as MailboxView;
}

/** A customer's email that opens a conversation; returns it and the Message-ID it had. */
async function customerWrites(
  ws: TestWorkspace,
  subject: string,
  options: { from?: string; text?: string; headers?: Record<string, string> } = {},
): Promise<{ detail: ConversationDetailView; messageId: string; from: string }> {
  const from = options.from ?? uniqueEmail('customer');
  const messageId = uniqueEmail('cust');
  await send(
    app,
    await inboxAddress(app, ws),
    raw(
      {
        From: from,
        To: await inboxAddress(app, ws),
        Subject: subject,
        'Message-ID': `<${messageId}>`,
        'Content-Type': 'text/plain; charset=utf-8',
        ...options.headers,
      },
      options.text ?? 'مرحباً، أحتاج مساعدة في طلبي.',
    ),
    from,
  );
  return { detail: await conversationWith(ws, subject), messageId, from };
}

async function messageState(ws: TestWorkspace, conversationId: string, messageId: string) {
  const detail = (await ws.owner.get(`/api/v1/conversations/${conversationId}`))
    .body as ConversationDetailView;
  return detail.messages.find((m) => m.id === messageId) as MessageView;
}

async function deliveryOf(
  ws: TestWorkspace,
  conversationId: string,
  messageId: string,
  status: 'sent' | 'failed',
): Promise<MessageView> {
  return until(async () => {
    const message = await messageState(ws, conversationId, messageId);
    return message.delivery?.status === status ? message : null;
  });
}

describe('replies leave as email', () => {
  it('keeps one thread through customer → agent → Gmail-style and Outlook-style replies', async () => {
    const ws = await createWorkspace(app.base);
    const box = await inbox(ws);
    await ws.owner.patch(`/api/v1/mailboxes/${box.id}`, { signature: 'فريق الدعم — سند' });
    const { detail, messageId, from } = await customerWrites(ws, 'استفسار عن الفاتورة');
    const conversationId = detail.conversation.id;
    const upload = await ws.owner.upload(
      '/api/v1/attachments',
      'فاتورة.pdf',
      Buffer.from('%PDF-1.4 invoice'),
      'application/pdf',
    );
    const reply = (
      await ws.owner.post(`/api/v1/conversations/${conversationId}/replies`, {
        text: 'أهلاً بك، أرفقنا الفاتورة.',
        attachmentIds: [(upload.body as { id: string }).id],
      })
    ).body as MessageView;
    expect(reply.delivery).toEqual({ status: 'queued', error: null });
    const sent = await globalSink.waitFor((m) => m.to.includes(from));
    const mail = sent.parsed;
    expect(mail.from?.value[0]).toEqual({
      name: 'Owner (الصندوق الوارد)',
      address: 'support@sanad.example',
    });
    expect(mail.replyTo?.value[0].address).toBe(await inboxAddress(app, ws));
    expect(mail.subject).toBe('Re: استفسار عن الفاتورة');
    expect(mail.inReplyTo).toBe(`<${messageId}>`);
    expect(mail.references).toEqual(`<${messageId}>`);
    expect(mail.messageId).toMatch(new RegExp(`^<sanad\\.${conversationId}\\.[^@]+@${DOMAIN}>$`));
    expect(mail.text).toContain('أهلاً بك، أرفقنا الفاتورة.');
    expect(mail.text).toContain('-- \nفريق الدعم — سند');
    expect(mail.html).toContain('dir="auto"');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['فاتورة.pdf']);
    expect(mail.attachments[0].content.toString()).toBe('%PDF-1.4 invoice');
    expect(sent.raw.toString()).not.toMatch(/^Auto-Submitted:/im);
    await deliveryOf(ws, conversationId, reply.id, 'sent');

    // Gmail: In-Reply-To our Message-ID, References the whole chain.
    await ws.owner.patch(`/api/v1/conversations/${conversationId}`, { status: 'closed' });
    const ourId = (mail.messageId as string).slice(1, -1);
    await send(
      app,
      await inboxAddress(app, ws),
      raw(
        {
          From: from,
          Subject: 'Re: استفسار عن الفاتورة',
          'Message-ID': `<${uniqueEmail('gmail')}>`,
          'In-Reply-To': `<${ourId}>`,
          References: `<${messageId}> <${ourId}>`,
        },
        'شكراً، وصلت.\n\nOn Mon, Owner wrote:\n> أهلاً بك',
      ),
      from,
    );
    // Outlook: a rewritten subject, no In-Reply-To, only our id left in References.
    await send(
      app,
      await inboxAddress(app, ws),
      raw(
        {
          From: from,
          Subject: 'RE: استفسار عن الفاتورة',
          'Message-ID': `<${uniqueEmail('outlook')}>`,
          'Thread-Index': 'AQHZ1234567890',
          References: `<${ourId}>`,
        },
        'وسؤال آخر.',
      ),
      from,
    );
    const thread = await until(async () => {
      const d = (await ws.owner.get(`/api/v1/conversations/${conversationId}`))
        .body as ConversationDetailView;
      return d.messages.filter((m) => m.kind === 'reply').length === 4 ? d : null;
    });
    expect(thread.conversation.status).toBe('open');
    const all = (await ws.owner.get('/api/v1/conversations?view=all')).body as { items: unknown[] };
    expect(all.items).toHaveLength(1);
  });

  it("wears the workspace's brand in the HTML part, with a plain-text part beside it", async () => {
    const ws = await createWorkspace(app.base);
    await ws.owner.patch('/api/v1/workspace/brand', { colour: '#BE185D' });
    const logo = await sharp({
      create: { width: 288, height: 84, channels: 4, background: '#BE185D' },
    })
      .png()
      .toBuffer();
    const branded = await ws.owner.replaceFile(
      '/api/v1/workspace/brand/logo',
      'logo.png',
      logo,
      'image/png',
    );
    const logoUrl = (branded.body as BrandView).logo?.url as string;
    const { detail, from } = await customerWrites(ws, 'سؤال عن الشحن');
    await ws.owner.post(`/api/v1/conversations/${detail.conversation.id}/replies`, {
      text: 'سيصلك الطلب غداً.\n\nمع التحية',
    });
    const { parsed } = await globalSink.waitFor((m) => m.to.includes(from));
    expect(parsed.text).toBe('سيصلك الطلب غداً.\n\nمع التحية');
    const html = parsed.html as string;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`src="${app.running.config.publicUrl}${logoUrl}"`);
    expect(html).toContain('width="144" height="42"');
    expect(html).toContain('border-top:4px solid #BE185D');
    expect(html).toContain('<p dir="auto" style="margin:0 0 1em">سيصلك الطلب غداً.</p>');
    // The logo the email points at is served to anyone (mail clients are not logged in).
    const served = await fetch(`${app.base}${logoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('sends through the mailbox’s own SMTP server with its password kept encrypted', async () => {
    const ws = await createWorkspace(app.base);
    const box = await inbox(ws);
    const own = new MailSink();
    await own.start();
    try {
      const settings = (
        await ws.owner.patch(`/api/v1/mailboxes/${box.id}/email`, {
          smtpHost: '127.0.0.1',
          smtpPort: own.port,
          smtpSecurity: 'none',
          smtpUser: 'support@company.example',
          smtpPassword: 'كلمة-سر-SMTP',
          fromName: 'دعم الشركة',
          fromAddress: 'support@company.example',
        })
      ).body as MailboxEmailSettingsView;
      expect(settings).toMatchObject({
        outgoing: 'mailbox',
        smtp: { host: '127.0.0.1', user: 'support@company.example', passwordSet: true },
        inboundAddress: await inboxAddress(app, ws),
      });
      expect(JSON.stringify(settings)).not.toContain('كلمة-سر');
      const stored = await app.db.query<{ smtp_password_enc: string }>(
        'SELECT smtp_password_enc FROM mailbox_email_settings WHERE mailbox_id = $1',
        [box.id],
      );
      expect(stored.rows[0].smtp_password_enc).toMatch(/^v1\./);
      expect(stored.rows[0].smtp_password_enc).not.toContain('SMTP');

      const test = await ws.owner.post(`/api/v1/mailboxes/${box.id}/email/test`, {
        to: 'admin@company.example',
      });
      expect(test.status).toBe(200);
      await own.waitFor((m) => m.to.includes('admin@company.example'));

      const { detail, from } = await customerWrites(ws, 'عبر خادم الشركة');
      await ws.owner.post(`/api/v1/conversations/${detail.conversation.id}/replies`, {
        text: 'رد عبر خادمنا',
      });
      const mail = await own.waitFor((m) => m.to.includes(from));
      expect(mail.parsed.from?.value[0]).toEqual({
        name: 'Owner (دعم الشركة)',
        address: 'support@company.example',
      });
      expect(mail.parsed.replyTo?.value[0].address).toBe(await inboxAddress(app, ws));
      expect(globalSink.received.some((m) => m.to.includes(from))).toBe(false);

      // A wrong port: the test answers 422 with the reason instead of pretending.
      await ws.owner.patch(`/api/v1/mailboxes/${box.id}/email`, { smtpPort: 1 });
      const failed = await ws.owner.post(`/api/v1/mailboxes/${box.id}/email/test`, {
        to: 'admin@company.example',
      });
      expect(failed.status).toBe(422);
      expect(failed.body.code).toBe('email/test_failed');
    } finally {
      await own.close();
    }
  });

  it('retries temporary failures with backoff, then shows failed with the reason and retries on request', async () => {
    const ws = await createWorkspace(app.base);
    const { detail, from } = await customerWrites(ws, 'خادم مشغول');
    globalSink.fail(451, '4.3.0 Try again later');
    const reply = (
      await ws.owner.post(`/api/v1/conversations/${detail.conversation.id}/replies`, {
        text: 'سنحاول',
      })
    ).body as MessageView;
    const failed = await deliveryOf(ws, detail.conversation.id, reply.id, 'failed');
    expect(failed.delivery?.error).toContain('Try again later');
    const row = await app.db.query<{ attempts: number }>(
      'SELECT attempts FROM email_deliveries WHERE message_id = $1',
      [reply.id],
    );
    expect(row.rows[0].attempts).toBe(3);
    expect(globalSink.received.some((m) => m.to.includes(from))).toBe(false);

    globalSink.accept();
    const retried = await ws.owner.post(
      `/api/v1/conversations/${detail.conversation.id}/messages/${reply.id}/retry`,
    );
    expect(retried.status).toBe(200);
    expect((retried.body as MessageView).delivery).toEqual({ status: 'queued', error: null });
    await deliveryOf(ws, detail.conversation.id, reply.id, 'sent');
    expect(globalSink.received.filter((m) => m.to.includes(from))).toHaveLength(1);
    const again = await ws.owner.post(
      `/api/v1/conversations/${detail.conversation.id}/messages/${reply.id}/retry`,
    );
    expect(again.status).toBe(409);
  });

  it('marks a reply failed at once when the server refuses it for good (5xx)', async () => {
    const ws = await createWorkspace(app.base);
    const { detail } = await customerWrites(ws, 'عنوان غير موجود');
    globalSink.fail(550, '5.1.1 User unknown');
    const reply = (
      await ws.owner.post(`/api/v1/conversations/${detail.conversation.id}/replies`, {
        text: 'مرحباً',
      })
    ).body as MessageView;
    const failed = await deliveryOf(ws, detail.conversation.id, reply.id, 'failed');
    expect(failed.delivery?.error).toContain('User unknown');
    const row = await app.db.query<{ attempts: number }>(
      'SELECT attempts FROM email_deliveries WHERE message_id = $1',
      [reply.id],
    );
    expect(row.rows[0].attempts).toBe(1);
    // A reply that never reached the customer has not answered them.
    const unanswered = async (): Promise<string[]> =>
      (
        (await ws.owner.get('/api/v1/conversations?view=unanswered')).body as {
          items: Array<{ id: string }>;
        }
      ).items.map((c) => c.id);
    expect(await unanswered()).toContain(detail.conversation.id);
    const counts = (await ws.owner.get('/api/v1/conversations/counts')).body as {
      views: { unanswered: number };
    };
    expect(counts.views.unanswered).toBe(1);
    // Sending it again counts as an answer again (while it is on its way).
    globalSink.accept();
    await ws.owner.post(
      `/api/v1/conversations/${detail.conversation.id}/messages/${reply.id}/retry`,
    );
    expect(await unanswered()).not.toContain(detail.conversation.id);
  });
});

describe('automatic messages and loops (R12)', () => {
  async function enableAutoAck(ws: TestWorkspace): Promise<void> {
    const box = await inbox(ws);
    const settings = (
      await ws.owner.patch(`/api/v1/mailboxes/${box.id}/email`, { autoAckEnabled: true })
    ).body as MailboxEmailSettingsView;
    expect(settings.autoAck.enabled).toBe(true);
    expect(settings.autoAck.ar).toContain('{{conversation.number}}');
  }

  it('acknowledges a new email in the customer’s language, marked Auto-Submitted, within the budget', async () => {
    const ws = await createWorkspace(app.base);
    await enableAutoAck(ws);
    await ws.owner.patch('/api/v1/workspace', { digits: 'arab' });
    const from = uniqueEmail('ack');
    const first = await customerWrites(ws, 'طلب جديد', { from });
    const ack = await globalSink.waitFor((m) => m.to.includes(from));
    expect(ack.raw.toString()).toMatch(/^Auto-Submitted: auto-replied/im);
    expect(ack.parsed.html).toContain(`border-top:4px solid ${DEFAULT_BRAND.colours.primary}`);
    // Arabic text shows the number in the workspace's digits (٠-٩ here); English keeps 0-9.
    expect(ack.parsed.text).toContain(
      `#${withDigits(String(first.detail.conversation.number), 'arab')}`,
    );
    expect(ack.parsed.text).toContain('شكراً لتواصلك معنا');
    // The inbox under its default name is named in the email's language: Arabic here.
    expect(ack.parsed.from?.value[0].name).toBe('الصندوق الوارد');
    expect(ack.parsed.text?.trimEnd()).toMatch(/\n\nالصندوق الوارد$/);
    expect(ack.parsed.inReplyTo).toBe(`<${first.messageId}>`);
    const detail = await until(async () => {
      const d = (await ws.owner.get(`/api/v1/conversations/${first.detail.conversation.id}`))
        .body as ConversationDetailView;
      return d.messages.some((m) => m.author.type === 'system' && m.delivery?.status === 'sent')
        ? d
        : null;
    });
    // An automatic answer is not an agent's: the conversation is still unanswered.
    const unanswered = (await ws.owner.get('/api/v1/conversations?view=unanswered')).body as {
      items: Array<{ id: string }>;
    };
    expect(unanswered.items.map((c) => c.id)).toContain(detail.conversation.id);

    const english = uniqueEmail('en');
    await customerWrites(ws, 'New order', { from: english, text: 'Hello, I need help.' });
    const enAck = await globalSink.waitFor((m) => m.to.includes(english));
    expect(enAck.parsed.text).toContain('Thanks for writing to us');
    expect(enAck.parsed.text).toMatch(/#\d+/);
    // …and "Inbox" in English, as sender and as {{mailbox.name}}; no Arabic left in it.
    expect(enAck.parsed.from?.value[0].name).toBe('Inbox');
    expect(enAck.parsed.text?.trimEnd()).toMatch(/\n\nInbox$/);
    expect(enAck.parsed.text).not.toMatch(/[\u0600-\u06FF]/);

    // The budget is 2 a day per address: the third new conversation gets no acknowledgement.
    await customerWrites(ws, 'طلب ثانٍ', { from });
    await globalSink.waitFor((m) => m.to.includes(from) && m.parsed.subject === 'Re: طلب ثانٍ');
    const third = await customerWrites(ws, 'طلب ثالث', { from });
    await new Promise((r) => setTimeout(r, 1000));
    expect(globalSink.received.filter((m) => m.to.includes(from))).toHaveLength(2);
    expect(third.detail.messages.filter((m) => m.author.type === 'system')).toHaveLength(0);
  });

  it('names a system mailbox in the email’s language, and a renamed one as written', async () => {
    const ws = await createWorkspace(app.base);
    await enableAutoAck(ws);
    // An agent's English reply comes from "Owner (Inbox)", an Arabic one from the Arabic name.
    const english = uniqueEmail('en-reply');
    const { detail } = await customerWrites(ws, 'Delivery date', {
      from: english,
      text: 'When will my order arrive?',
    });
    await globalSink.waitFor((m) => m.to.includes(english));
    await ws.owner.post(`/api/v1/conversations/${detail.conversation.id}/replies`, {
      text: 'It ships tomorrow.',
    });
    const reply = await globalSink.waitFor(
      (m) => m.to.includes(english) && m.parsed.text?.includes('It ships tomorrow.') === true,
    );
    expect(reply.parsed.from?.value[0].name).toBe('Owner (Inbox)');
    await ws.owner.post(`/api/v1/conversations/${detail.conversation.id}/replies`, {
      text: 'يُشحن طلبك غداً.',
    });
    const arabicReply = await globalSink.waitFor(
      (m) => m.to.includes(english) && m.parsed.text?.includes('يُشحن طلبك غداً.') === true,
    );
    expect(arabicReply.parsed.from?.value[0].name).toBe('Owner (الصندوق الوارد)');

    // A name an admin chose is the mailbox's name in every language.
    const box = await inbox(ws);
    await ws.owner.patch(`/api/v1/mailboxes/${box.id}`, { name: 'الدعم الفني' });
    const later = uniqueEmail('en-renamed');
    await customerWrites(ws, 'Refund', { from: later, text: 'I would like a refund.' });
    const ack = await globalSink.waitFor((m) => m.to.includes(later));
    expect(ack.parsed.text).toContain('Thanks for writing to us');
    expect(ack.parsed.from?.value[0].name).toBe('الدعم الفني');
    expect(ack.parsed.text?.trimEnd()).toMatch(/\n\nالدعم الفني$/);
  });

  it('never answers auto-replies, lists, bounces, a null sender or our own addresses', async () => {
    const ws = await createWorkspace(app.base);
    await enableAutoAck(ws);
    const cases: Array<{
      subject: string;
      from: string;
      envelope?: string;
      headers: Record<string, string>;
    }> = [
      {
        subject: 'Out of office',
        from: uniqueEmail('ooo'),
        headers: { 'Auto-Submitted': 'auto-replied' },
      },
      {
        subject: 'Newsletter',
        from: uniqueEmail('news'),
        headers: { Precedence: 'bulk', 'List-Id': '<news.example.com>' },
      },
      {
        subject: 'Vacation',
        from: uniqueEmail('vac'),
        headers: { 'X-Auto-Response-Suppress': 'All' },
      },
      { subject: 'Undeliverable', from: 'MAILER-DAEMON@mx.example.com', headers: {} },
      { subject: 'Null sender', from: uniqueEmail('null'), envelope: '', headers: {} },
      { subject: 'From ourselves', from: `other@${DOMAIN}`, headers: {} },
    ];
    for (const c of cases) {
      await send(
        app,
        await inboxAddress(app, ws),
        raw(
          {
            From: c.from,
            Subject: c.subject,
            'Message-ID': `<${uniqueEmail('loop')}>`,
            ...c.headers,
          },
          'x',
        ),
        c.envelope ?? c.from,
      );
    }
    for (const c of cases) await conversationWith(ws, c.subject);
    await new Promise((r) => setTimeout(r, 1000));
    const addresses = cases.map((c) => c.from.toLowerCase());
    expect(globalSink.received.filter((m) => m.to.some((t) => addresses.includes(t)))).toEqual([]);
  });

  it('links a bounce to the reply it reports: the reply is failed with the reason, no new conversation', async () => {
    const ws = await createWorkspace(app.base);
    const { detail, from } = await customerWrites(ws, 'سيرتد');
    const reply = (
      await ws.owner.post(`/api/v1/conversations/${detail.conversation.id}/replies`, {
        text: 'ردنا',
      })
    ).body as MessageView;
    const sent = await globalSink.waitFor((m) => m.to.includes(from));
    await deliveryOf(ws, detail.conversation.id, reply.id, 'sent');
    const boundary = 'dsn-boundary';
    await send(
      app,
      await inboxAddress(app, ws),
      [
        'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
        `To: ${await inboxAddress(app, ws)}`,
        'Subject: Delivery Status Notification (Failure)',
        `Message-ID: <${uniqueEmail('dsn')}>`,
        'Auto-Submitted: auto-replied',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        "Your message wasn't delivered.",
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; googlemail.com',
        '',
        `Final-Recipient: rfc822; ${from}`,
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 The email account that you tried to reach does not exist.',
        `--${boundary}`,
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: ${sent.parsed.messageId}`,
        `To: ${from}`,
        'Subject: Re: سيرتد',
        `--${boundary}--`,
      ].join('\r\n'),
      '',
    );
    const failed = await deliveryOf(ws, detail.conversation.id, reply.id, 'failed');
    expect(failed.delivery?.error).toContain('does not exist');
    const after = (await ws.owner.get(`/api/v1/conversations/${detail.conversation.id}`))
      .body as ConversationDetailView;
    expect(after.messages.some((m) => m.kind === 'activity' && m.data.action === 'bounce')).toBe(
      true,
    );
    const all = (await ws.owner.get('/api/v1/conversations?view=all')).body as { items: unknown[] };
    expect(all.items).toHaveLength(1);
  });
});

describe('spam and blocked senders', () => {
  it('files mail from a blocked address or domain under المزعج; unblocking is for admins', async () => {
    const ws = await createWorkspace(app.base);
    const blocked = await ws.owner.post('/api/v1/blocked-senders', { pattern: '@spam.example' });
    expect(blocked.status).toBe(201);
    expect(
      (await ws.owner.post('/api/v1/blocked-senders', { pattern: '@SPAM.example' })).status,
    ).toBe(409);
    expect(
      (await ws.owner.post('/api/v1/blocked-senders', { pattern: 'not an address' })).status,
    ).toBe(400);
    await send(
      app,
      await inboxAddress(app, ws),
      raw(
        { From: 'offers@spam.example', Subject: 'عرض مغرٍ', 'Message-ID': `<${uniqueEmail('s')}>` },
        'x',
      ),
      'offers@spam.example',
    );
    const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
    const spam = mailboxes.items.find((m) => m.kind === 'spam') as MailboxView;
    const filed = await until(async () => {
      const page = (await ws.owner.get(`/api/v1/conversations?mailboxId=${spam.id}`)).body as {
        items: Array<{ subject: string }>;
      };
      return page.items.find((c) => c.subject === 'عرض مغرٍ');
    });
    expect(filed).toBeTruthy();
    const other = await createWorkspace(app.base);
    expect(
      (await other.owner.delete(`/api/v1/blocked-senders/${(blocked.body as { id: string }).id}`))
        .status,
    ).toBe(404);
    expect(
      (await ws.owner.delete(`/api/v1/blocked-senders/${(blocked.body as { id: string }).id}`))
        .status,
    ).toBe(204);
  });

  it('shows Gmail’s forwarding confirmation with its code and link', async () => {
    const ws = await createWorkspace(app.base);
    await send(
      app,
      await inboxAddress(app, ws),
      raw(
        {
          From: 'Gmail Team <forwarding-noreply@google.com>',
          Subject:
            '(#123456789) Gmail Forwarding Confirmation - Receive Mail from support@company.com',
          'Message-ID': `<${uniqueEmail('gfc')}>`,
        },
        'support@company.com has requested to automatically forward mail to your email address.\r\nConfirmation code: 123456789\r\n\r\nTo allow support@company.com to automatically forward mail to your address, please click the link below to confirm the request:\r\n\r\nhttps://mail-settings.google.com/mail/vf-abc123\r\n',
      ),
      'forwarding-noreply@google.com',
    );
    const detail = await conversationWith(
      ws,
      '(#123456789) Gmail Forwarding Confirmation - Receive Mail from support@company.com',
    );
    const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
    expect(detail.conversation.mailboxId).toBe(mailboxes.items.find((m) => m.kind === 'inbox')?.id);
    expect(detail.messages[0].data.email).toMatchObject({
      forwardingConfirmation: {
        provider: 'gmail',
        code: '123456789',
        url: 'https://mail-settings.google.com/mail/vf-abc123',
      },
    });
  });
});

describe('without an outgoing server', () => {
  it('marks the reply failed and says why, and the test email answers 422', async () => {
    const bare = await startEmailApp({}, ['api', 'worker']);
    try {
      const ws = await createWorkspace(bare.base);
      const created = (
        await ws.owner.post('/api/v1/conversations', {
          contact: { email: uniqueEmail('c') },
          subject: 'بلا خادم',
          text: 'x',
        })
      ).body as ConversationDetailView;
      // API conversations do not leave by email; move one onto the email channel's path.
      await bare.db.query(`UPDATE conversations SET channel = 'email' WHERE id = $1`, [
        created.conversation.id,
      ]);
      const reply = (
        await ws.owner.post(`/api/v1/conversations/${created.conversation.id}/replies`, {
          text: 'مرحباً',
        })
      ).body as MessageView;
      const failed = await deliveryOf(ws, created.conversation.id, reply.id, 'failed');
      expect(failed.delivery?.error).toBe('no_outgoing_server');
      const box = await inbox(ws);
      const settings = (await ws.owner.get(`/api/v1/mailboxes/${box.id}/email`))
        .body as MailboxEmailSettingsView;
      expect(settings.outgoing).toBe('none');
      const test = await ws.owner.post(`/api/v1/mailboxes/${box.id}/email/test`, {
        to: 'admin@company.example',
      });
      expect(test.status).toBe(422);
      expect(test.body.code).toBe('email/no_outgoing_server');
    } finally {
      await bare.close();
    }
  });
});
