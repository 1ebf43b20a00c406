import { STRONG_PASSWORD, uniqueEmail } from '@sanad/testing';
import type { ConversationDetailView, CreatedApiTokenView } from '@sanad/contracts';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { HttpSession, addMember, createWorkspace, type TestWorkspace } from './test-app';
import {
  SHOTS,
  describeBrowser,
  launchBrowser,
  loginPageWith,
  recordApiRequests,
} from './browser-harness';

/**
 * The inbox stays live from socket events alone: new conversations, counts and a colleague's
 * reply appear without the list or the thread being read again, and what was missed while the
 * socket was down comes back through the catch-up feed (GET /events?after=).
 */
describeBrowser('the live inbox in a real browser', () => {
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

  async function integrator(ws: TestWorkspace): Promise<HttpSession> {
    const { secret } = (await ws.owner.post('/api/v1/tokens', { name: 'integration' }))
      .body as CreatedApiTokenView;
    return HttpSession.withToken(server.url, secret);
  }

  async function create(api: HttpSession, subject: string): Promise<ConversationDetailView> {
    const response = await api.post('/api/v1/conversations', {
      contact: { email: uniqueEmail('c'), name: 'سارة Sara' },
      subject,
      text: 'مرحباً، لدي سؤال',
    });
    expect(response.status).toBe(201);
    return response.body as ConversationDetailView;
  }

  const row = (page: Page, id: string) =>
    page.locator(`[data-testid="conversation-row"][data-id="${id}"]`);

  /** The inbox list itself: not the counts, not the customer sidebar's list of one contact. */
  const listReads = (requests: string[]) =>
    requests.filter((r) => r.startsWith('GET /api/v1/conversations?') && !r.includes('contactId='));

  it('shows a new conversation, its count and a colleague’s reply without reading the list or thread again (ar)', async () => {
    const ws = await createWorkspace(server.url);
    const colleague = await addMember(server.url, ws.owner, 'agent');
    const api = await integrator(ws);
    const first = await create(api, 'الطلب الأول');

    const page = await loginPageWith(browser, server.url, ws, {
      viewport: { width: 1366, height: 900 },
    });
    const requests = recordApiRequests(page);
    await page.getByTestId('nav-conversations').click();
    await row(page, first.conversation.id).waitFor();
    await page.getByTestId('count-all').filter({ hasText: /^1$/ }).waitFor();
    await row(page, first.conversation.id).click();
    await page.getByTestId('thread-subject').getByText('الطلب الأول').waitFor();

    // Another channel opens a conversation: it arrives at the top and the counts follow.
    const second = await create(api, 'طلب جديد وصل للتو');
    await row(page, second.conversation.id).waitFor({ timeout: 10_000 });
    await page.getByTestId('count-all').filter({ hasText: /^2$/ }).waitFor();
    await page.getByTestId('count-unanswered').filter({ hasText: /^2$/ }).waitFor();
    expect(await page.getByTestId('conversation-row').first().getAttribute('data-id')).toBe(
      second.conversation.id,
    );

    // A colleague answers the open conversation: the reply shows in the thread, the row moves up.
    const reply = await colleague.session.post(
      `/api/v1/conversations/${first.conversation.id}/replies`,
      { text: 'رد من الزميل: طلبك في الطريق' },
    );
    expect(reply.status).toBe(201);
    await page.getByTestId('thread').getByText('رد من الزميل: طلبك في الطريق').waitFor();
    await page.getByTestId('count-unanswered').filter({ hasText: /^1$/ }).waitFor();
    await page
      .locator('[data-testid="conversation-row"]')
      .first()
      .and(row(page, first.conversation.id))
      .waitFor();

    // Our own reply comes back twice (its answer and its event) and is shown once. The
    // colleague's reply arrived live, but it was not "seen": the reply guard still warns.
    await page.getByTestId('composer-text').fill('شكراً لانتظارك');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('stale-warning').waitFor();
    await page.getByTestId('send-anyway').click();
    await page.getByTestId('thread').getByText('شكراً لانتظارك').waitFor();
    // A later event proves the socket delivered everything before it.
    const third = await create(api, 'ثالثة');
    await row(page, third.conversation.id).waitFor({ timeout: 10_000 });
    await page.getByTestId('count-all').filter({ hasText: /^3$/ }).waitFor();
    expect(await page.getByTestId('message').filter({ hasText: 'شكراً لانتظارك' }).count()).toBe(1);

    expect(listReads(requests)).toHaveLength(1);
    expect(
      requests.filter((r) => r === `GET /api/v1/conversations/${first.conversation.id}`),
    ).toHaveLength(1);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: `${SHOTS}/inbox-live-1366-ar.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/inbox-live-390-thread-ar.png` });
    await page.goto(`${server.url}/conversations`);
    await row(page, third.conversation.id).waitFor();
    await page.screenshot({ path: `${SHOTS}/inbox-live-390-ar.png` });
  });

  it('catches up through /events on what it missed while the socket was down (en)', async () => {
    const ws = await createWorkspace(server.url);
    await ws.owner.patch('/api/v1/me', { language: 'en' });
    const api = await integrator(ws);
    const first = await create(api, 'Before the outage');

    // The agents socket goes through this route, so the test can cut it and refuse reconnects.
    let blocked = false;
    const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
    const page = await loginPageWith(
      browser,
      server.url,
      { email: ws.email, password: STRONG_PASSWORD },
      {
        viewport: { width: 1366, height: 900 },
        setup: (context) =>
          context.routeWebSocket(/\/socket\.io\//, (ws) => {
            if (blocked) return ws.close();
            const pair = { page: ws, server: ws.connectToServer() };
            open.add(pair);
            ws.onClose(() => open.delete(pair));
          }),
      },
    );
    const requests = recordApiRequests(page);
    await page.getByTestId('nav-conversations').click();
    await row(page, first.conversation.id).waitFor();
    await page.locator('.topbar [role="status"]').getByText('Connected').waitFor();

    // One live event first: the page knows where it is in the workspace's sequence.
    const live = await create(api, 'Live before the outage');
    await row(page, live.conversation.id).waitFor({ timeout: 10_000 });
    await page.getByTestId('count-all').filter({ hasText: /^2$/ }).waitFor();

    blocked = true;
    for (const pair of open) {
      await pair.server.close();
      await pair.page.close();
    }
    await page.locator('.topbar [role="status"]').getByText('Reconnecting…').waitFor();
    const missed = await create(api, 'Written while offline');
    const before = requests.length;
    blocked = false;

    await row(page, missed.conversation.id).waitFor({ timeout: 15_000 });
    await page.locator('.topbar [role="status"]').getByText('Connected').waitFor();
    await page.getByTestId('count-all').filter({ hasText: /^3$/ }).waitFor();
    expect(requests.slice(before).some((r) => r.startsWith('GET /api/v1/events?after='))).toBe(
      true,
    );
    expect(listReads(requests)).toHaveLength(1);
    expect(await page.getByTestId('view-all').textContent()).toContain('All conversations');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: `${SHOTS}/inbox-live-1366-en.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/inbox-live-390-en.png` });
  });
});
