import { createScratchDatabase, type ScratchDatabase } from '@sanad/testing';
import type { Browser, Page } from 'playwright-core';
import {
  SHOTS,
  describeBrowser,
  launchBrowser,
  loginPageWith,
  screenProblems,
} from './browser-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace } from './test-app';
import { WebhookReceiver } from './webhook-receiver';

type Language = 'ar' | 'en';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** What each language shows: the words the screens must use. */
const WORDS = {
  ar: { empty: 'لا توجد خطافات بعد', redelivered: 'إعادة تسليم', description: 'نظام المتجر' },
  en: { empty: 'No webhooks yet', redelivered: 'Redelivered', description: 'Shop system' },
} as const;

/** A count as shown (the member's digits, Latin or Arabic-Indic) in Latin digits. */
function digits(text: string | null): string {
  return (text ?? '').trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/**
 * Settings → Webhooks against the real server and a real receiver on loopback (allowed by
 * WEBHOOK_ALLOWED_HOSTS; the guard stays on for everything else): create an endpoint, see its
 * secret once, send a test event, watch it succeed in the log, open it, redeliver it and see
 * the second attempt, with the same webhook-id and a signature that verifies.
 */
describeBrowser('webhooks in a real browser', () => {
  let server: SpawnedServer;
  let database: ScratchDatabase | undefined;
  let browser: Browser;
  /** Each language's own receiver, so each check sees only its endpoint's requests. */
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    // A database of its own: this server's settings (where mail goes, which hosts webhooks may
    // reach) are its own, and another spec's server on a shared database would take its work.
    database = await createScratchDatabase();
    server = await spawnServer({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', DATABASE_URL: database.url });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  /** What is wrong on the screens visited: the test fails with all of it at the end. */
  let failures: string[] = [];
  beforeEach(async () => {
    failures = [];
    receiver = await new WebhookReceiver().start();
  });
  afterEach(() => receiver.stop());

  /** Each screen checked and photographed on a phone and a desktop. */
  async function shoot(page: Page, name: string, language: Language): Promise<void> {
    const before = page.viewportSize();
    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      for (const problem of await screenProblems(page, language))
        failures.push(`${name} ${size.width} ${language}: ${problem}`);
      await page.screenshot({ path: `${SHOTS}/webhooks-${name}-${size.width}-${language}.png` });
    }
    if (before) await page.setViewportSize(before);
  }

  it.each(['ar', 'en'] as const)(
    'create, secret, test event, delivery log, redeliver (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      await ws.owner.patch(
        '/api/v1/me',
        language === 'en' ? { language: 'en' } : { name: 'المالك' },
      );
      const page = await loginPageWith(browser, server.url, ws, { viewport: DESKTOP });
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => failures.push(`script error: ${error.message}`));
      try {
        await flow(page, language);
      } catch (error) {
        await page.screenshot({ path: `${SHOTS}/webhooks-failure-${language}.png` });
        throw error;
      } finally {
        await page.context().close();
      }
      expect(failures).toEqual([]);
    },
  );

  async function flow(page: Page, language: Language): Promise<void> {
    const words = WORDS[language];
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');

    // The settings menu leads to the empty list, which says what webhooks are.
    await page.goto(`${server.url}/settings/profile`);
    await page.getByTestId('nav-webhooks').click();
    await page.getByText(words.empty).waitFor();
    await shoot(page, 'empty', language);

    // A private address is refused by the server, and the reason shows under the URL.
    await page.getByTestId('webhook-add').click();
    const dialog = page.getByTestId('webhook-dialog');
    await dialog.getByTestId('webhook-url').fill('http://10.0.0.1/hooks');
    await dialog.getByTestId('webhook-description').fill(words.description);
    await dialog.getByTestId('webhook-events-choose').check();
    await dialog.getByTestId('webhook-group-conversation').check();
    await dialog.getByTestId('webhook-event-message.created').check();
    await dialog.getByTestId('webhook-header-add').click();
    await dialog.getByTestId('webhook-header-name').fill('X-Shop-Test');
    await dialog.getByTestId('webhook-header-value').fill(language);
    await page.getByTestId('webhook-save').click();
    const urlError = page.locator('#webhook-url-error');
    await urlError.waitFor();
    expect(await urlError.textContent()).toContain('10.0.0.1');
    await shoot(page, 'dialog', language);

    // The receiver on loopback is allowed; the secret shows once, with a copy button.
    await dialog.getByTestId('webhook-url').fill(receiver.url);
    await page.getByTestId('webhook-save').click();
    const secretBox = page.getByTestId('webhook-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
    await shoot(page, 'secret', language);
    await page.getByTestId('webhook-secret-close').click();

    // The endpoint's page: its URL, and the same secret when revealed.
    await page.getByTestId('webhook-page').waitFor();
    expect(await page.getByTestId('webhook-title').textContent()).toContain(receiver.url);
    await page.getByTestId('webhook-secret-reveal').click();
    expect((await page.getByTestId('webhook-secret-revealed').textContent())?.trim()).toBe(secret);

    // A test event reaches the receiver, signed with that secret and with the custom header,
    // and the log shows it delivered.
    await page.getByTestId('webhook-test').click();
    await page.getByTestId('webhook-notice').waitFor();
    await receiver.until((received) => received.length >= 1);
    const first = receiver.received[0];
    expect(first.headers['x-shop-test']).toBe(language);
    const verified = receiver.verified(secret);
    expect(verified.map((v) => v.type)).toEqual(['webhook.test']);
    const row = page.locator('[data-testid="delivery-row"][data-status="succeeded"]');
    await row.waitFor();
    expect(await page.getByTestId('delivery-row').count()).toBe(1);
    expect(digits(await row.getByTestId('delivery-attempts').textContent())).toBe('1');
    // The endpoint's health follows the log.
    await page.locator('[data-testid="webhook-health"][data-last-status="succeeded"]').waitFor();
    await shoot(page, 'endpoint', language);

    // The drawer: the body sent, the attempt with its answer.
    await row.getByTestId('delivery-open').click();
    const drawer = page.getByTestId('delivery-drawer');
    await drawer.getByTestId('delivery-attempt').first().waitFor();
    expect(await drawer.getByTestId('delivery-webhook-id').textContent()).toBe(first.id);
    expect(await drawer.getByTestId('delivery-request-body').textContent()).toContain(
      '"type": "webhook.test"',
    );
    expect(await drawer.getByTestId('delivery-attempt').count()).toBe(1);
    expect(await drawer.getByTestId('delivery-attempt-status').first().textContent()).toBe('200');
    await shoot(page, 'drawer', language);

    // Redeliver: a second attempt with the same webhook-id, shown first in the drawer.
    await drawer.getByTestId('delivery-redeliver').click();
    await receiver.until((received) => received.length >= 2);
    expect(receiver.received[1].id).toBe(first.id);
    expect(receiver.verified(secret).map((v) => v.type)).toEqual(['webhook.test', 'webhook.test']);
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } }
        ).document.querySelectorAll('[data-testid="delivery-attempt"]').length === 2,
    );
    const newest = drawer.getByTestId('delivery-attempt').first();
    expect(await newest.getByTestId('delivery-attempt-trigger').textContent()).toBe(
      words.redelivered,
    );
    await newest.getByTestId('delivery-attempt-status').waitFor();
    expect(await newest.getByTestId('delivery-attempt-status').textContent()).toBe('200');
    await shoot(page, 'redelivered', language);
    await page.getByTestId('drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="delivery-row"][data-status="succeeded"]')
      .filter({ has: page.getByTestId('delivery-attempts').getByText(/^\s*[2٢]\s*$/) })
      .waitFor();

    // Back on the list: one endpoint, enabled, with its last delivery.
    await page.getByTestId('nav-webhooks').click();
    await page.getByTestId('webhook-row').waitFor();
    expect(await page.getByTestId('webhook-row').count()).toBe(1);
    expect(await page.getByTestId('webhook-status').getAttribute('data-status')).toBe('enabled');
    expect(await page.getByTestId('webhook-health').getAttribute('data-last-status')).toBe(
      'succeeded',
    );
    await shoot(page, 'list', language);
  }
});
