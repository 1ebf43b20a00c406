import { createScratchDatabase, uniqueEmail } from '@sanad/testing';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace } from './test-app';
import { SHOTS, describeBrowser, launchBrowser } from './browser-harness';

describeBrowser('the SPA in a real browser', () => {
  let server: SpawnedServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await spawnServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stdout.write(`[browser error] ${error.message}\n`));
    return page;
  }

  /** The SPA sets dir on <html> when the language changes. */
  async function waitForDir(page: Page, dir: 'rtl' | 'ltr'): Promise<void> {
    await page.locator(`html[dir="${dir}"]`).waitFor({ state: 'attached' });
  }

  async function login(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-layout').waitFor();
  }

  it('starts in Arabic RTL, logs in, switches to English and back, and keeps the choice', async () => {
    const ws = await createWorkspace(server.url);
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.getByTestId('login-email').fill(ws.email);
    await page.getByTestId('login-password').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain(
      'البريد الإلكتروني أو كلمة المرور غير صحيحة',
    );
    await page.screenshot({ path: `${SHOTS}/login-ar.png` });
    await login(page, ws.email, ws.password);
    await page.screenshot({ path: `${SHOTS}/home-ar.png` });
    await page.getByTestId('user-menu').click();
    // The SPA switches at once and saves the choice in the background: wait for that save.
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH',
    );
    await page.getByTestId('user-lang-switch').click();
    await waitForDir(page, 'ltr');
    await saved;
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: `${SHOTS}/home-en.png` });
    const me = (await (await page.request.get(`${server.url}/api/v1/me`)).json()) as {
      user: { language: string };
    };
    expect(me.user.language).toBe('en');
    // A fresh browser logging in gets the saved language.
    const other = await newPage();
    await login(other, ws.email, ws.password);
    await waitForDir(other, 'ltr');
    await other.getByTestId('user-menu').click();
    await other.getByTestId('user-lang-switch').click();
    await waitForDir(other, 'rtl');
    expect(await other.locator('html').getAttribute('lang')).toBe('ar');
  });

  it('shows the create-your-workspace screen on an empty installation and logs the owner in', async () => {
    const db = await createScratchDatabase();
    const fresh = await spawnServer({ DATABASE_URL: db.url, SANAD_ALLOW_SIGNUP: 'false' });
    try {
      const page = await newPage();
      await page.goto(`${fresh.url}/`);
      await page.getByTestId('setup-workspace').waitFor();
      expect(page.url()).toMatch(/\/setup$/);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.screenshot({ path: `${SHOTS}/setup-ar.png` });
      await page.getByTestId('setup-workspace').fill('متجر الورد');
      await page.getByTestId('setup-name').fill('سارة');
      await page.getByTestId('setup-email').fill(uniqueEmail('first'));
      await page.getByTestId('setup-password').fill('1234567890');
      await page.getByTestId('setup-submit').click();
      // The weak password is refused with the reason under the field, in Arabic.
      await page.getByText('كلمة المرور ضعيفة').waitFor();
      await page.getByTestId('setup-password').fill('a-strong-first-password');
      await page.getByTestId('setup-submit').click();
      await page.getByTestId('app-layout').waitFor();
      await page.getByText('متجر الورد').first().waitFor();
      await page.goto(`${fresh.url}/setup`);
      await page.getByTestId('app-layout').waitFor();
    } finally {
      await fresh.stop();
      await db.drop();
    }
  });

  it.each(['ar', 'en'] as const)(
    'invites a member who accepts the link and lands in the workspace (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      const page = await newPage();
      await login(page, ws.email, ws.password);
      if (language === 'en') {
        await page.getByTestId('user-menu').click();
        await page.getByTestId('user-lang-switch').click();
        await waitForDir(page, 'ltr');
      }
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('nav-members').click();
      await page.getByTestId('invite-open').click();
      const email = uniqueEmail('invitee');
      await page.getByTestId('invite-email').fill(email);
      await page.getByTestId('invite-role').selectOption('agent');
      await page.getByTestId('invite-submit').click();
      const url = (await page.getByTestId('invite-url').textContent())?.trim() ?? '';
      expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
      await page.screenshot({ path: `${SHOTS}/invite-${language}.png` });
      await page.getByTestId('invite-close').click();

      const invitee = await newPage();
      await invitee.goto(url.replace(/^https?:\/\/[^/]+/, server.url));
      await invitee.getByTestId('accept-name').waitFor();
      expect(await invitee.locator('html').getAttribute('dir')).toBe('rtl');
      // The invitee picks their own language on the invite page; it becomes their account's.
      if (language === 'en') {
        await invitee.getByTestId('lang-switch').click();
        await waitForDir(invitee, 'ltr');
      }
      await invitee.getByTestId('accept-name').fill(language === 'ar' ? 'ليلى' : 'Laila');
      await invitee.getByTestId('accept-password').fill('invitee-password-42');
      await invitee.getByTestId('accept-submit').click();
      await invitee.getByTestId('app-layout').waitFor();
      expect(await invitee.locator('html').getAttribute('dir')).toBe(
        language === 'ar' ? 'rtl' : 'ltr',
      );
      await invitee.screenshot({ path: `${SHOTS}/invitee-home-${language}.png` });

      // The admin's members list shows the new member live (realtime member.joined).
      await page
        .locator(`[data-testid="member-row"][data-email="${email}"]`)
        .waitFor({ timeout: 10_000 });

      // The used link no longer works.
      const again = await newPage();
      await again.goto(url.replace(/^https?:\/\/[^/]+/, server.url));
      await again.getByTestId('accept-error').waitFor();
    },
  );
});
