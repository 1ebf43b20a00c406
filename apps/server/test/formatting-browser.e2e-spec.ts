import type {
  ConversationDetailView,
  CreatedApiTokenView,
  MeView,
  WorkspaceView,
} from '@sanad/contracts';
import { uniqueEmail } from '@sanad/testing';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, describeBrowser, launchBrowser, loginPageWith } from './browser-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { HttpSession, createWorkspace, type TestWorkspace } from './test-app';

type Language = 'ar' | 'en';

const DESKTOP = { width: 1366, height: 900 };
const LATIN = /[0-9]/;
const ARABIC_INDIC = /[٠-٩]/;

/**
 * Numbers, dates and times follow the workspace's basic settings (digits, calendar, time zone)
 * and the member's own digits, across the inbox, the home page and the forms' messages.
 */
describeBrowser('formatting in a real browser: digits, Hijri dates, time zone names', () => {
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

  /** The workspace's basic settings, through the API an admin's settings screen uses. */
  async function setWorkspace(ws: TestWorkspace, patch: Partial<WorkspaceView>): Promise<void> {
    const response = await ws.owner.patch('/api/v1/workspace', patch);
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({
      status: 200,
      body: patch,
    });
  }

  /** A workspace with three conversations from the API channel, its owner in `language`. */
  async function workspaceWithConversations(language: Language): Promise<{
    ws: TestWorkspace;
    conversations: ConversationDetailView[];
  }> {
    const ws = await createWorkspace(server.url);
    if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
    const { secret } = (await ws.owner.post('/api/v1/tokens', { name: 'integration' }))
      .body as CreatedApiTokenView;
    const api = HttpSession.withToken(server.url, secret);
    const conversations: ConversationDetailView[] = [];
    for (const subject of ['طلب رقم 1', 'Order 2', 'استرجاع 3']) {
      const created = await api.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('c'), name: 'سارة Sara' },
        subject,
        text: 'مرحباً',
      });
      expect(created.status).toBe(201);
      conversations.push(created.body as ConversationDetailView);
    }
    return { ws, conversations };
  }

  async function openInbox(page: Page): Promise<void> {
    await page.goto(`${server.url}/conversations`);
    await page.getByTestId('conversation-row').nth(2).waitFor();
  }

  it.each(['ar', 'en'] as const)(
    'switching the workspace to Arabic-Indic digits and Hijri dates changes the inbox (%s)',
    async (language) => {
      const { ws, conversations } = await workspaceWithConversations(language);
      const page = await loginPageWith(browser, server.url, ws, { viewport: DESKTOP });
      await openInbox(page);

      // Latin digits by default: counts, conversation numbers, full dates.
      await page.getByTestId('count-all').filter({ hasText: /^3$/ }).waitFor();
      const number = conversations[2].conversation.number;
      const row = page.locator(
        `[data-testid="conversation-row"][data-id="${conversations[2].conversation.id}"]`,
      );
      expect(await row.locator('.row__number').textContent()).toBe(`#${number}`);
      // The list's times are relative ("now" / "الآن") with the full date in the title.
      expect(await row.getByTestId('conversation-time').textContent()).toBe(
        language === 'ar' ? 'الآن' : 'now',
      );
      expect(await row.getByTestId('conversation-time').getAttribute('title')).toMatch(LATIN);

      // Applied live from the workspace.updated event: no reload.
      await setWorkspace(ws, { digits: 'arab' });
      await page.getByTestId('count-all').filter({ hasText: /^٣$/ }).waitFor();
      const arabicNumber = String(number).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);
      expect(await row.locator('.row__number').textContent()).toBe(`#${arabicNumber}`);
      const title = (await row.getByTestId('conversation-time').getAttribute('title')) ?? '';
      expect(title).toMatch(ARABIC_INDIC);
      expect(title).not.toMatch(LATIN);
      const inboxMailbox = page.getByTestId('mailbox-view-inbox');
      expect(await inboxMailbox.locator('.count').textContent()).toBe('٣');
      // The system mailbox under its default name is shown in the interface language.
      expect(await inboxMailbox.locator('.view__name').textContent()).toBe(
        language === 'ar' ? 'الصندوق الوارد' : 'Inbox',
      );

      // The selection count is a plural message with the count in the chosen digits.
      for (const index of [0, 1, 2]) await page.getByTestId('row-select').nth(index).check();
      expect(await page.getByTestId('bulk-count').textContent()).toBe(
        language === 'ar' ? '٣ محادثات محددة' : '٣ selected',
      );
      await page.screenshot({ path: `${SHOTS}/formatting-inbox-arab-${language}.png` });

      // Gregorian with the Umm al-Qura date alongside where full dates show (the thread).
      await setWorkspace(ws, { calendar: 'gregory-hijri' });
      await page.goto(`${server.url}/conversations/${conversations[0].conversation.id}`);
      const time = page.getByTestId('message-time').first();
      await time.waitFor();
      const createdAt = (await time.getAttribute('datetime')) as string;
      const hijri = await page.evaluate(
        ([iso, lang, zone]) =>
          new Intl.DateTimeFormat(lang, {
            calendar: 'islamic-umalqura',
            numberingSystem: 'arab',
            year: 'numeric',
            month: 'long',
            day: 'numeric',
            timeZone: zone,
          }).format(new Date(iso)),
        [createdAt, language, ws.me.workspace.timeZone] as const,
      );
      // Bidi marks aside (English keeps Arabic-Indic numbers in order with them).
      const shown = ((await time.textContent()) ?? '').replace(/[\u200e\u200f]/g, '');
      expect(shown).toContain(`(${hijri})`);
      expect(shown).toContain(language === 'ar' ? 'هـ' : 'AH');
      expect(shown).not.toMatch(LATIN);
      await page.screenshot({ path: `${SHOTS}/formatting-thread-hijri-${language}.png` });

      // The empty tag box shows its placeholder in the interface's direction.
      const tagDirection = await page.getByTestId('thread-tag-input').evaluate((el) => {
        const win = globalThis as unknown as {
          getComputedStyle(el: unknown): { direction: string };
        };
        return win.getComputedStyle(el).direction;
      });
      expect(tagDirection).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await page.context().close();
    },
  );

  it.each(['ar', 'en'] as const)(
    "the member's own digits override the workspace's, at once, from the profile (%s)",
    async (language) => {
      const { ws } = await workspaceWithConversations(language);
      await setWorkspace(ws, { digits: 'arab' });
      const page = await loginPageWith(browser, server.url, ws, { viewport: DESKTOP });
      await openInbox(page);
      await page.getByTestId('count-all').filter({ hasText: /^٣$/ }).waitFor();

      await page.goto(`${server.url}/settings/profile`);
      await page.getByTestId('profile-digits').selectOption('latn');
      await page.getByTestId('profile-save').click();
      await page.locator('.alert').first().waitFor();
      const me = (await ws.owner.get('/api/v1/me')).body as MeView;
      expect(me.user.digits).toBe('latn');
      await page.screenshot({ path: `${SHOTS}/formatting-profile-${language}.png` });
      // Applied without a reload: the SPA's own navigation shows Latin counts.
      await page.getByTestId('nav-conversations').click();
      await page.getByTestId('count-all').filter({ hasText: /^3$/ }).waitFor();

      // Back to the workspace's choice (null).
      await page.goto(`${server.url}/settings/profile`);
      await page.getByTestId('profile-digits').selectOption('');
      await page.getByTestId('profile-save').click();
      await page.locator('.alert').first().waitFor();
      expect(((await ws.owner.get('/api/v1/me')).body as MeView).user.digits).toBeNull();
      await page.getByTestId('nav-conversations').click();
      await page.getByTestId('count-all').filter({ hasText: /^٣$/ }).waitFor();
      await page.context().close();
    },
  );

  it.each(['ar', 'en'] as const)(
    'hints and server messages use the same digits; the home page names the time zone (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
      await setWorkspace(ws, { digits: 'arab' });
      const page = await loginPageWith(browser, server.url, ws, { viewport: DESKTOP });

      await page.goto(`${server.url}/`);
      const zone = page.getByTestId('home-time-zone');
      await zone.waitFor();
      await page.screenshot({ path: `${SHOTS}/formatting-home-${language}.png` });
      expect(await zone.textContent()).toContain(language === 'ar' ? '(غرينتش+٣)' : '(GMT+٣)');
      expect(await zone.textContent()).not.toContain('Asia/Riyadh');
      expect(await zone.getAttribute('title')).toBe('Asia/Riyadh');

      // The hint says the minimum in the chosen digits, and so does the server's refusal.
      await page.goto(`${server.url}/settings/profile`);
      const hint = page.locator('.field', { has: page.locator('#pw-new') }).locator('.field__hint');
      expect(await hint.textContent()).toContain('١٠');
      expect(await hint.textContent()).not.toMatch(LATIN);
      await page.locator('#pw-current').fill(ws.password);
      await page.locator('#pw-new').fill('short');
      await page.locator('#pw-confirm').fill('short');
      await page
        .getByRole('button', { name: language === 'ar' ? 'تغيير كلمة المرور' : 'Change password' })
        .click();
      const error = page.locator('#pw-new-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('١٠');
      expect(await error.textContent()).not.toMatch(LATIN);
      await page.screenshot({ path: `${SHOTS}/formatting-password-${language}.png` });

      // Empty boxes that follow what is typed show their placeholder in the interface's
      // direction, and turn to the text's direction once something is typed.
      await page.goto(`${server.url}/conversations`);
      const search = page.getByTestId('inbox-search');
      await search.waitFor();
      const direction = () =>
        search.evaluate((el) => {
          const win = globalThis as unknown as {
            getComputedStyle(el: unknown): { direction: string };
          };
          return win.getComputedStyle(el).direction;
        });
      expect(await direction()).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await search.fill(language === 'ar' ? 'order' : 'طلب');
      expect(await direction()).toBe(language === 'ar' ? 'ltr' : 'rtl');
      await search.fill('');
      expect(await direction()).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await page.context().close();
    },
  );
});
