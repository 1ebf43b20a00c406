import { createScratchDatabase, type ScratchDatabase, uniqueEmail } from '@sanad/testing';
import type { ConversationView, MailboxView, PageView } from '@sanad/contracts';
import { createTransport } from 'nodemailer';
import type { Browser } from 'playwright-core';
import { SHOTS, describeBrowser, launchBrowser, loginPage } from './browser-harness';
import { DOMAIN, MailSink, until } from './email-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace, type TestWorkspace } from './test-app';

describeBrowser('the email channel in a real browser', () => {
  let server: SpawnedServer;
  let browser: Browser;
  let sink: MailSink;
  let database: ScratchDatabase;

  beforeAll(async () => {
    sink = new MailSink();
    database = await createScratchDatabase();
    server = await spawnServer({
      DATABASE_URL: database.url,
      SMTP_URL: await sink.start(),
      INBOUND_DOMAIN: DOMAIN,
      OUTBOUND_MAIL_ATTEMPTS: '1',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
    await database?.drop();
  });

  afterEach(() => sink.accept());

  async function inboundAddress(ws: TestWorkspace): Promise<string> {
    const boxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
    const inbox = boxes.items.find((m) => m.kind === 'inbox') as MailboxView;
    const settings = (await ws.owner.get(`/api/v1/mailboxes/${inbox.id}/email`)).body as {
      inboundAddress: string;
    };
    return settings.inboundAddress;
  }

  /** A customer's HTML email with a tracking image, an inline logo and Gmail's quoted history. */
  async function customerEmail(ws: TestWorkspace, subject: string, from: string) {
    const smtp = createTransport({
      host: '127.0.0.1',
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await smtp.sendMail({
      from: { name: 'سارة', address: from },
      to: await inboundAddress(ws),
      subject,
      text: 'طلبي لم يصل',
      html:
        '<div dir="rtl"><p>طلبي لم يصل بعد.</p><img src="cid:logo@shop" alt="logo">' +
        '<img src="https://tracker.example/pixel.gif" alt="pixel"></div>' +
        '<div class="gmail_quote"><p>رسالة قديمة مقتبسة</p></div><script>document.title="x"</script>',
      attachments: [
        {
          filename: 'logo.png',
          cid: 'logo@shop',
          contentType: 'image/png',
          content: Buffer.from(
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
            'base64',
          ),
        },
      ],
    });
    smtp.close();
    return until(async () => {
      const page = (await ws.owner.get('/api/v1/conversations?view=all'))
        .body as PageView<ConversationView>;
      return page.items.find((c) => c.subject === subject);
    });
  }

  it.each(['ar', 'en'] as const)(
    'shows an email safely, replies by email with its state, and retries a failed send (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
      const from = uniqueEmail('sara');
      const conversation = await customerEmail(ws, `طلب متأخر ${language}`, from);
      const page = await loginPage(browser, server.url, ws);
      await page.goto(`${server.url}/conversations/${conversation.id}`);
      await page.getByTestId('email-frame').waitFor();
      expect(await page.getByTestId('email-meta').textContent()).toContain(from);

      const frame = page.frameLocator('[data-testid="email-frame"]');
      await frame.getByText('طلبي لم يصل بعد.').waitFor();
      // No script ran; the quoted history is folded until asked for.
      expect(await page.title()).not.toBe('x');
      expect(await frame.getByText('رسالة قديمة مقتبسة').isVisible()).toBe(false);
      await frame.locator('label.sanad-toggle').click();
      await frame.getByText('رسالة قديمة مقتبسة').waitFor();
      // The inline logo comes from its attachment; the tracker waits for the agent.
      const logoWidth = await frame
        .locator('img[alt="logo"]')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
      expect(logoWidth).toBe(1);
      const src = await page.getByTestId('email-frame').getAttribute('src');
      expect(src).toContain('images=0');
      await page.getByTestId('show-images').click();
      await until(async () =>
        ((await page.getByTestId('email-frame').getAttribute('src')) ?? '').includes('images=1'),
      );
      await page
        .getByTestId('message')
        .first()
        .screenshot({ path: `${SHOTS}/email-message-${language}.png` });
      // The inline image is not listed again under the message.
      expect(await page.getByTestId('message-attachments').count()).toBe(0);

      await page
        .getByTestId('composer-text')
        .fill(language === 'ar' ? 'نعتذر عن التأخير، طلبك في الطريق.' : 'Sorry for the delay.');
      await page.locator('[data-testid="composer-send"]:not([disabled])').click();
      await page.locator('[data-testid="delivery"][data-status="sent"]').waitFor();
      const sent = await sink.waitFor((m) => m.to.includes(from));
      expect(sent.parsed.subject).toBe(`Re: طلب متأخر ${language}`);

      sink.fail(550, '5.1.1 Mailbox unavailable');
      await page.getByTestId('composer-text').fill(language === 'ar' ? 'ورد آخر' : 'And another');
      await page.locator('[data-testid="composer-send"]:not([disabled])').click();
      await page.locator('[data-testid="delivery"][data-status="failed"]').waitFor();
      expect(await page.getByTestId('delivery-reason').textContent()).toContain(
        'Mailbox unavailable',
      );
      await page.screenshot({ path: `${SHOTS}/email-thread-${language}.png` });
      sink.accept();
      await page.getByTestId('delivery-retry').click();
      await until(
        async () =>
          (await page.locator('[data-testid="delivery"][data-status="sent"]').count()) === 2,
      );
      expect(sink.received.filter((m) => m.to.includes(from))).toHaveLength(2);
    },
  );

  it.each(['ar', 'en'] as const)(
    'sets up a mailbox: inbound address, forwarding steps, test email, auto-acknowledgement, blocked senders (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
      const address = await inboundAddress(ws);
      const page = await loginPage(browser, server.url, ws);
      await page.goto(`${server.url}/settings/mailboxes`);
      await page.getByTestId('mailbox-email').first().click();
      await page.getByTestId('inbound-address').waitFor();
      expect(await page.getByTestId('inbound-address').textContent()).toBe(address);
      expect(await page.getByTestId('forwarding-steps').textContent()).toContain(address);
      await page.getByTestId('forwarding-outlook').click();
      expect(await page.getByTestId('forwarding-steps').textContent()).toContain('Outlook');
      expect(await page.getByTestId('outgoing-state').textContent()).toContain('SMTP_URL');

      const admin = uniqueEmail('admin');
      await page.getByTestId('test-to').fill(admin);
      await page.getByTestId('test-send').click();
      await page.locator('[data-testid="test-result"]').waitFor();
      await sink.waitFor((m) => m.to.includes(admin));

      await page.getByTestId('autoack-enabled').check();
      await page.getByTestId('autoack-save').click();
      await page.locator('#autoack-ar').waitFor();
      await until(async () => (await page.locator('#autoack-ar').inputValue()).includes('#'));
      await page.screenshot({ path: `${SHOTS}/email-settings-${language}.png`, fullPage: true });

      await page.goto(`${server.url}/settings/blocked-senders`);
      await page.getByTestId('blocked-pattern').fill('@spam.example');
      await page.getByTestId('blocked-add').click();
      await page.getByTestId('blocked-row').getByText('@spam.example').waitFor();

      const blocked = (await ws.owner.get('/api/v1/blocked-senders')).body as {
        items: Array<{ pattern: string }>;
      };
      expect(blocked.items.map((b) => b.pattern)).toEqual(['@spam.example']);
    },
  );
});
