import type {
  CreatedApiTokenView,
  ConversationDetailView,
  MailboxView,
  PersonView,
} from '@sanad/contracts';
import type { Browser, Page } from 'playwright-core';
import {
  SHOTS,
  describeBrowser,
  launchBrowser,
  layoutProblems,
  loginPageWith,
  pageWidth,
} from './browser-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { HttpSession, createWorkspace, type TestWorkspace } from './test-app';

type Language = 'ar' | 'en';
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** The little of the DOM the page functions use (the server's tsconfig has no DOM library). */
interface FocusedEl {
  closest(selector: string): FocusedEl | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number };
  querySelectorAll(selector: string): ArrayLike<FocusedEl>;
}
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const LAPTOP = { width: 1366, height: 768 };
const SIZES = [PHONE, TABLET, LAPTOP];

/** A screen to visit at each size: where it is and what shows that it is ready. */
interface Stop {
  name: string;
  path: string;
  ready: string;
}

describeBrowser('the agent app at phone, tablet and laptop widths', () => {
  let server: SpawnedServer;
  let browser: Browser;
  let ws: TestWorkspace;
  let firstId = '';
  let personId = '';
  let stops: Stop[] = [];

  beforeAll(async () => {
    server = await spawnServer();
    browser = await launchBrowser();
    ws = await createWorkspace(server.url, 'متجر الريحان');
    await seed();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function seed(): Promise<void> {
    const ok = <T>(response: { status: number; body: unknown }, what: string): T => {
      if (response.status >= 300)
        throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as T;
    };
    const { secret } = ok<CreatedApiTokenView>(
      await ws.owner.post('/api/v1/tokens', { name: 'integration' }),
      'token',
    );
    const api = HttpSession.withToken(server.url, secret);
    const mailbox = ok<MailboxView>(
      await ws.owner.post('/api/v1/mailboxes', { name: 'المبيعات', slug: 'sales' }),
      'mailbox',
    );
    const customers = [
      [
        'سارة القحطاني',
        'sara@example.sa',
        'لم يصل طلبي بعد',
        'طلبت قبل أسبوع ولم يصل الطلب رقم 4512 حتى الآن، متى يصل؟',
      ],
      [
        'Omar Haddad',
        'omar@example.com',
        'Refund for order 9921',
        'Hello, I would like a refund for my last order, it arrived damaged.',
      ],
      [
        'نورة الشمري',
        'noura@example.sa',
        'استفسار عن الفاتورة',
        'أرجو إرسال فاتورة ضريبية للطلب الأخير باسم الشركة.',
      ],
      [
        'Layla Nasser ليلى',
        'layla@example.com',
        'تغيير عنوان التوصيل',
        'Can I change the delivery address? العنوان الجديد في جدة.',
      ],
    ] as const;
    let index = 0;
    for (const [name, email, subject, text] of customers) {
      const created = ok<ConversationDetailView>(
        await api.post('/api/v1/conversations', {
          contact: { email, name },
          subject,
          text,
          ...(index % 2 ? { mailboxId: mailbox.id } : {}),
        }),
        'conversation',
      );
      if (index === 0) firstId = created.conversation.id;
      index++;
    }
    // Enough rows for the list to scroll on a phone.
    for (let i = 0; i < 16; i++)
      ok(
        await api.post('/api/v1/conversations', {
          contact: { email: `customer${i}@example.sa`, name: `عميل ${i + 1}` },
          subject: `طلب رقم ${1000 + i}`,
          text: 'مرحباً، أحتاج مساعدة في طلبي',
        }),
        'conversation',
      );
    ok(
      await ws.owner.patch(`/api/v1/conversations/${firstId}`, {
        tags: ['شحن', 'عاجل'],
        assigneeId: ws.me.user.id,
        priority: 'high',
      }),
      'tag and assign',
    );
    ok(
      await ws.owner.post(`/api/v1/conversations/${firstId}/notes`, {
        text: 'تواصلت مع شركة الشحن، بانتظار ردهم.',
      }),
      'note',
    );
    ok(
      await ws.owner.post('/api/v1/companies', { name: 'شركة الأفق', domains: ['ufuq.sa'] }),
      'company',
    );
    const people = ok<{ items: PersonView[] }>(
      await ws.owner.get('/api/v1/people?q=sara'),
      'people',
    );
    personId = people.items[0].id;
    ok(
      await ws.owner.post('/api/v1/saved-replies', {
        name: 'ترحيب',
        body: 'مرحباً بك، كيف نساعدك؟',
        shared: true,
      }),
      'saved reply',
    );

    stops = [
      { name: 'home', path: '/', ready: '.home' },
      { name: 'profile', path: '/settings/profile', ready: 'profile-name' },
      { name: 'members', path: '/settings/members', ready: 'member-row' },
      { name: 'saved-replies', path: '/settings/saved-replies', ready: 'saved-reply-row' },
      { name: 'mailboxes', path: '/settings/mailboxes', ready: 'mailbox-row' },
      {
        name: 'mailbox-email',
        path: `/settings/mailboxes/${mailbox.id}/email`,
        ready: 'inbound-address',
      },
      { name: 'webhooks', path: '/settings/webhooks', ready: '.settings__body h2' },
      { name: 'tags', path: '/settings/tags', ready: 'tag-row' },
      { name: 'contact-fields', path: '/settings/contact-fields', ready: '.settings__body h2' },
      { name: 'people', path: '/contacts/people', ready: 'person-row' },
      { name: 'person', path: `/contacts/people/${personId}`, ready: '.record__title' },
      { name: 'companies', path: '/contacts/companies', ready: 'company-row' },
    ];
  }

  let failures: string[] = [];
  beforeEach(() => (failures = []));

  async function expectFits(page: Page, what: string): Promise<void> {
    const { scrollWidth, innerWidth, widest } = await pageWidth(page);
    if (scrollWidth > innerWidth)
      failures.push(
        `${what}: the page is ${scrollWidth} px wide in a ${innerWidth} px window (${widest})`,
      );
    for (const problem of await layoutProblems(page)) failures.push(`${what}: ${problem}`);
  }

  function ready(page: Page, what: string) {
    return what.startsWith('.') ? page.locator(what).first() : page.getByTestId(what).first();
  }

  /** Where an element is on the screen (it must be shown). */
  async function box(page: Page, testid: string): Promise<Box> {
    const found = await page.getByTestId(testid).first().boundingBox();
    if (!found) throw new Error(`${testid} is not shown`);
    return found;
  }

  /** The element fits the window's width and its bottom is on the first screen. */
  async function expectOnScreen(page: Page, testid: string, what: string): Promise<void> {
    const at = await box(page, testid);
    const size = page.viewportSize() ?? { width: 0, height: 0 };
    if (at.x < -1 || at.x + at.width > size.width + 1 || at.y + at.height > size.height + 1)
      failures.push(
        `${what}: ${testid} at ${Math.round(at.x)},${Math.round(at.y)} ${Math.round(at.width)}×${Math.round(at.height)} is not in the ${size.width}×${size.height} window`,
      );
  }

  /** The drawer has finished sliding. */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const doc = (
        globalThis as unknown as {
          document: { getElementById(id: string): { getAnimations(): unknown[] } | null };
        }
      ).document;
      return doc.getElementById('main-nav')?.getAnimations().length === 0;
    });
  }

  /** Which element has the focus: its test id, or the test id of the nearest ancestor with one. */
  function focused(page: Page): Promise<string | null> {
    return page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { activeElement: FocusedEl | null } })
        .document;
      return doc.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null;
    });
  }

  async function shot(page: Page, name: string, language: Language): Promise<void> {
    const width = page.viewportSize()?.width;
    await page.screenshot({ path: `${SHOTS}/responsive-${name}-${width}-${language}.png` });
  }

  /** Every screen at every width: no sideways scroll, nothing cut off; the composer in view. */
  async function tour(page: Page, language: Language): Promise<void> {
    const screens: Stop[] = [
      { name: 'inbox', path: '/conversations', ready: 'conversation-row' },
      { name: 'thread', path: `/conversations/${firstId}`, ready: 'message' },
      ...stops,
    ];
    // Each screen is opened once and looked at in each size (the layout follows the window).
    for (const screen of screens) {
      await page.setViewportSize(SIZES[0]);
      await page.goto(`${server.url}${screen.path}`);
      await ready(page, screen.ready).waitFor();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const what = `${screen.name} ${size.width} ${language}`;
        await expectFits(page, what);
        if (screen.name === 'thread')
          for (const testid of ['composer-text', 'composer-send', 'thread-status', 'mode-note'])
            await expectOnScreen(page, testid, what);
        await shot(page, screen.name, language);
      }
    }
  }

  /** On a phone the main menu is a drawer from the start side: the right in Arabic. */
  async function drawer(page: Page, language: Language): Promise<void> {
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/conversations`);
    await page.getByTestId('conversation-row').first().waitFor();
    const nav = page.getByTestId('main-nav');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByTestId('nav-open').getAttribute('aria-expanded')).toBe('false');

    await page.getByTestId('nav-open').click();
    await nav.waitFor();
    expect(await page.getByTestId('nav-open').getAttribute('aria-expanded')).toBe('true');
    await settled(page);
    const at = await box(page, 'main-nav');
    expect(at.width).toBeGreaterThan(200);
    expect(at.width).toBeLessThan(PHONE.width);
    if (language === 'ar') expect(Math.round(at.x + at.width)).toBe(PHONE.width);
    else expect(Math.round(at.x)).toBe(0);
    expect(at.y).toBe(0);
    expect(Math.round(at.height)).toBe(PHONE.height);
    await expectFits(page, `drawer ${language}`);
    await shot(page, 'drawer', language);
    // The focus is in it (on the current page's link), goes round it and nowhere else.
    expect(await focused(page)).toBe('nav-conversations');
    const inside = new Set<string | null>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      inside.add(await focused(page));
    }
    expect([...inside].every((id) => id?.startsWith('nav-'))).toBe(true);
    expect(inside).toContain('nav-close');
    expect(inside).toContain('nav-settings');
    await page.getByTestId('nav-close').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('nav-settings');
    // The page behind it is out of reach.
    expect(await page.locator('.main').getAttribute('inert')).not.toBeNull();

    // Escape closes it and gives the focus back to the menu button.
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('nav-open');
    expect(await page.locator('.main').getAttribute('inert')).toBeNull();

    // A click outside it (on the shade, at the other side) closes it.
    await page.getByTestId('nav-open').click();
    await nav.waitFor();
    await page.mouse.click(language === 'ar' ? 20 : PHONE.width - 20, PHONE.height / 2);
    await nav.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('nav-open');

    // Going somewhere closes it.
    await page.getByTestId('nav-open').click();
    await page.getByTestId('nav-settings').click();
    await page.waitForURL(/\/settings\/profile$/);
    await nav.waitFor({ state: 'hidden' });
    await page.getByTestId('profile-name').waitFor();
  }

  /**
   * On a phone the inbox is one pane at a time: the list, then the conversation, then back to
   * the list as it was (its filter and its scroll); the customer opens as a sheet.
   */
  async function panes(page: Page, language: Language): Promise<void> {
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/conversations?status=open`);
    const list = page.getByTestId('conversation-list');
    await page.getByTestId('conversation-row').first().waitFor();
    await list.evaluate((el) => ((el as unknown as { scrollTop: number }).scrollTop = 400));
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as {
            document: { querySelector(s: string): { scrollTop: number } | null };
          }
        ).document.querySelector('[data-testid="conversation-list"]')!.scrollTop === 400,
    );
    // A row in the middle of the list's window.
    const id = await list.evaluate((el) => {
      const scroller = el as unknown as FocusedEl;
      const top = scroller.getBoundingClientRect().top;
      const rows = Array.from(scroller.querySelectorAll('[data-testid="conversation-row"]'));
      return rows
        .find((row) => row.getBoundingClientRect().top > top + 40)
        ?.getAttribute('data-id');
    });
    expect(id).toBeTruthy();
    await page.locator(`[data-testid="conversation-row"][data-id="${id}"]`).click();
    await page.waitForURL((url) => url.pathname === `/conversations/${id}`);
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    await page.getByTestId('message').first().waitFor();
    expect(await list.isVisible()).toBe(false);
    await expectFits(page, `open thread 390 ${language}`);

    // The on-screen keyboard takes half the screen: the composer stays above it (dvh).
    await page.getByTestId('composer-text').focus();
    await page.setViewportSize({ width: PHONE.width, height: 420 });
    for (const testid of ['composer-text', 'composer-send', 'mode-note'])
      await expectOnScreen(page, testid, `keyboard open 390 ${language}`);
    await expectFits(page, `keyboard open 390 ${language}`);
    await shot(page, 'keyboard', language);
    await page.setViewportSize(PHONE);

    // The folded controls.
    expect(await page.getByTestId('thread-merge').isVisible()).toBe(false);
    await page.getByTestId('thread-actions-toggle').click();
    await page.getByTestId('thread-merge').waitFor();
    await expectFits(page, `thread actions 390 ${language}`);
    await shot(page, 'thread-actions', language);
    await page.getByTestId('thread-actions-toggle').click();
    await page.getByTestId('thread-merge').waitFor({ state: 'hidden' });

    // The customer: a sheet over the thread, the whole width, closed by Escape.
    const sidebar = page.getByTestId('customer-sidebar');
    expect(await sidebar.isVisible()).toBe(false);
    await page.getByTestId('thread-customer-toggle').click();
    await sidebar.waitFor();
    expect(await focused(page)).toBe('thread-customer-close');
    const sheet = await box(page, 'customer-sidebar');
    expect(Math.round(sheet.x)).toBe(0);
    expect(Math.round(sheet.width)).toBe(PHONE.width);
    await expectFits(page, `customer sheet 390 ${language}`);
    await shot(page, 'customer-sheet', language);
    // Shift+Tab from its close button goes round to its last control, not behind it.
    await page.keyboard.press('Shift+Tab');
    expect(
      await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { activeElement: FocusedEl | null } })
          .document;
        return !!doc.activeElement?.closest('#thread-customer');
      }),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await sidebar.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('thread-customer-toggle');
    // Its close button is on top of everything (the header too).
    await page.getByTestId('thread-customer-toggle').click();
    await page.getByTestId('thread-customer-close').click();
    await sidebar.waitFor({ state: 'hidden' });

    // Back: the list as it was.
    await page.getByTestId('thread-back').click();
    await page.waitForURL((url) => url.pathname === '/conversations');
    await list.waitFor();
    expect(await page.getByTestId('thread').count()).toBe(0);
    expect(await page.getByTestId('filter-status').inputValue()).toBe('open');
    expect(await list.evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop)).toBe(
      400,
    );
  }

  /** A tablet: the list beside the thread, the customer on demand; a laptop: all three. */
  async function wider(page: Page, language: Language): Promise<void> {
    await page.setViewportSize(TABLET);
    await page.goto(`${server.url}/conversations/${firstId}`);
    await page.getByTestId('message').first().waitFor();
    const list = await box(page, 'conversation-list');
    const thread = await box(page, 'thread');
    expect(Math.max(list.x, thread.x)).toBeGreaterThanOrEqual(
      Math.min(list.x + list.width, thread.x + thread.width) - 1,
    );
    expect(thread.width).toBeGreaterThan(380);
    expect(await page.getByTestId('customer-sidebar').isVisible()).toBe(false);
    expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
    await page.getByTestId('thread-customer-toggle').click();
    await page.getByTestId('customer-sidebar').waitFor();
    // The shade at the start side (the sheet is at the end).
    const shadeX = language === 'ar' ? TABLET.width - 10 : 10;
    await page.getByTestId('thread-customer-shade').click({ position: { x: shadeX, y: 10 } });
    await page.getByTestId('customer-sidebar').waitFor({ state: 'hidden' });

    await page.setViewportSize(LAPTOP);
    await page.getByTestId('customer-sidebar').waitFor();
    await page.getByTestId('main-nav').waitFor();
    expect(await page.getByTestId('nav-open').isVisible()).toBe(false);
    expect(await page.getByTestId('thread-customer-toggle').isVisible()).toBe(false);
    const boxes = await Promise.all(
      ['conversation-list', 'thread', 'customer-sidebar'].map((id) => box(page, id)),
    );
    boxes.sort((a, b) => a.x - b.x);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i].x).toBeGreaterThanOrEqual(boxes[i - 1].x + boxes[i - 1].width - 1);
    expect(boxes.find((b) => b.width > 500)).toBeTruthy();
  }

  it.each(['ar', 'en'] as const)(
    'fits 390, 768 and 1366 px; the drawer, the panes and the way back (%s)',
    async (language) => {
      await ws.owner.patch('/api/v1/me', { language });
      const page = await loginPageWith(browser, server.url, ws, { viewport: PHONE });
      expect(await page.locator('html').getAttribute('dir')).toBe(
        language === 'ar' ? 'rtl' : 'ltr',
      );
      await drawer(page, language);
      await panes(page, language);
      await wider(page, language);
      await tour(page, language);
      await page.context().close();
      expect(failures).toEqual([]);
    },
  );
});
