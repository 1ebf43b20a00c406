import { STRONG_PASSWORD, uniqueEmail } from '@sanad/testing';
import type { ConversationDetailView, CreatedApiTokenView } from '@sanad/contracts';
import type { Browser, Page } from 'playwright-core';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { HttpSession, addMember, createWorkspace, type TestWorkspace } from './test-app';
import { SHOTS, describeBrowser, launchBrowser, loginPage } from './browser-harness';

describeBrowser('the inbox in a real browser', () => {
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

  async function loggedIn(ws: TestWorkspace, language: 'ar' | 'en'): Promise<Page> {
    if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
    return loginPage(browser, server.url, ws);
  }

  async function integrator(ws: TestWorkspace): Promise<HttpSession> {
    const { secret } = (await ws.owner.post('/api/v1/tokens', { name: 'integration' }))
      .body as CreatedApiTokenView;
    return HttpSession.withToken(server.url, secret);
  }

  it.each(['ar', 'en'] as const)(
    'opens, replies, notes, assigns and closes a conversation; new ones appear live (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      const api = await integrator(ws);
      const first = (
        await api.post('/api/v1/conversations', {
          contact: { email: uniqueEmail('c'), name: 'Sara سارة' },
          subject: 'لم يصل طلبي',
          text: 'Order #42 لم يصل بعد',
        })
      ).body as ConversationDetailView;
      const page = await loggedIn(ws, language);
      await page.getByTestId('nav-conversations').click();
      await page
        .locator(`[data-testid="conversation-row"][data-id="${first.conversation.id}"]`)
        .click();
      await page.getByTestId('thread').waitFor();
      expect(await page.getByTestId('thread-subject').getAttribute('dir')).toBe('auto');

      await page
        .getByTestId('composer-text')
        .fill(
          language === 'ar' ? 'نعتذر عن التأخير، سنتابع طلبك' : 'Sorry for the delay, we are on it',
        );
      await page.getByTestId('composer-text').press('Control+Enter');
      await page.locator('[data-testid="message"][data-kind="reply"]').nth(1).waitFor();
      await page.getByTestId('mode-note').click();
      await page
        .getByTestId('composer-text')
        .fill(language === 'ar' ? 'راجعوا شركة الشحن' : 'Check with the courier');
      await page.getByTestId('composer-send').click();
      await page.locator('[data-testid="message"][data-kind="note"]').waitFor();
      await page.getByTestId('thread-assignee').selectOption(ws.me.user.id);
      await page.getByTestId('thread-tag-input').fill('شحن');
      await page.getByTestId('thread-tag-input').press('Enter');
      await page.getByTestId('thread-tag').first().waitFor();
      await page.getByTestId('thread-follow').click();
      await page.locator('[data-testid="thread-follow"][aria-pressed="true"]').waitFor();
      await page.getByTestId('thread-status').selectOption('closed');
      await page.locator('[data-testid="activity"]').nth(3).waitFor();
      await page.screenshot({ path: `${SHOTS}/inbox-${language}.png` });

      const detail = (await ws.owner.get(`/api/v1/conversations/${first.conversation.id}`))
        .body as ConversationDetailView;
      expect(detail.conversation).toMatchObject({
        status: 'closed',
        assignee: { id: ws.me.user.id },
        tags: ['شحن'],
      });
      expect(detail.messages.filter((m) => m.kind !== 'activity').map((m) => m.kind)).toEqual([
        'reply',
        'reply',
        'note',
      ]);

      // The customer sidebar shows the contact and their other conversations.
      await page.getByTestId('customer-sidebar').getByText('Sara سارة').waitFor();

      // A new conversation from the API channel appears in the open list without a reload.
      const second = (
        await api.post('/api/v1/conversations', {
          contact: { phone: '+966500000001' },
          subject: 'New live one',
          text: 'hello',
        })
      ).body as ConversationDetailView;
      await page
        .locator(`[data-testid="conversation-row"][data-id="${second.conversation.id}"]`)
        .waitFor({ timeout: 10_000 });
    },
  );

  it('warns before sending over a customer message that arrived meanwhile, and can send anyway', async () => {
    const ws = await createWorkspace(server.url);
    const api = await integrator(ws);
    const created = (
      await api.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('c') },
        subject: 'سؤال',
        text: 'السؤال الأول',
      })
    ).body as ConversationDetailView;
    const page = await loggedIn(ws, 'ar');
    await page.goto(`${server.url}/conversations/${created.conversation.id}`);
    await page.getByTestId('thread').waitFor();
    await page.getByTestId('composer-text').fill('الجواب');
    await api.post(`/api/v1/conversations/${created.conversation.id}/customer-messages`, {
      text: 'وسؤال آخر وصل للتو',
    });
    await page.getByTestId('composer-send').click();
    await page.getByTestId('stale-warning').waitFor();
    expect(await page.getByTestId('stale-warning').textContent()).toContain('وسؤال آخر وصل للتو');
    await page.getByTestId('send-anyway').click();
    await page.getByTestId('stale-warning').waitFor({ state: 'detached' });
    const detail = (await ws.owner.get(`/api/v1/conversations/${created.conversation.id}`))
      .body as ConversationDetailView;
    expect(detail.messages.map((m) => m.text)).toEqual([
      'السؤال الأول',
      'وسؤال آخر وصل للتو',
      'الجواب',
    ]);
  });

  it('shows who else is viewing and typing in the conversation', async () => {
    const ws = await createWorkspace(server.url);
    const colleague = await addMember(server.url, ws.owner, 'agent');
    const api = await integrator(ws);
    const created = (
      await api.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('c') },
        subject: 'معاً',
        text: 'سؤال',
      })
    ).body as ConversationDetailView;
    const owner = await loggedIn(ws, 'ar');
    await owner.goto(`${server.url}/conversations/${created.conversation.id}`);
    await owner.getByTestId('thread').waitFor();
    const other = await loginPage(browser, server.url, {
      email: colleague.email,
      password: STRONG_PASSWORD,
    });
    await other.goto(`${server.url}/conversations/${created.conversation.id}`);
    await other.getByTestId('thread').waitFor();
    await owner
      .getByTestId('presence')
      .getByText('Member agent يشاهد المحادثة الآن')
      .waitFor({ timeout: 10_000 });
    await other.getByTestId('composer-text').type('أكتب الآن');
    await owner
      .getByTestId('presence')
      .getByText('Member agent يكتب رداً…')
      .waitFor({ timeout: 10_000 });
    await owner.screenshot({ path: `${SHOTS}/presence-ar.png` });
    await other.close();
    await owner.getByTestId('presence').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('adds a mailbox in settings and shows it in the inbox', async () => {
    const ws = await createWorkspace(server.url);
    const page = await loggedIn(ws, 'ar');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-mailboxes').click();
    await page.getByTestId('mailbox-row').nth(1).waitFor();
    await page.getByTestId('mailbox-add').click();
    await page.getByTestId('mailbox-name').fill('الفواتير');
    await page.getByTestId('mailbox-slug').fill('Bad Slug');
    await page.getByTestId('mailbox-save').click();
    await page.getByText('الصيغة غير صحيحة.').waitFor();
    await page.getByTestId('mailbox-slug').fill('billing');
    await page.getByTestId('mailbox-save').click();
    await page.getByTestId('mailbox-row').nth(2).waitFor();
    await page.screenshot({ path: `${SHOTS}/mailboxes-ar.png` });
    await page.getByTestId('nav-conversations').click();
    await page.locator('.inbox__views').getByText('الفواتير').waitFor();
  });

  it('writes a saved reply in settings and inserts it with placeholders filled (en)', async () => {
    const ws = await createWorkspace(server.url);
    const api = await integrator(ws);
    const created = (
      await api.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('c'), name: 'Layla' },
        subject: 'Refund',
        text: 'Where is my refund?',
      })
    ).body as ConversationDetailView;
    const page = await loggedIn(ws, 'en');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-saved-replies').click();
    await page.getByTestId('saved-reply-add').click();
    await page.getByTestId('saved-reply-name').fill('Refund status');
    await page
      .getByTestId('saved-reply-body')
      .fill('Hi {{contact.name}}, this is {{agent.name}}: your refund is on its way.');
    await page.getByTestId('saved-reply-shared').check();
    await page.getByTestId('saved-reply-save').click();
    await page.getByTestId('saved-reply-row').waitFor();
    await page.goto(`${server.url}/conversations/${created.conversation.id}`);
    await page.getByTestId('thread').waitFor();
    await page.getByTestId('saved-replies-open').click();
    await page.getByTestId('saved-reply-search').fill('refunds');
    await page.getByTestId('saved-reply-item').filter({ hasText: 'Refund status' }).click();
    // The reply is rendered by the server; wait for it without page-side eval (the CSP forbids it).
    const filledBy = Date.now() + 10_000;
    while ((await page.getByTestId('composer-text').inputValue()) === '' && Date.now() < filledBy) {
      await page.waitForTimeout(50);
    }
    expect(await page.getByTestId('composer-text').inputValue()).toBe(
      'Hi Layla, this is Owner: your refund is on its way.',
    );
    await page.getByTestId('composer-send').click();
    await page.locator('[data-testid="message"][data-kind="reply"]').nth(1).waitFor();
  });

  it('renames a tag in settings', async () => {
    const ws = await createWorkspace(server.url);
    const api = await integrator(ws);
    const created = (
      await api.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('c') },
        subject: 'وسوم',
        text: 'x',
      })
    ).body as ConversationDetailView;
    await ws.owner.patch(`/api/v1/conversations/${created.conversation.id}`, { tags: ['فواتر'] });
    const page = await loggedIn(ws, 'ar');
    await page.goto(`${server.url}/settings/tags`);
    await page.getByTestId('tag-row').getByText('فواتر').waitFor();
    await page.getByTestId('tag-row').getByRole('button', { name: 'إعادة تسمية' }).click();
    await page.locator('#tag-name').fill('فواتير');
    await page.getByRole('dialog').getByRole('button', { name: 'حفظ' }).click();
    await page.getByTestId('tag-row').getByText('فواتير').waitFor();
    const detail = (await ws.owner.get(`/api/v1/conversations/${created.conversation.id}`))
      .body as ConversationDetailView;
    expect(detail.conversation.tags).toEqual(['فواتير']);
  });

  it('forms a team in settings, assigns a conversation to it and filters by it', async () => {
    const ws = await createWorkspace(server.url);
    const api = await integrator(ws);
    const created = (
      await api.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('c') },
        subject: 'للفريق',
        text: 'x',
      })
    ).body as ConversationDetailView;
    await api.post('/api/v1/conversations', {
      contact: { email: uniqueEmail('c') },
      subject: 'لغيره',
      text: 'x',
    });
    const page = await loggedIn(ws, 'ar');
    await page.goto(`${server.url}/settings/teams`);
    await page.getByTestId('team-add').click();
    await page.getByTestId('team-name').fill('فريق الشحن');
    await page.getByTestId('team-member').first().check();
    await page.getByTestId('team-save').click();
    await page.getByTestId('team-row').getByText('فريق الشحن').waitFor();
    await page.goto(`${server.url}/conversations/${created.conversation.id}`);
    await page.getByTestId('thread').waitFor();
    await page.getByTestId('thread-team').selectOption({ label: 'فريق الشحن' });
    await page.getByTestId('activity').first().waitFor();
    await page.getByTestId('filter-team').selectOption({ label: 'فريق الشحن' });
    await page
      .getByTestId('conversation-row')
      .filter({ hasText: 'لغيره' })
      .waitFor({ state: 'detached' });
    expect(await page.getByTestId('conversation-row').count()).toBe(1);
  });

  it('closes a selection in bulk and merges one conversation into another', async () => {
    const ws = await createWorkspace(server.url);
    const api = await integrator(ws);
    const open = async (subject: string, text: string): Promise<ConversationDetailView> =>
      (
        await api.post('/api/v1/conversations', {
          contact: { email: uniqueEmail('c') },
          subject,
          text,
        })
      ).body as ConversationDetailView;
    const a = await open('أولى', 'النص الأول');
    const b = await open('ثانية', 'النص الثاني');
    const c = await open('ثالثة', 'النص الثالث');
    const page = await loggedIn(ws, 'ar');
    await page.goto(`${server.url}/conversations?view=ongoing`);
    await page.getByTestId('conversation-row').nth(2).waitFor();
    await page
      .locator('.rows__item', { has: page.locator(`[data-id="${a.conversation.id}"]`) })
      .getByTestId('row-select')
      .check();
    await page
      .locator('.rows__item', { has: page.locator(`[data-id="${b.conversation.id}"]`) })
      .getByTestId('row-select')
      .check();
    await page.getByTestId('bulk-bar').getByText('محادثتان محددتان').waitFor();
    await page.getByTestId('bulk-close').click();
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached' });
    // Each closed conversation leaves the list as its event arrives.
    for (const closed of [a, b])
      await page
        .locator(`[data-testid="conversation-row"][data-id="${closed.conversation.id}"]`)
        .waitFor({ state: 'detached' });
    expect(await page.getByTestId('conversation-row').count()).toBe(1);

    await page.goto(`${server.url}/conversations/${a.conversation.id}`);
    await page.getByTestId('thread-merge').click();
    await page.getByTestId('merge-number').fill(String(c.conversation.number));
    await page.getByTestId('merge-submit').click();
    await page.waitForURL(`**/conversations/${c.conversation.id}`);
    await page.getByTestId('thread').getByText('النص الأول').waitFor();
    await page.screenshot({ path: `${SHOTS}/merged-ar.png` });
  });

  it('limits an agent to one mailbox in settings; their inbox then shows only it', async () => {
    const ws = await createWorkspace(server.url);
    const agent = await addMember(server.url, ws.owner, 'agent');
    const billing = (
      await ws.owner.post('/api/v1/mailboxes', { name: 'الفواتير', slug: 'billing' })
    ).body as { id: string };
    await ws.owner.post('/api/v1/conversations', {
      contact: { email: uniqueEmail('c'), name: 'عميل' },
      subject: 'في الصندوق الوارد',
      text: 'x',
    });
    await ws.owner.post('/api/v1/conversations', {
      contact: { email: uniqueEmail('c'), name: 'عميل' },
      subject: 'في الفواتير',
      text: 'x',
      mailboxId: billing.id,
    });
    const page = await loggedIn(ws, 'ar');
    await page.goto(`${server.url}/settings/members`);
    await page.getByTestId(`member-mailboxes-${agent.me.user.id}`).click();
    await page.getByTestId('mailbox-access-some').check();
    await page.getByTestId('mailbox-access-billing').check();
    await page.screenshot({ path: `${SHOTS}/mailbox-access-ar.png` });
    await page.getByTestId('mailbox-access-save').click();
    await page.getByTestId(`member-access-${agent.me.user.id}`).getByText('صندوق واحد').waitFor();

    const other = await loginPage(browser, server.url, {
      email: agent.email,
      password: STRONG_PASSWORD,
    });
    await other.getByTestId('nav-conversations').click();
    await other.getByTestId('conversation-row').first().waitFor();
    const subjects = await other
      .locator('[data-testid="conversation-row"] .row__subject')
      .allTextContents();
    expect(subjects).toEqual(['في الفواتير']);
  });

  it('shows script payloads in subjects, names and messages as plain text', async () => {
    const ws = await createWorkspace(server.url);
    const api = await integrator(ws);
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    const created = (
      await api.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('x'), name: `Eve ${payload}` },
        subject: `Subject ${payload}`,
        text: `Body ${payload}`,
      })
    ).body as ConversationDetailView;
    const page = await loggedIn(ws, 'ar');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/conversations/${created.conversation.id}`);
    await page.getByTestId('thread').waitFor();
    expect(await page.getByTestId('thread-subject').textContent()).toBe(`Subject ${payload}`);
    await page.getByTestId('thread').getByText(`Body ${payload}`).waitFor();
    await page.getByTestId('customer-sidebar').getByText(`Eve ${payload}`).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
