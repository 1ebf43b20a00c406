import type { ConversationDetailView, MessageView, RatingView } from '@sanad/contracts';
import { createScratchDatabase, uniqueEmail, type ScratchDatabase } from '@sanad/testing';
import { createTransport } from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, describeBrowser, launchBrowser, loginPageWith, pageWidth } from './browser-harness';
import { MailSink, raw, until } from './email-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace, type TestWorkspace } from './test-app';

/**
 * Satisfaction end to end on the built server: a closed conversation's customer gets the rating
 * email at a real SMTP sink, follows a star link in a phone-sized browser, answers the four
 * dimensions and a comment on the Arabic page; the rating is in the conversation's timeline (API
 * and SPA) and `rating.created` in the events feed.
 */
describeBrowser('Satisfaction in the browser', () => {
  let server: SpawnedServer;
  let database: ScratchDatabase | undefined;
  let browser: Browser;
  const sink = new MailSink();

  beforeAll(async () => {
    // A database of its own: this server's mail goes to this sink, and no other spec's worker
    // takes its close events or rating requests.
    database = await createScratchDatabase();
    server = await spawnServer({
      DATABASE_URL: database.url,
      SMTP_URL: await sink.start(),
      MAIL_FROM: 'support@sanad.example',
      RATING_REQUESTS_EVERY_MS: '1000',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    await sink.close();
  });

  async function customerWrites(
    ws: TestWorkspace,
    subject: string,
  ): Promise<{ id: string; from: string }> {
    const { inboundAddress } = (await ws.owner.get('/api/v1/workspace/checklist')).body as {
      inboundAddress: string;
    };
    const from = uniqueEmail('rating-customer');
    const smtp = createTransport({
      host: '127.0.0.1',
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await smtp.sendMail({
      envelope: { from, to: [inboundAddress] },
      raw: raw(
        {
          From: `سارة <${from}>`,
          To: inboundAddress,
          Subject: subject,
          'Message-ID': `<${uniqueEmail('rating-message')}>`,
          'Content-Type': 'text/plain; charset=utf-8',
        },
        'مرحباً، متى يصل طلبي؟',
      ),
    });
    smtp.close();
    const conversation = await until(async () => {
      const list = (await ws.owner.get('/api/v1/conversations?view=all')).body as {
        items: Array<{ id: string; subject: string }>;
      };
      return list.items.find((c) => c.subject === subject) ?? null;
    }, 30_000);
    return { id: conversation.id, from };
  }

  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
    });
    return context.newPage();
  }

  it('close → rating email → one click → the Arabic page → dimensions and comment → the timeline and the events', async () => {
    const ws = await createWorkspace(server.url);
    expect(
      (await ws.owner.patch('/api/v1/satisfaction/settings', { delayMinutes: 0 })).status,
    ).toBe(200);
    const { id, from } = await customerWrites(ws, 'تقييم تجربة الشحن');
    await ws.owner.patch(`/api/v1/conversations/${id}`, { assigneeId: ws.me.user.id });
    await ws.owner.patch(`/api/v1/conversations/${id}`, { status: 'closed' });

    const mail = (await sink.waitFor((m) => m.to.includes(from), 30_000)).parsed;
    expect(mail.subject).toBe('Re: تقييم تجربة الشحن');
    expect(mail.text).toContain('كيف كانت تجربتك؟');
    const links = [...(mail.text ?? '').matchAll(/(https?:\/\/\S+\/r\/([0-9a-z.]+))/g)];
    const four = links.find((m) => m[2].split('.')[3] === '4')?.[1] as string;
    expect(four.startsWith(server.url)).toBe(true);
    expect(mail.html).toContain(four.slice(four.indexOf('/r/')));

    const page = await phone();
    const response = await page.goto(four);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expect(page.locator('input[name="score"][value="4"]').isChecked()).resolves.toBe(true);
    for (const label of ['الأسلوب والتعامل', 'سرعة الرد', 'وضوح الردود', 'مستوى السعادة'])
      await expect(page.locator('legend', { hasText: label }).count()).resolves.toBe(1);
    const width = await pageWidth(page);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
    await page.screenshot({ path: `${SHOTS}/rating-page-ar-390.png`, fullPage: true });
    // The click alone counted: the page recorded the star and says so.
    await page.locator('.intro strong', { hasText: 'سجّلنا تقييمك' }).waitFor();
    const afterClick = (await ws.owner.get(`/api/v1/conversations/${id}`))
      .body as ConversationDetailView;
    expect(
      afterClick.messages.some((m) => m.kind === 'activity' && m.data.action === 'rating'),
    ).toBe(true);

    for (const [dimension, value] of [
      ['manner', 5],
      ['speed', 3],
      ['clarity', 4],
      ['happiness', 5],
    ] as const)
      await page.locator(`label.star:has(input[name="${dimension}"][value="${value}"])`).click();
    await page
      .locator('#comment')
      .fill('الموظف كان لطيفًا جدًا، لكن الرد تأخر قليلًا. <script>alert(1)</script>');
    await page.getByRole('button', { name: 'إرسال' }).click();
    await page.waitForURL(/\/thanks/);
    await expect(page.getByText('شكرًا لك').count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/rating-thanks-ar-390.png`, fullPage: true });

    // The same page in English (its language link), with the answers given.
    await page.goto(`${four}/edit?lang=en`);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect(page.locator('input[name="speed"][value="3"]').isChecked()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/rating-page-en-390.png`, fullPage: true });
    await page.goto(`${server.url}/r/r1.not-a-link?lang=en`);
    await page.screenshot({ path: `${SHOTS}/rating-invalid-en-390.png`, fullPage: true });
    await expect(page.getByText('This rating link is not valid').count()).resolves.toBe(1);

    const detail = (await ws.owner.get(`/api/v1/conversations/${id}`))
      .body as ConversationDetailView;
    const entries = detail.messages.filter(
      (m: MessageView) => m.kind === 'activity' && m.data.action === 'rating',
    );
    expect(entries.at(-1)?.data).toMatchObject({
      score: 4,
      manner: 5,
      speed: 3,
      clarity: 4,
      happiness: 5,
    });
    const created = await until(async () => {
      const feed = (await ws.owner.get('/api/v1/events?after=0&limit=500')).body as {
        events: Array<{ type: string; data: { rating?: RatingView } }>;
      };
      return feed.events.find((e) => e.type === 'rating.created') ?? null;
    });
    expect(created.data.rating).toMatchObject({
      conversationId: id,
      score: 4,
      agentId: ws.me.user.id,
    });

    // The agent sees it in the thread, in Arabic and in English, on a phone and a desktop.
    for (const language of ['ar', 'en'] as const) {
      await ws.owner.patch('/api/v1/me', { language });
      for (const viewport of [
        { width: 1366, height: 900 },
        { width: 390, height: 844 },
      ]) {
        const agent = await loginPageWith(browser, server.url, ws, { viewport });
        await agent.goto(`${server.url}/conversations/${id}`);
        const entry = agent.getByTestId('rating-entry').last();
        await entry.waitFor();
        const text = (await entry.textContent()) ?? '';
        expect(text).toContain(language === 'ar' ? 'الأسلوب والتعامل' : 'Manner and courtesy');
        expect(text).toContain('<script>alert(1)</script>');
        await entry.scrollIntoViewIfNeeded();
        await agent.screenshot({
          path: `${SHOTS}/rating-timeline-${language}-${viewport.width}.png`,
        });
        await agent.goto(`${server.url}/settings/satisfaction`);
        await agent.getByTestId('satisfaction-settings').waitFor();
        await agent.screenshot({
          path: `${SHOTS}/satisfaction-settings-${language}-${viewport.width}.png`,
          fullPage: true,
        });
        await agent.context().close();
      }
    }
  });
});
