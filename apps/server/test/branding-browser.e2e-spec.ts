import type { BrandView, PublicThemeView, WorkspaceView } from '@sanad/contracts';
import { createScratchDatabase, type ScratchDatabase, uniqueEmail } from '@sanad/testing';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import {
  SHOTS,
  describeBrowser,
  launchBrowser,
  layoutProblems,
  pageWidth,
} from './browser-harness';
import { createTransport } from 'nodemailer';
import { MailSink, raw, until } from './email-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { addMember, createWorkspace, type TestWorkspace } from './test-app';

/** A solid PNG of the given size, made here (no fixture files). */
function png(width: number, height: number, background: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background } })
    .png()
    .toBuffer();
}

/** What :root's brand variables are now (set by the SPA's brand module). */
function rootVariable(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (variable) =>
      (
        globalThis as unknown as {
          getComputedStyle(el: unknown): { getPropertyValue(p: string): string };
          document: { documentElement: unknown };
        }
      )
        .getComputedStyle(
          (globalThis as unknown as { document: { documentElement: unknown } }).document
            .documentElement,
        )
        .getPropertyValue(variable)
        .trim(),
    name,
  );
}

async function waitForVariable(page: Page, name: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([variable, expected]) =>
      (
        globalThis as unknown as {
          getComputedStyle(el: unknown): { getPropertyValue(p: string): string };
          document: { documentElement: unknown };
        }
      )
        .getComputedStyle(
          (globalThis as unknown as { document: { documentElement: unknown } }).document
            .documentElement,
        )
        .getPropertyValue(variable)
        .trim()
        .toLowerCase() === expected.toLowerCase(),
    [name, value] as const,
  );
}

/** The little of the DOM the primer uses (the server's tsconfig has no DOM library). */
interface PrimerElement {
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  append(child: PrimerElement): void;
  prepend(child: PrimerElement): void;
  remove(): void;
}
interface PrimerDocument {
  body: PrimerElement;
  createElement(tag: string): PrimerElement;
}

interface AxeViolation {
  id: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * axe-core's colour-contrast rule on the page as it is; the violations, as readable lines. Fails
 * when it checked next to nothing (see the language note at the test).
 */
async function contrastViolations(page: Page, minimumChecked = 25): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe);
  if (loaded === 'undefined') await page.addScriptTag({ path: require.resolve('axe-core') });
  const { violations, checked } = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(options: object): Promise<{ violations: AxeViolation[]; passes: AxeViolation[] }>;
        };
      }
    ).axe;
    // Three Latin words in the page's font, measured first: axe then knows the font is text.
    const doc = (globalThis as unknown as { document: PrimerDocument }).document;
    const primer = doc.createElement('div');
    primer.setAttribute('style', 'position:fixed;inset:0 auto auto 0;background:#fff;color:#000');
    for (let i = 0; i < 3; i += 1) {
      const word = doc.createElement('span');
      word.textContent = 'Sanad ';
      primer.append(word);
    }
    doc.body.prepend(primer);
    const result = await axe.run({ runOnly: ['color-contrast'] }).finally(() => primer.remove());
    const checked = [...result.violations, ...result.passes].reduce(
      (sum, rule) => sum + rule.nodes.length,
      0,
    );
    return { violations: result.violations, checked };
  });
  if (checked < minimumChecked) throw new Error(`axe checked only ${checked} texts`);
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
    ),
  );
}

describeBrowser('Brand and basic settings in the browser', () => {
  let server: SpawnedServer;
  let database: ScratchDatabase | undefined;
  let browser: Browser;
  // Where replies go out: the branded email is read here.
  const sink = new MailSink();

  beforeAll(async () => {
    // A database of its own: this server's settings (where mail goes, which hosts webhooks may
    // reach) are its own, and another spec's server on a shared database would take its work.
    database = await createScratchDatabase();
    server = await spawnServer({
      DATABASE_URL: database.url,
      SMTP_URL: await sink.start(),
      MAIL_FROM: 'support@sanad.example',
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    await sink.close();
  });

  /** A customer's email to the workspace, answered by its owner; the reply as the customer gets it. */
  async function replyByEmail(ws: TestWorkspace, inboundAddress: string) {
    const customer = uniqueEmail('brand-customer');
    const smtp = createTransport({
      host: '127.0.0.1',
      port: server.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await smtp.sendMail({
      envelope: { from: customer, to: [inboundAddress] },
      raw: raw(
        {
          From: customer,
          To: inboundAddress,
          Subject: 'سؤال عن الطلب',
          'Message-ID': `<${uniqueEmail('brand-message')}>`,
          'Content-Type': 'text/plain; charset=utf-8',
        },
        'مرحباً، متى يصل طلبي؟',
      ),
    });
    smtp.close();
    // Under a full test run the inbound processor may take a while: 30 s, as the webhooks wait.
    const conversation = await until(async () => {
      const list = (await ws.owner.get('/api/v1/conversations')).body as {
        items: Array<{ id: string }>;
      };
      return list.items[0] ?? null;
    }, 30_000);
    await ws.owner.post(`/api/v1/conversations/${conversation.id}/replies`, { text: 'يصلك غداً.' });
    return (await sink.waitFor((mail) => mail.to.includes(customer))).parsed;
  }

  /** Logged in through the login screen; CSP bypassed so axe-core can be injected. */
  async function open(
    credentials: { email: string; password: string },
    width = 1366,
    height = 900,
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(credentials.email);
    await page.getByTestId('login-password').fill(credentials.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-layout').waitFor();
    return page;
  }

  async function brandOf(ws: TestWorkspace): Promise<BrandView> {
    return (await ws.owner.get('/api/v1/workspace/brand')).body as BrandView;
  }

  it.each(['ar', 'en'] as const)(
    'uploads a logo and an icon, previews and saves a colour, and the SPA, the favicon and the public theme wear it (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
      const ar = language === 'ar';
      const page = await open(ws);
      // A second tab of the same workspace: it follows the brand live (workspace.updated).
      const other = await open(ws);
      await other.goto(`${server.url}/conversations`);
      await other.getByTestId('conversation-list').waitFor();
      // An empty inbox says where mail will arrive.
      const checklist = (await ws.owner.get('/api/v1/workspace/checklist')).body as {
        inboundAddress: string;
      };
      expect(checklist.inboundAddress).toContain('@');
      await expect(other.getByTestId('inbox-empty-address').textContent()).resolves.toBe(
        checklist.inboundAddress,
      );

      await page.goto(`${server.url}/settings/brand`);
      await page.getByTestId('brand-preview').waitFor();
      expect(await page.locator('html').getAttribute('dir')).toBe(ar ? 'rtl' : 'ltr');
      // The limits are said before anything is uploaded.
      const hint = (await page.getByTestId('brand-logo').textContent()) ?? '';
      expect(hint).toMatch(/144×42|١٤٤×٤٢/);

      // Refused: a non-square icon, and a logo larger than 900×300, in the user's language.
      await page.getByTestId('brand-icon-input').setInputFiles({
        name: 'wide.png',
        mimeType: 'image/png',
        buffer: await png(120, 64, '#45B97C'),
      });
      await expect(page.getByTestId('brand-icon-error').textContent()).resolves.toContain(
        ar ? 'مربعة' : 'square',
      );
      await page.getByTestId('brand-logo-input').setInputFiles({
        name: 'huge.png',
        mimeType: 'image/png',
        buffer: await png(1200, 300, '#45B97C'),
      });
      await expect(page.getByTestId('brand-logo-error').textContent()).resolves.toMatch(
        /900×300|٩٠٠×٣٠٠/,
      );
      expect((await brandOf(ws)).logo).toBeNull();

      // Accepted: the logo shows in its card and in the SPA's header at once.
      await page.getByTestId('brand-logo-input').setInputFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: await png(144, 42, '#0E7490'),
      });
      await page.getByTestId('brand-logo-preview').waitFor();
      await page.getByTestId('brand-icon-input').setInputFiles({
        name: 'icon.png',
        mimeType: 'image/png',
        buffer: await png(128, 128, '#BE185D'),
      });
      await page.getByTestId('brand-icon-preview-32').waitFor();
      const uploaded = await brandOf(ws);
      expect(uploaded.logo).toMatchObject({ width: 144, height: 42 });
      expect(uploaded.icon).not.toBeNull();
      const header = page.getByTestId('header-logo-image');
      await header.waitFor();
      expect(await header.getAttribute('src')).toBe(uploaded.logo?.url);
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(
        uploaded.icon?.urls[32],
      );
      expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')).toBe(
        uploaded.icon?.urls[180],
      );
      // The favicon answers an image.
      const favicon = await fetch(new URL(uploaded.icon?.urls[32] ?? '', server.url));
      expect(favicon.status).toBe(200);
      expect(favicon.headers.get('content-type')).toMatch(/^image\//);

      // A palette colour: the preview changes before anything is saved.
      await page.locator('[data-testid="brand-swatch"][data-colour="#2563EB"]').click();
      await page.locator('[data-testid="brand-preview"][data-primary="#2563EB"]').waitFor();
      expect((await brandOf(ws)).colour.toUpperCase()).toBe('#1F7A5C');

      // A typed hex: refused while it is not one, then three digits are taken.
      const hex = page.getByTestId('brand-hex');
      await hex.fill('#12');
      await expect(page.getByTestId('brand-hex-error').textContent()).resolves.toContain('#45B97C');
      expect(await page.getByTestId('brand-colour-save').isDisabled()).toBe(true);
      await hex.fill('#b17');
      await page.locator('[data-testid="brand-preview"][data-primary="#BB1177"]').waitFor();
      const launcherBackground = await page.getByTestId('preview-launcher').evaluate(
        (el) =>
          (
            globalThis as unknown as {
              getComputedStyle(e: unknown): { backgroundColor: string };
            }
          ).getComputedStyle(el).backgroundColor,
      );
      expect(launcherBackground).toBe('rgb(187, 17, 119)');
      await page.screenshot({ path: `${SHOTS}/brand-1366-${language}.png`, fullPage: true });

      await page.getByTestId('brand-colour-save').click();
      await page
        .getByTestId('saved-toast')
        .filter({ hasText: ar ? 'تم حفظ اللون الأساسي' : 'Primary colour saved' })
        .waitFor();
      const saved = await brandOf(ws);
      expect(saved.colour.toUpperCase()).toBe('#BB1177');
      // This tab and the other one wear it (buttons use it: white text reads on it).
      await waitForVariable(page, '--brand-primary', saved.colours.primary);
      await waitForVariable(other, '--brand-primary', saved.colours.primary);
      await other.getByTestId('header-logo-image').waitFor();
      expect(await other.locator('link[rel="icon"]').getAttribute('href')).toBe(
        saved.icon?.urls[32],
      );
      expect((await rootVariable(page, '--brand-link')).toLowerCase()).toMatch(/^#[0-9a-f]{6}$/);

      // The public theme (forms' hosted page, help center, widget) says the same.
      const slug = ws.me.workspace.slug;
      const theme = await fetch(`${server.url}/api/v1/public/workspaces/${slug}/theme`);
      expect(theme.status).toBe(200);
      const body = (await theme.json()) as PublicThemeView;
      expect(body.colours).toEqual(saved.colours);
      expect(body.logoUrl).toBe(saved.logo?.url);
      expect(body.iconUrls?.[32]).toBe(saved.icon?.urls[32]);

      // A reply by email wears it too: the logo over a bar in the brand colour.
      const email = await replyByEmail(ws, checklist.inboundAddress);
      expect(email.text).toBe('يصلك غداً.');
      expect(email.html).toContain(`${saved.logo?.url}"`);
      expect(email.html).toContain(`border-top:4px solid ${saved.colours.primary}`);

      // The first-run guide ticks the brand.
      await page.goto(`${server.url}/`);
      await page.getByTestId('first-run').waitFor();
      expect(await page.getByTestId('first-run-brand').getAttribute('data-done')).toBe('true');
      expect(await page.getByTestId('first-run-team').getAttribute('data-done')).toBe('false');
      await expect(page.getByTestId('first-run-address').textContent()).resolves.toBe(
        checklist.inboundAddress,
      );
      // No form is published yet: that step waits, with its link to the forms.
      expect(await page.getByTestId('first-run-form').getAttribute('data-done')).toBe('false');
      expect(await page.getByTestId('first-run-link-form').getAttribute('href')).toBe('/forms');
      // The copy button puts the address on the clipboard.
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.getByTestId('first-run-address').locator('xpath=..').getByRole('button').click();
      await expect(
        page.evaluate(() =>
          (
            globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
          ).navigator.clipboard.readText(),
        ),
      ).resolves.toBe(checklist.inboundAddress);
      // The steps for each provider are written out: Gmail, Outlook and Zoho.
      for (const [provider, words] of [
        ['Gmail', ar ? 'إعادة التوجيه' : 'Forwarding'],
        ['Outlook', ar ? 'إعادة التوجيه' : 'Forwarding'],
        ['Zoho Mail', ar ? 'إعادة التوجيه' : 'Forwarding'],
      ] as const) {
        const details = page.locator('details', { hasText: provider });
        await details.locator('summary').click();
        expect(await details.evaluate((el) => (el as unknown as { open: boolean }).open)).toBe(
          true,
        );
        expect(await details.locator('li').count()).toBeGreaterThanOrEqual(3);
        await expect(details.textContent()).resolves.toContain(words);
      }
      await page.screenshot({ path: `${SHOTS}/first-run-1366-${language}.png`, fullPage: true });

      // Phones: the brand screen and its preview fit 390 px.
      const phone = await open(ws, 390, 844);
      await phone.goto(`${server.url}/settings/brand`);
      await phone.getByTestId('brand-preview').waitFor();
      const width = await pageWidth(phone);
      expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
      expect(await layoutProblems(phone)).toEqual([]);
      await phone.screenshot({ path: `${SHOTS}/brand-390-${language}.png`, fullPage: true });
      await phone.goto(`${server.url}/`);
      await phone.getByTestId('first-run').waitFor();
      const home = await pageWidth(phone);
      expect(home.scrollWidth).toBeLessThanOrEqual(home.innerWidth);
      await phone.screenshot({ path: `${SHOTS}/first-run-390-${language}.png`, fullPage: true });

      // Removing the logo takes it out of the header.
      await page.goto(`${server.url}/settings/brand`);
      await page.getByTestId('brand-logo-remove').click();
      await page.getByTestId('header-logo-image').waitFor({ state: 'detached' });
      expect((await brandOf(ws)).logo).toBeNull();
      await Promise.all([page, other, phone].map((p) => p.context().close()));
    },
    // Three tabs, uploads, an email round trip: on a busy 2-core machine it can pass a minute.
    120_000,
  );

  it('warns when no text colour reads on the chosen colour', async () => {
    const ws = await createWorkspace(server.url);
    const page = await open(ws);
    await page.goto(`${server.url}/settings/brand`);
    await page.getByTestId('brand-preview').waitFor();
    await page.getByTestId('brand-hex').fill('#FF0000');
    await page.getByTestId('brand-contrast-warning').waitFor();
    await page.getByTestId('brand-hex').fill('#111827');
    await page.getByTestId('brand-contrast-warning').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it.each(['ar', 'en'] as const)(
    'saves the basic settings: a time zone found by its Arabic or English name, digits and the Hijri date (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
      const page = await open(ws);
      await page.goto(`${server.url}/settings/workspace`);
      await page.getByTestId('basic-settings').waitFor();
      // Asia/Riyadh by default, named in the UI language.
      await expect(page.getByTestId('tz-current').textContent()).resolves.toContain(
        language === 'ar' ? 'الرياض' : 'Riyadh',
      );
      await page.getByTestId('tz-search').fill(language === 'ar' ? 'نيويورك' : 'new york');
      await page.locator('[data-testid="tz-option"][data-zone="America/New_York"]').click();
      await page.getByTestId('ws-digits-arab').check();
      await expect(page.getByTestId('digits-sample').textContent()).resolves.toMatch(/[٠-٩]/);
      await page.getByTestId('ws-calendar-gregory-hijri').check();
      await expect(page.getByTestId('calendar-sample').textContent()).resolves.toMatch(
        language === 'ar' ? /هـ/ : /AH/,
      );
      await page.getByTestId('ws-week-monday').check();
      await page.screenshot({
        path: `${SHOTS}/basic-settings-1366-${language}.png`,
        fullPage: true,
      });
      await page.getByTestId('basic-save').click();
      await page.getByTestId('saved-toast').waitFor();
      const saved = (await ws.owner.get('/api/v1/workspace')).body as WorkspaceView;
      expect(saved).toMatchObject({
        timeZone: 'America/New_York',
        digits: 'arab',
        calendar: 'gregory-hijri',
        weekStart: 'monday',
      });
      // A bad value comes back as a field error next to its field.
      await page.getByTestId('ws-name').fill('');
      await page.getByTestId('basic-save').click();
      await page.locator('#ws-name-error').waitFor();

      const phone = await open(ws, 390, 844);
      await phone.goto(`${server.url}/settings/workspace`);
      await phone.getByTestId('basic-settings').waitFor();
      const width = await pageWidth(phone);
      expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
      await phone.screenshot({
        path: `${SHOTS}/basic-settings-390-${language}.png`,
        fullPage: true,
      });
      await Promise.all([page, phone].map((p) => p.context().close()));
    },
  );

  it('keeps agents out of the brand and basic settings', async () => {
    const ws = await createWorkspace(server.url);
    const agent = await addMember(server.url, ws.owner, 'agent');
    const forbidden = await agent.session.patch('/api/v1/workspace/brand', { colour: '#111827' });
    expect(forbidden.status).toBe(403);
    const page = await open({ email: agent.email, password: ws.password });
    await page.goto(`${server.url}/settings/brand`);
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/settings/profile`);
    expect(await page.getByTestId('nav-brand').count()).toBe(0);
    await page.context().close();
  });

  /*
   * axe-core skips text it takes for an icon font's ligatures, and decides that per font from the
   * first three texts it measures: Arabic's joined letters look like ligatures to it, so on an
   * Arabic page it would skip nearly every text and pass blindly. contrastViolations puts three
   * Latin words first, so it checks every text, Arabic included (and a floor says it did).
   */
  it.each([
    ['#FFEB3B', 'ar'],
    ['#1F7A5C', 'en'],
    ['#111827', 'ar'],
    ['#FFEB3B', 'en'],
    ['#111827', 'en'],
    ['#1F7A5C', 'ar'],
  ] as const)(
    'has no contrast violations on the inbox and the settings with the brand colour %s (%s)',
    async (colour, language) => {
      const ws = await createWorkspace(server.url);
      if (language === 'en') await ws.owner.patch('/api/v1/me', { language: 'en' });
      const set = await ws.owner.patch('/api/v1/workspace/brand', { colour });
      expect(set.status).toBe(200);
      await ws.owner.post('/api/v1/conversations', {
        contact: { email: uniqueEmail('c'), name: 'سارة' },
        subject: 'استفسار عن الطلب',
        text: 'مرحباً، متى يصل طلبي؟',
      });
      const page = await open(ws);
      const problems: Record<string, string[]> = {};
      for (const path of ['/conversations', '/settings/brand', '/settings/workspace', '/']) {
        await page.goto(`${server.url}${path}`);
        await page.getByTestId('app-layout').waitFor();
        if (path === '/conversations') await page.getByTestId('conversation-row').first().waitFor();
        if (path === '/settings/brand') await page.getByTestId('brand-preview').waitFor();
        if (path === '/settings/workspace') await page.getByTestId('basic-settings').waitFor();
        if (path === '/') await page.getByTestId('first-run').waitFor();
        await waitForVariable(page, '--brand-primary', (set.body as BrandView).colours.primary);
        problems[path] = await contrastViolations(page);
      }
      await page.screenshot({ path: `${SHOTS}/brand-axe-${colour.slice(1)}-${language}.png` });
      // The check itself sees a pale link (so an empty list above means something).
      await page.addStyleTag({ content: 'a { color: #c8c8c8 !important; }' });
      expect((await contrastViolations(page)).length).toBeGreaterThan(0);
      expect(problems).toEqual({
        '/conversations': [],
        '/settings/brand': [],
        '/settings/workspace': [],
        '/': [],
      });
      await page.context().close();
    },
  );
});
