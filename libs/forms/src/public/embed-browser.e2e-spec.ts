import type { PublicFormView } from '@sanad/contracts';
import { chromiumPath } from '@sanad/testing';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EMBED_SCRIPT, FRAME_SCRIPT } from './embed-script';
import { FORM_FONT_DIR, FORM_FONT_FILES, formPageFonts } from './form-page.fonts';
import { renderFormMessagePage, renderFormPage } from './form-page.renderer';
import { sampleField, sampleForm, sampleTheme } from './form-page.sample';

/**
 * The embed and frame scripts in a real Chromium, before any controller: a stand-in form server
 * renders the pages (under a strict CSP, as the real one will) on one origin, and a hostile host
 * page on another origin embeds the form. The full round trip through the API is
 * apps/server/test/forms-hosted-browser.e2e-spec.ts.
 */
const executablePath = chromiumPath();
const describeBrowser =
  process.env.SANAD_SKIP_BROWSER === '1' || !executablePath ? describe.skip : describe;
const SHOTS = '.test-data/screenshots';
const NONCE = 'embed-spec-nonce';

const form: PublicFormView = sampleForm({
  name: 'Contact us',
  fields: [
    sampleField('short_text', 'name', { ar: 'الاسم', en: 'Name' }, { required: true }),
    sampleField('long_text', 'message', { ar: 'رسالتك', en: 'Your message' }),
    sampleField('hidden', 'order_id', { ar: 'الطلب', en: 'Order' }),
  ],
});

function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/** Stands in for the public forms controller: same pages, same CSP, a one-rule check. */
function formServer(posted: Array<Record<string, string>>): Server {
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://form.test');
      if (url.pathname === '/public/forms/embed.js' || url.pathname === '/public/forms/frame.js') {
        res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8' });
        res.end(url.pathname.endsWith('embed.js') ? EMBED_SCRIPT : FRAME_SCRIPT);
        return;
      }
      const font = url.pathname.replace('/public/forms/fonts/', '');
      if (FORM_FONT_FILES.includes(font)) {
        res.writeHead(200, { 'content-type': 'font/woff2' });
        res.end(readFileSync(join(FORM_FONT_DIR, font)));
        return;
      }
      if (url.pathname !== `/f/${form.key}`) return void res.writeHead(404).end();
      const language = url.searchParams.get('lang') === 'en' ? 'en' : 'ar';
      const embed = url.searchParams.get('embed') === '1';
      const frame = {
        form,
        language,
        theme: sampleTheme(),
        nonce: NONCE,
        embed,
        languageSwitch: null,
        fonts: formPageFonts('/public/forms/fonts'),
      } as const;
      let html: string;
      if (req.method === 'POST') {
        const body = await readBody(req);
        const values = Object.fromEntries(body);
        posted.push(values);
        html = values.name?.trim()
          ? renderFormMessagePage({ ...frame, kind: 'thank_you' })
          : renderFormPage({
              ...frame,
              action: url.pathname + url.search,
              token: 't',
              honeypotName: 'hp_url',
              values,
              errors: [{ field: 'name', message: 'This field is required.' }],
              formError: null,
              hidden: {},
              challenge: null,
            });
      } else {
        html = renderFormPage({
          ...frame,
          action: url.pathname + url.search,
          token: 't',
          honeypotName: 'hp_url',
          values: {},
          errors: [],
          formError: null,
          hidden: { order_id: url.searchParams.get('order_id') ?? '' },
          challenge: null,
        });
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; img-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'`,
      });
      res.end(html);
    })();
  });
}

/** A shop's page that does its worst to every element, the iframe included. */
function hostServer(formOrigin: string): Server {
  return createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Shop</title>
<style>* { all: unset } html { direction: ltr } iframe { display: none !important; height: 0 }</style>
</head><body><p>Shop page</p>
<script src="${formOrigin}/public/forms/embed.js" data-sanad-form="${form.key}" data-lang="en" data-hidden-order_id="A-77" async></script>
<p>After the form</p></body></html>`);
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** The iframe's height on the host page, and the height of the page inside it. */
function heights(page: Page): Promise<{ frame: number; display: string }> {
  return page.locator('iframe[data-sanad-frame]').evaluate((el) => {
    const frame = el as unknown as { getBoundingClientRect(): { height: number } };
    const style = (
      globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }
    ).getComputedStyle(el);
    return { frame: frame.getBoundingClientRect().height, display: style.display };
  });
}

function contentHeight(page: Page): Promise<number> {
  return page
    .frameLocator('iframe[data-sanad-frame]')
    .locator('html')
    .evaluate((el) =>
      Math.ceil(
        (el as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect()
          .height,
      ),
    );
}

/** Polls `read` until `ok` holds (or 10 s pass); returns the last value read. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** How far the iframe's height is from the height of the page inside it. */
async function sizeGap(page: Page): Promise<number> {
  return Math.abs((await heights(page)).frame - (await contentHeight(page)));
}

describeBrowser('form embed in Chromium (stand-in form server)', () => {
  let browser: Browser;
  const posted: Array<Record<string, string>> = [];
  const forms = formServer(posted);
  let host: Server;
  let formOrigin: string;
  let hostOrigin: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    formOrigin = `http://127.0.0.1:${await listen(forms)}`;
    host = hostServer(formOrigin);
    // Another origin: another host name for the same machine.
    hostOrigin = `http://localhost:${await listen(host)}`;
    browser = await chromium.launch({
      executablePath: executablePath as string,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    forms.close();
    host.close();
  });

  it('shows the form on a hostile page, sizes it to its content, and submits', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(`${hostOrigin}/`);
    const iframe = page.locator('iframe[data-sanad-frame]');
    await iframe.waitFor();
    expect(await iframe.getAttribute('title')).toBe('Form');
    const src = new URL((await iframe.getAttribute('src')) as string);
    expect(src.origin).toBe(formOrigin);
    expect(src.searchParams.get('order_id')).toBe('A-77');
    expect(src.searchParams.get('page')).toBe(`${hostOrigin}/`);

    const inside = page.frameLocator('iframe[data-sanad-frame]');
    // The keyboard, not a click: Playwright's hit test gets lost in an iframe inside the
    // host's unset (inline) body, though the button is visible and a person can press it.
    const submit = () => inside.locator('button[type=submit]').press('Enter');
    await inside.locator('#f-name').waitFor();
    // The webfont swaps in once: measure after it.
    await inside
      .locator('html')
      .evaluate(() =>
        (
          globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }
        ).document.fonts.ready.then(() => undefined),
      );
    // Auto-sized: the iframe grows to the page inside it (not its 480 px start, not 0).
    expect(
      await eventually(
        () => sizeGap(page),
        (gap) => gap <= 1,
      ),
    ).toBeLessThanOrEqual(1);
    const first = await heights(page);
    expect(first.display).toBe('block');
    expect(first.frame).toBeGreaterThan(300);
    expect(await inside.locator('input[name=order_id]').inputValue()).toBe('A-77');
    await page.screenshot({ path: `${SHOTS}/forms-embed-hostile-390.png`, fullPage: true });

    // An error grows the page; the iframe follows.
    await inside
      .locator('#f-name')
      .evaluate((el) => ((el as unknown as { required: boolean }).required = false));
    await submit();
    await inside.locator('#f-name-error').waitFor();
    expect(
      (
        await eventually(
          () => heights(page),
          (h) => h.frame > first.frame,
        )
      ).frame,
    ).toBeGreaterThan(first.frame);

    await inside.locator('#f-name').fill('Sara');
    await inside.locator('#f-message').fill('Where is my order?');
    await submit();
    await inside.getByText('Thank you for reaching out!').waitFor();
    // The thank-you is shorter: the iframe shrinks with it.
    expect(
      (
        await eventually(
          () => heights(page),
          (h) => h.frame < first.frame,
        )
      ).frame,
    ).toBeLessThan(first.frame);
    expect(
      await eventually(
        () => sizeGap(page),
        (gap) => gap <= 1,
      ),
    ).toBeLessThanOrEqual(1);
    expect(posted.at(-1)).toMatchObject({
      name: 'Sara',
      message: 'Where is my order?',
      order_id: 'A-77',
      hp_url: '',
    });
    await page.screenshot({ path: `${SHOTS}/forms-embed-thanks-390.png`, fullPage: true });
    expect(cspErrors).toEqual([]);
    await page.close();
  });

  it('ignores height messages from other windows', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostOrigin}/`);
    await page.frameLocator('iframe[data-sanad-frame]').locator('#f-name').waitFor();
    await eventually(
      () => heights(page),
      (h) => h.frame > 300,
    );
    const before = (await heights(page)).frame;
    // The host page itself (same window, wrong source and origin) forges a message.
    await page.evaluate((key) => {
      (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage(
        { type: 'sanad-form:height', key, height: 5 },
        '*',
      );
    }, form.key);
    await page.waitForTimeout(200);
    expect((await heights(page)).frame).toBe(before);
    await page.close();
  });
});
