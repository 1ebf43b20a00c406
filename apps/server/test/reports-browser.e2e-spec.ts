import { uniqueEmail } from '@sanad/testing';
import type { ConversationDetailView, CreatedApiTokenView, DashboardView } from '@sanad/contracts';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { HttpSession, createWorkspace, type TestWorkspace } from './test-app';
import {
  SHOTS,
  describeBrowser,
  launchBrowser,
  layoutProblems,
  loginPageWith,
} from './browser-harness';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const REPORTS = ['conversations', 'agents', 'contacts', 'satisfaction'] as const;
/** Tables and the busiest-hours grid scroll inside their cards on a phone, by design. */
const SCROLLERS = ['.sidebar', '.reports__tabs', '.table-wrap'];

/**
 * The dashboard and the report pages in a real browser, in Arabic and English, on a phone and a
 * desktop: numbers from conversations made through the API, the charts and their tables, the
 * drill-down into the inbox, the exports, and a new conversation moving the dashboard live.
 */
describeBrowser('reports and the dashboard in a real browser', () => {
  let server: SpawnedServer;
  let browser: Browser;
  let ws: TestWorkspace;
  let api: HttpSession;
  let closedId: string;

  beforeAll(async () => {
    server = await spawnServer();
    browser = await launchBrowser();
    ws = await createWorkspace(server.url);
    const { secret } = (await ws.owner.post('/api/v1/tokens', { name: 'reports' }))
      .body as CreatedApiTokenView;
    api = HttpSession.withToken(server.url, secret);
    // Three conversations from customers; two answered by the owner, one of them closed.
    const made: ConversationDetailView[] = [];
    for (const subject of ['طلب أول', 'طلب ثانٍ', 'Third request']) made.push(await create(subject));
    for (const detail of made.slice(0, 2)) {
      const reply = await ws.owner.post(`/api/v1/conversations/${detail.conversation.id}/replies`, {
        text: 'شكراً لتواصلك، نعمل على طلبك',
      });
      expect(reply.status).toBe(201);
    }
    closedId = made[0].conversation.id;
    const closed = await ws.owner.patch(`/api/v1/conversations/${closedId}`, { status: 'closed' });
    expect(closed.status).toBe(200);
    // The numbers are there before any page opens (facts are kept by the worker).
    await waitFor(async () => {
      const view = (await ws.owner.get('/api/v1/reports/dashboard')).body as DashboardView;
      return view.closed?.value === 1 && view.ongoing?.value === 2;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function create(subject: string): Promise<ConversationDetailView> {
    const response = await api.post('/api/v1/conversations', {
      contact: { email: uniqueEmail('c'), name: 'سارة Sara' },
      subject,
      text: 'مرحباً، لدي سؤال عن طلبي',
    });
    expect(response.status).toBe(201);
    return response.body as ConversationDetailView;
  }

  async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function fitsWidth(page: Page): Promise<void> {
    const widths = await page.evaluate(() => {
      const doc = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }
      ).document;
      return {
        page: doc.documentElement.scrollWidth,
        view: (globalThis as unknown as { innerWidth: number }).innerWidth,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    expect(await layoutProblems(page, SCROLLERS)).toEqual([]);
  }

  const value = (page: Page, card: string) => page.getByTestId(`${card}-value`);

  it.each([
    ['ar', DESKTOP],
    ['ar', PHONE],
    ['en', DESKTOP],
    ['en', PHONE],
  ] as const)('the dashboard and every report (%s, %o)', async (language, viewport) => {
    await ws.owner.patch('/api/v1/me', { language });
    const page = await loginPageWith(browser, server.url, ws, { viewport });
    const tag = `${language}-${viewport.width}`;
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');

    // The home page is the dashboard, the first-run guide above it (nothing is set up yet).
    await page.getByTestId('first-run').waitFor();
    await value(page, 'card-ongoing').filter({ hasText: /^2$/ }).waitFor();
    await value(page, 'card-closed').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('card-speed-value').textContent()).not.toBe('—');
    await page.getByTestId('chart-conversations').locator('canvas').waitFor();
    expect(await page.getByTestId('busiest-hours-wide').locator('tbody tr').count()).toBe(7);
    expect(await page.getByTestId('busiest-hours-narrow').locator('tbody tr').count()).toBe(24);
    // The week starts on Saturday (the workspace's default): the first row is Saturday's.
    expect(
      await page
        .getByTestId('busiest-hours')
        .locator('tbody tr')
        .first()
        .getAttribute('data-weekday'),
    ).toBe('6');
    // The chart's numbers as a table.
    await page.getByTestId('chart-conversations-toggle').click();
    await page.getByTestId('chart-conversations-table').waitFor();
    await page.screenshot({ path: `${SHOTS}/reports-dashboard-${tag}.png`, fullPage: true });
    await fitsWidth(page);

    for (const name of REPORTS) {
      await page.goto(`${server.url}/reports/${name}`);
      await page.getByTestId(`report-${name}`).waitFor();
      await page.getByTestId('report-period').waitFor();
      if (name === 'conversations') {
        await value(page, 'card-new').filter({ hasText: /^3$/ }).waitFor();
        await value(page, 'card-closed').filter({ hasText: /^1$/ }).waitFor();
        await page.getByTestId('duration-first-response').waitFor();
      }
      if (name === 'agents') await page.getByTestId('agents-table').getByText('Owner').waitFor();
      if (name === 'contacts')
        await value(page, 'card-started').filter({ hasText: /^3$/ }).waitFor();
      if (name === 'satisfaction')
        await page.getByTestId('comments').or(page.getByTestId('comments-empty')).waitFor();
      await page.screenshot({ path: `${SHOTS}/reports-${name}-${tag}.png`, fullPage: true });
      await fitsWidth(page);
    }
    await page.context().close();
  });

  it('a number opens the conversations behind it in the inbox', async () => {
    await ws.owner.patch('/api/v1/me', { language: 'ar' });
    const page = await loginPageWith(browser, server.url, ws, { viewport: DESKTOP });
    await value(page, 'card-closed').filter({ hasText: /^1$/ }).click();
    await page.waitForURL(/\/conversations\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('closed');
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await page.getByTestId('drill-range').waitFor();
    await page.locator(`[data-testid="conversation-row"][data-id="${closedId}"]`).waitFor();
    expect(await page.getByTestId('conversation-row').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/reports-drill-down-ar.png` });
    await page.context().close();
  });

  it('exports: CSV for a table, and the PDF or a plain word that it is unavailable', async () => {
    const page = await loginPageWith(browser, server.url, ws, { viewport: DESKTOP });
    await page.goto(`${server.url}/reports/conversations`);
    const href = await page.getByTestId('section-series-csv').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/reports\/conversations\/export\.csv\?.*table=series/);
    const csv = await page.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const download = page.waitForEvent('download', { timeout: 30_000 }).then(() => 'pdf');
    const refused = page
      .getByTestId('report-pdf-problem')
      .waitFor({ timeout: 30_000 })
      .then(() => 'refused');
    await page.getByTestId('report-pdf').click();
    const outcome = await Promise.race([download, refused]);
    if (outcome === 'refused')
      expect(await page.getByTestId('report-pdf-problem').textContent()).toContain('CSV');
    await page.context().close();
  });

  it('a new conversation moves the ongoing number without a reload', async () => {
    await ws.owner.patch('/api/v1/me', { language: 'ar' });
    const page = await loginPageWith(browser, server.url, ws, { viewport: DESKTOP });
    const ongoing = value(page, 'card-ongoing');
    await ongoing.filter({ hasText: /^\d+$/ }).waitFor();
    const before = Number(await ongoing.textContent());
    // A mark on the window: gone if the page were loaded again.
    await page.evaluate(() => ((globalThis as unknown as { reportMark: number }).reportMark = 1));
    await create('طلب جديد أثناء العرض');
    await ongoing.filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor({ timeout: 10_000 });
    expect(
      await page.evaluate(() => (globalThis as unknown as { reportMark?: number }).reportMark),
    ).toBe(1);
    await page.screenshot({ path: `${SHOTS}/reports-dashboard-live-ar.png` });
    await page.context().close();
  });
});
