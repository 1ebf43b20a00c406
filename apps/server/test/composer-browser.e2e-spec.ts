import { STRONG_PASSWORD, uniqueEmail } from '@sanad/testing';
import type { ConversationDetailView } from '@sanad/contracts';
import type { Browser } from 'playwright-core';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { addMember, createWorkspace, type TestWorkspace } from './test-app';
import { SHOTS, describeBrowser, launchBrowser, loginPage } from './browser-harness';

describeBrowser('composer, attachments, mentions, snooze and shortcuts in a real browser', () => {
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

  async function open(ws: TestWorkspace, subject: string): Promise<ConversationDetailView> {
    const response = await ws.owner.post('/api/v1/conversations', {
      contact: { email: uniqueEmail('c'), name: 'سارة' },
      subject,
      text: 'مرحباً، أرفقت صورة المشكلة',
    });
    return response.body as ConversationDetailView;
  }

  it.each(['ar', 'en'] as const)(
    'sends a reply with an attachment and a note that @mentions a colleague, who is told live (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
      const colleague = await addMember(server.url, ws.owner, 'agent');
      const created = await open(ws, 'صورة الفاتورة');
      const owner = await loginPage(browser, server.url, ws);
      const other = await loginPage(browser, server.url, {
        email: colleague.email,
        password: STRONG_PASSWORD,
      });
      await owner.goto(`${server.url}/conversations/${created.conversation.id}`);
      await owner.getByTestId('thread').waitFor();

      await owner.getByTestId('composer-attach').setInputFiles({
        name: 'فاتورة.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('invoice 42'),
      });
      await owner.getByTestId('composer-files').getByText('فاتورة.txt').waitFor();
      await owner
        .getByTestId('composer-text')
        .fill(language === 'ar' ? 'الفاتورة مرفقة' : 'Invoice attached');
      await owner.locator('[data-testid="composer-send"]:not([disabled])').click();
      const link = owner.getByTestId('attachment-link').first();
      await link.waitFor();
      expect(await link.textContent()).toContain('فاتورة.txt');
      const href = (await link.getAttribute('href')) as string;
      const download = await owner.request.get(`${server.url}${href}`);
      expect(download.status()).toBe(200);
      expect(await download.text()).toBe('invoice 42');

      await owner.getByTestId('mode-note').click();
      await owner.getByTestId('composer-text').fill('');
      await owner.getByTestId('composer-text').pressSequentially('@Memb');
      await owner.getByTestId('mention-option').first().waitFor();
      await owner.getByTestId('composer-text').press('Enter');
      await owner.getByTestId('composer-text').pressSequentially('راجع الفاتورة من فضلك');
      await owner.getByTestId('composer-send').click();
      await owner.getByTestId('mention').first().waitFor();
      expect(await owner.getByTestId('mention').first().textContent()).toBe('@Member agent');

      const toast = other.getByTestId('mention-toast');
      await toast.waitFor({ timeout: 10_000 });
      expect(await toast.textContent()).toContain(`#${created.conversation.number}`);
      await owner.screenshot({ path: `${SHOTS}/composer-${language}.png` });
      await other.screenshot({ path: `${SHOTS}/mention-toast-ar.png` });
      await toast.getByRole('link').click();
      await other.getByTestId('thread').waitFor();
      expect(other.url()).toContain(created.conversation.id);
    },
  );

  it('snoozes a conversation from the thread, shows it in the list, and marks it as spam and back', async () => {
    const ws = await createWorkspace(server.url);
    const created = await open(ws, 'تأجيل');
    const page = await loginPage(browser, server.url, ws);
    await page.goto(`${server.url}/conversations/${created.conversation.id}`);
    await page.getByTestId('thread').waitFor();
    await page.getByTestId('thread-snooze').click();
    await page.getByTestId('snooze-tomorrow').click();
    await page.getByTestId('thread-snooze').getByText('مؤجلة حتى').waitFor();
    expect(await page.getByTestId('thread-status').inputValue()).toBe('pending');
    // "Tomorrow" is 9:00 on the workspace's clock (Riyadh, 06:00 UTC), whatever the browser's zone.
    const detail = (await ws.owner.get(`/api/v1/conversations/${created.conversation.id}`))
      .body as { conversation: { snoozedUntil: string } };
    expect(new Date(detail.conversation.snoozedUntil).toISOString()).toMatch(/T06:00:00\.000Z$/);
    await page
      .locator(`[data-testid="conversation-row"][data-id="${created.conversation.id}"]`)
      .getByText('مؤجلة')
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/snoozed-ar.png` });
    // Spam and back, from the same header.
    await page.getByTestId('thread-spam').click();
    await page.getByTestId('thread-spam').getByText('ليست مزعجة').waitFor();
    await page.getByTestId('thread-spam').click();
    await page.getByTestId('thread-spam').getByText('مزعج', { exact: true }).waitFor();
  });

  it('moves through the list and acts on a conversation from the keyboard', async () => {
    const ws = await createWorkspace(server.url);
    const older = await open(ws, 'الأقدم');
    const newer = await open(ws, 'الأحدث');
    const page = await loginPage(browser, server.url, ws);
    await page.getByTestId('nav-conversations').click();
    await page.getByTestId('conversation-row').first().waitFor();
    await page.keyboard.press('j');
    await page.waitForURL(`**/conversations/${newer.conversation.id}*`);
    await page.getByTestId('thread').waitFor();
    await page.keyboard.press('j');
    await page.waitForURL(`**/conversations/${older.conversation.id}*`);
    await page.getByTestId('thread-subject').getByText('الأقدم').waitFor();
    await page.keyboard.press('c');
    const deadline = Date.now() + 5000;
    while ((await page.getByTestId('thread-status').inputValue()) !== 'closed') {
      if (Date.now() > deadline) throw new Error('the conversation was not closed');
      await page.waitForTimeout(50);
    }
    await page.keyboard.press('r');
    expect(
      await page
        .getByTestId('composer-text')
        .evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts').waitFor();
    await page.screenshot({ path: `${SHOTS}/shortcuts-ar.png` });
  });
});
