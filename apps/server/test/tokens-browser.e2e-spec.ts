import type { ApiTokenView } from '@sanad/contracts';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, describeBrowser, launchBrowser, loginPage } from './browser-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace, type TestWorkspace } from './test-app';

/** Settings → API tokens: the scope is chosen at creation and shown with the last use. */
describeBrowser('API tokens in the browser', () => {
  let server: SpawnedServer;
  let browser: Browser;
  let ws: TestWorkspace;
  let page: Page;

  beforeAll(async () => {
    server = await spawnServer();
    browser = await launchBrowser();
    ws = await createWorkspace(server.url);
    page = await loginPage(browser, server.url, ws);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function createToken(name: string, scope: 'read' | 'write'): Promise<string> {
    await page.getByTestId('token-open').click();
    await page.getByTestId('token-name').fill(name);
    await page.getByTestId(`token-scope-${scope}`).check();
    await page.getByTestId('token-submit').click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^(إغلاق|Close)$/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    return secret.trim();
  }

  function row(name: string) {
    return page.getByTestId('token-row').filter({ hasText: name });
  }

  it('creates a read-only token in Arabic, shows its scope, then its last use', async () => {
    await page.goto(`${server.url}/settings/tokens`);
    await page.getByTestId('token-open').click();
    // Read and write is what a new token gets unless told otherwise.
    expect(await page.getByTestId('token-scope-write').isChecked()).toBe(true);
    await expect(page.getByText('يقرأ البيانات فقط').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/tokens-create-ar.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'إلغاء', exact: true }).click();

    const secret = await createToken('تقارير المبيعات', 'read');
    expect(secret).toMatch(/^snd_/);
    await expect(row('تقارير المبيعات').getByTestId('token-scope').textContent()).resolves.toBe(
      'قراءة فقط',
    );
    await expect(
      row('تقارير المبيعات').getByTestId('token-last-used').textContent(),
    ).resolves.toContain('لم يُستخدم بعد');

    // The integrator uses it: the list shows when, in the member's language and digits.
    const me = await fetch(`${server.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.status).toBe(200);
    const written = async () => {
      const listed = await page.request.get(`${server.url}/api/v1/tokens`);
      const items = ((await listed.json()) as { items: ApiTokenView[] }).items;
      return items.find((t) => t.name === 'تقارير المبيعات')?.lastUsedAt ?? null;
    };
    const until = Date.now() + 5000;
    while (!(await written()) && Date.now() < until) await page.waitForTimeout(50);
    const at = (await written()) as string;
    await page.reload();
    const lastUsed = row('تقارير المبيعات').getByTestId('token-last-used').locator('time');
    await lastUsed.waitFor();
    expect(await lastUsed.getAttribute('datetime')).toBe(at);
    // Written as the rest of the interface writes times: the member's language, the workspace's zone.
    const expected = await page.evaluate(
      ([iso, zone]) =>
        new Intl.DateTimeFormat('ar', {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: zone,
        }).format(new Date(iso)),
      [at, ws.me.workspace.timeZone] as const,
    );
    expect(await lastUsed.textContent()).toBe(expected);
    await page.screenshot({ path: `${SHOTS}/tokens-list-ar.png` });
  });

  it('does the same in English', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-lang-switch').click();
    await page.locator('html[dir="ltr"]').waitFor({ state: 'attached' });
    await createToken('CRM sync', 'write');
    await expect(row('CRM sync').getByTestId('token-scope').textContent()).resolves.toBe(
      'Read and write',
    );
    await expect(row('تقارير المبيعات').getByTestId('token-scope').textContent()).resolves.toBe(
      'Read-only',
    );
    const lastUsed = row('تقارير المبيعات').getByTestId('token-last-used').locator('time');
    const at = (await lastUsed.getAttribute('datetime')) as string;
    const expected = await page.evaluate(
      ([iso, zone]) =>
        new Intl.DateTimeFormat('en', {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: zone,
        }).format(new Date(iso)),
      [at, ws.me.workspace.timeZone] as const,
    );
    expect(await lastUsed.textContent()).toBe(expected);
    await page.getByTestId('token-open').click();
    await expect(page.getByText('Reads data only').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/tokens-create-en.png` });
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.screenshot({ path: `${SHOTS}/tokens-list-en.png` });
  });
});
