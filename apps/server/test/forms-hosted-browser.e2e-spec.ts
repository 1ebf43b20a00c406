import { createScratchDatabase, type ScratchDatabase } from '@sanad/testing';
import type { FormDefinition, FormField, FormView, SubmissionView } from '@sanad/contracts';
import { emptyField } from '@sanad/forms';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { SHOTS, describeBrowser, launchBrowser, loginPageWith } from './browser-harness';
import { until } from './email-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace, type TestWorkspace } from './test-app';

/**
 * The hosted form page (/f/:key) as a customer meets it: without JavaScript and with it, in
 * Arabic and English, with a file; an error round trip; the embed on another origin's page that
 * does its worst to the iframe.
 */
const field = (
  key: string,
  type: FormField['type'],
  extra: Partial<FormField> = {},
): FormField => ({
  ...emptyField(key, type, { ar: `حقل ${key}`, en: `Field ${key}` }),
  ...extra,
});

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

/**
 * axe-core on the page: serious and critical violations, as readable lines. Evaluated through
 * the debugging protocol, which the page's CSP does not govern (a script tag would be refused,
 * as it should be), and which runs even where the page's own JavaScript is off.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

type Rect = { x: number; y: number; width: number; height: number };

/**
 * A real mouse click in the middle of an element inside the embed's iframe, as a person would
 * click it; Playwright's own click loses its way in an iframe on a page whose styles are all
 * unset, so the point is worked out here: the iframe's box plus the element's box inside it.
 */
async function clickInFrame(page: Page, iframe: Locator, target: Locator): Promise<void> {
  const frame = (await iframe.boundingBox()) as Rect;
  const box = await target.evaluate((el) => {
    const r = (el as unknown as { getBoundingClientRect(): Rect }).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  await page.mouse.click(frame.x + box.x + box.width / 2, frame.y + box.y + box.height / 2);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

describeBrowser('Hosted form page in the browser', () => {
  let server: SpawnedServer;
  let database: ScratchDatabase | undefined;
  let browser: Browser;
  let ws: TestWorkspace;
  let form: FormView;
  let host: Server;
  let hostOrigin: string;

  beforeAll(async () => {
    // Browsers fill these forms in milliseconds: no minimum time, or they would be held as spam.
    // A database of its own: null-workspace events (form.received, email.received) are taken by
    // any worker on a shared database, and a short-lived server taking another spec's event
    // leaves it waiting for the redelivery.
    server = await spawnServer({
      FORM_MIN_FILL_SECONDS: '0',
      DATABASE_URL: (database = await createScratchDatabase()).url,
    });
    browser = await launchBrowser();
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html><head><title>Shop</title>
<style>* { all: unset } html { direction: ltr } iframe { display: none !important }</style>
</head><body><p>Shop</p>
<script src="${server.url}/public/forms/embed.js" data-sanad-form="KEY" data-lang="en" data-hidden-campaign="spring" async></script>
</body></html>`.replace('KEY', form.key),
      );
    });
    hostOrigin = `http://localhost:${await listen(host)}`;
    ws = await createWorkspace(server.url);
    const created = (await ws.owner.post('/api/v1/forms', { name: 'طلب دعم' })).body as FormView;
    const draft: FormDefinition = structuredClone(created.draft);
    draft.fields = [
      field('name', 'short_text', { required: true, mapTo: { kind: 'contact', property: 'name' } }),
      field('email', 'email', { required: true, mapTo: { kind: 'contact', property: 'email' } }),
      field('topics', 'multi_select', {
        required: true,
        options: [
          { value: 'billing', label: { ar: 'الفواتير', en: 'Billing' } },
          { value: 'tech', label: { ar: 'مشكلة تقنية', en: 'Technical' } },
        ],
      }),
      field('message', 'long_text', { required: true }),
      field('invoice', 'file', {
        file: { maxFiles: 2, maxSizeMb: 1, accept: ['.pdf', 'image/*'] },
      }),
      field('campaign', 'hidden'),
    ];
    draft.settings.languages = 'both';
    draft.settings.allowedOrigins = [hostOrigin];
    draft.settings.thankYou = { ar: 'شكراً، وصلتنا رسالتك.', en: 'Thanks, we got your message.' };
    expect((await ws.owner.patch(`/api/v1/forms/${created.id}`, { draft })).status).toBe(200);
    form = (await ws.owner.post(`/api/v1/forms/${created.id}/publish`, {})).body as FormView;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    host?.close();
  });

  async function submissionsOf(): Promise<SubmissionView[]> {
    const list = (await ws.owner.get(`/api/v1/form-submissions?formId=${form.id}&limit=100`))
      .body as {
      items: Array<{ id: string }>;
    };
    return Promise.all(
      list.items.map(
        async (s) =>
          (await ws.owner.get(`/api/v1/form-submissions/${s.id}`)).body as SubmissionView,
      ),
    );
  }

  const pdf = (name: string) => ({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });

  it.each([
    ['ar', false],
    ['ar', true],
    ['en', false],
    ['en', true],
  ] as const)(
    'submits in %s (JavaScript %s), after an error round trip, with a file',
    async (language, javaScriptEnabled) => {
      const context = await browser.newContext({
        javaScriptEnabled,
        viewport: { width: 390, height: 844 },
      });
      const page = await context.newPage();
      const ar = language === 'ar';
      await page.goto(`${server.url}/f/${form.key}?lang=${language}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await page.locator('html').getAttribute('dir')).toBe(ar ? 'rtl' : 'ltr');
      await page.locator('#f-name').fill(`Sara ${language} ${javaScriptEnabled}`);
      // The browser takes this address; the server does not.
      await page.locator('#f-email').fill('sara@example');
      await page.locator('#f-message').fill('الطلب لم يصل بعد');
      await page.locator('#f-invoice').setInputFiles(pdf('invoice.pdf'));
      // No topic ticked: a checkbox group has no native "required"; the server says it.
      await page.locator('button[type=submit]').click();
      await page.locator('.summary').waitFor();
      await expect(page.locator('#f-email-error').textContent()).resolves.toContain(
        ar ? 'أدخل بريداً إلكترونياً صحيحاً.' : 'Enter a valid email address.',
      );
      expect(await page.locator('#f-email').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#f-topics-error').isVisible()).toBe(true);
      expect(await page.locator('#f-name').inputValue()).toBe(
        `Sara ${language} ${javaScriptEnabled}`,
      );
      expect(await page.locator('#f-message').inputValue()).toBe('الطلب لم يصل بعد');
      await page.screenshot({
        path: `${SHOTS}/forms-hosted-errors-${language}-js-${javaScriptEnabled}-390.png`,
        fullPage: true,
      });
      // axe needs the page's JavaScript; the page without it is the same markup.
      if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);

      await page.locator('#f-email').fill(`sara.${language}.${javaScriptEnabled}@example.com`);
      await page.locator('#f-topics-1').check();
      await page.locator('#f-invoice').setInputFiles(pdf('invoice.pdf'));
      await page.locator('button[type=submit]').click();
      await page.getByText(ar ? 'شكراً، وصلتنا رسالتك.' : 'Thanks, we got your message.').waitFor();
      await page.screenshot({
        path: `${SHOTS}/forms-hosted-thanks-${language}-js-${javaScriptEnabled}-390.png`,
        fullPage: true,
      });

      const mine = await until(
        async () =>
          (await submissionsOf()).find((s) =>
            s.answers.some((a) => a.value === `Sara ${language} ${javaScriptEnabled}`),
          ) ?? null,
      );
      expect(mine.language).toBe(language);
      expect(mine.files.map((f) => f.fileName)).toEqual(['invoice.pdf']);
      expect(mine.answers.find((a) => a.key === 'topics')?.value).toEqual(['tech']);
      await context.close();
    },
  );

  it('puts the submission live in an agent’s inbox, with the line back to the submission', async () => {
    const page = await loginPageWith(browser, server.url, ws, {
      viewport: { width: 1366, height: 900 },
    });
    await page.getByTestId('nav-conversations').click();
    await page.getByTestId('app-layout').waitFor();
    const sent = await fetch(`${server.url}/public/forms/${form.key}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        values: {
          name: 'ليلى',
          email: 'layla@example.com',
          topics: ['billing'],
          message: 'وصلت الفاتورة مرتين',
        },
        language: 'ar',
      }),
    });
    expect(sent.status).toBe(201);
    const { id } = (await sent.json()) as { id: string };
    // Its conversation is made a moment after the 201, by the submission's processor.
    const submission = await until(async () => {
      const view = (await ws.owner.get(`/api/v1/form-submissions/${id}`)).body as SubmissionView;
      return view.conversationId ? view : null;
    });
    const row = page.locator(
      `[data-testid="conversation-row"][data-id="${submission.conversationId}"]`,
    );
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await page.getByText('وصلت الفاتورة مرتين').first().waitFor();
    await page.locator(`a[href="/forms/submissions/${id}"]`).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/forms-inbox-live-ar.png` });
    await page.context().close();
  });

  it('solves the proof-of-work challenge in the page, so a person’s submission is not spam', async () => {
    const created = (await ws.owner.post('/api/v1/forms', { name: 'بإثبات عمل' })).body as FormView;
    const draft: FormDefinition = structuredClone(created.draft);
    draft.settings.challenge = true;
    expect((await ws.owner.patch(`/api/v1/forms/${created.id}`, { draft })).status).toBe(200);
    const live = (await ws.owner.post(`/api/v1/forms/${created.id}/publish`, {})).body as FormView;
    const context = await browser.newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${server.url}/f/${live.key}`);
    await page.locator('altcha-widget').waitFor();
    await page.locator('#f-email').fill('pow@example.com');
    await page.locator('#f-message').fill('رسالة بعد إثبات العمل');
    await page.screenshot({ path: `${SHOTS}/forms-hosted-challenge-ar.png`, fullPage: true });
    await page.locator('button[type=submit]').click();
    await page.getByText('شكراً لك، وصلتنا رسالتك').waitFor({ timeout: 30_000 });
    expect(refused).toEqual([]);
    const list = (await ws.owner.get(`/api/v1/form-submissions?formId=${created.id}`)).body as {
      items: Array<{ state: string; spamReason: string | null }>;
    };
    expect(list.items).toEqual([expect.objectContaining({ state: 'new', spamReason: null })]);
    await context.close();
  });

  it('is laid out and accessible on a desktop, in both languages', async () => {
    for (const language of ['ar', 'en'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}/f/${form.key}?lang=${language}`);
      await page.screenshot({ path: `${SHOTS}/forms-hosted-${language}-1280.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it('embeds on another origin that unsets every style: shows, auto-sizes and submits', async () => {
    // Tall enough that the whole form is on screen: the clicks below need no scrolling.
    const page = await browser.newPage({ viewport: { width: 390, height: 2000 } });
    await page.goto(`${hostOrigin}/`);
    const iframe = page.locator('iframe[data-sanad-frame]');
    await iframe.waitFor();
    const inside = page.frameLocator('iframe[data-sanad-frame]');
    await inside.locator('#f-name').waitFor();
    const frameHeight = () =>
      iframe.evaluate(
        (el) =>
          (el as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect()
            .height,
      );
    const first = await until(async () => {
      const h = await frameHeight();
      return h > 480 ? h : null;
    });
    expect(await inside.locator('html').getAttribute('lang')).toBe('en');
    await inside.locator('#f-name').fill('Embedded Sara');
    await inside.locator('#f-email').fill('embedded@example.com');
    await clickInFrame(page, iframe, inside.locator('#f-topics-0'));
    expect(await inside.locator('#f-topics-0').isChecked()).toBe(true);
    await inside.locator('#f-message').fill('From the shop page');
    await page.screenshot({ path: `${SHOTS}/forms-embed-host-390.png`, fullPage: true });
    await clickInFrame(page, iframe, inside.locator('button[type=submit]'));
    await inside.getByText('Thanks, we got your message.').waitFor();
    await until(async () => ((await frameHeight()) < first ? true : null));
    const mine = await until(
      async () =>
        (await submissionsOf()).find((s) => s.answers.some((a) => a.value === 'Embedded Sara')) ??
        null,
    );
    expect(mine.answers.find((a) => a.key === 'campaign')?.value).toBe('spring');
    expect(mine.pageUrl).toBe(`${hostOrigin}/`);
    await page.close();
  });
});
