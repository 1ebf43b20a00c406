import type { NpsResponseView, NpsSurveyView } from '@sanad/contracts';
import { createScratchDatabase, uniqueEmail, type ScratchDatabase } from '@sanad/testing';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, describeBrowser, launchBrowser, pageWidth } from './browser-harness';
import { MailSink, until } from './email-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace } from './test-app';

/**
 * NPS end to end on the built server: a survey's email reaches a real SMTP sink; in a phone-sized
 * browser one click on a score records it (the page's script posts it), the comment follows;
 * without JavaScript, opening a link records nothing until the customer presses Send.
 */
describeBrowser('NPS in the browser', () => {
  let server: SpawnedServer;
  let database: ScratchDatabase | undefined;
  let browser: Browser;
  const sink = new MailSink();

  beforeAll(async () => {
    database = await createScratchDatabase();
    server = await spawnServer({
      DATABASE_URL: database.url,
      SMTP_URL: await sink.start(),
      MAIL_FROM: 'support@sanad.example',
      NPS_SURVEYS_EVERY_MS: '1000',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    await sink.close();
  });

  async function phone(javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      javaScriptEnabled,
    });
    return context.newPage();
  }

  it('one click records the score, the comment follows; without JavaScript Send does it', async () => {
    const ws = await createWorkspace(server.url);
    const email = uniqueEmail('nps-customer');
    const created = await ws.owner.post('/api/v1/people', { name: 'سارة', emails: [email] });
    expect(created.status).toBe(201);
    const personId = (created.body as { id: string }).id;
    const survey = await ws.owner.post('/api/v1/nps/surveys', {
      name: 'الربع الرابع',
      segment: { registered: true },
    });
    expect(survey.status).toBe(201);
    const { id } = survey.body as NpsSurveyView;

    const mail = (await sink.waitFor((m) => m.to.includes(email), 30_000)).parsed;
    const links = [...(mail.text ?? '').matchAll(/(https?:\/\/\S+\/n\/[0-9a-z.]+)/g)].map(
      (m) => m[1],
    );
    expect(links).toHaveLength(11);
    const responses = async () =>
      (
        (await ws.owner.get(`/api/v1/nps/surveys/${id}/responses`)).body as {
          items: NpsResponseView[];
        }
      ).items;

    const page = await phone();
    await page.goto(links[9]);
    await page.waitForURL(/\/done\?lang=ar/);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(page.locator('input[name="score"][value="9"]').isChecked()).resolves.toBe(true);
    const recorded = await until(async () => {
      const items = await responses();
      return items[0]?.score === 9 ? items[0] : null;
    });
    expect(recorded.person).toEqual({ id: personId, name: 'سارة' });
    const width = await pageWidth(page);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
    await page.screenshot({ path: `${SHOTS}/nps-page-ar-390.png`, fullPage: true });
    await page.fill('textarea[name="comment"]', 'خدمة ممتازة <b>شكرًا</b>');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-nps-state="commented"]');
    expect((await responses())[0]).toMatchObject({ score: 9, comment: 'خدمة ممتازة <b>شكرًا</b>' });

    const noScript = await phone(false);
    await noScript.goto(`${links[4]}?lang=en`);
    expect(await noScript.locator('html').getAttribute('lang')).toBe('en');
    await expect(noScript.locator('input[name="score"][value="4"]').isChecked()).resolves.toBe(
      true,
    );
    expect((await responses())[0].score).toBe(9); // opening the link recorded nothing
    await noScript.screenshot({ path: `${SHOTS}/nps-page-en-390-noscript.png`, fullPage: true });
    await noScript.click('button[type="submit"]');
    await noScript.waitForSelector('[data-nps-state="commented"]');
    expect((await responses())[0]).toMatchObject({ score: 4, comment: 'خدمة ممتازة <b>شكرًا</b>' });
  });
});
