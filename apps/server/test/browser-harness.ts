import { chromiumPath } from '@sanad/testing';
import { mkdirSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';

const executablePath = chromiumPath();

/** Browser suites are skipped (loudly, by scripts/test.mjs) only where Chromium is missing. */
export const describeBrowser =
  process.env.SANAD_SKIP_BROWSER === '1' || !executablePath ? describe.skip : describe;

export const SHOTS = '.test-data/screenshots';

/** Debian's Chromium, headless, with the flags this machine needs; never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: executablePath as string,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh browser context logged in through the real login screen. */
export async function loginPage(
  browser: Browser,
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1600, height: 900 } })
  ).newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(credentials.email);
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-layout').waitFor();
  return page;
}

/**
 * Like loginPage, with a viewport of choice and a hook on the context before the first page
 * opens (e.g. to route the agents socket, which opens as soon as the login succeeds).
 */
export async function loginPageWith(
  browser: Browser,
  baseUrl: string,
  credentials: { email: string; password: string },
  options: {
    viewport?: { width: number; height: number };
    setup?: (context: BrowserContext) => Promise<void>;
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1600, height: 900 },
  });
  await options.setup?.(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(credentials.email);
  await page.getByTestId('login-password').fill(credentials.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-layout').waitFor();
  return page;
}

/** The API calls a page makes ("GET /api/v1/conversations?view=all"), in order. */
export function recordApiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/'))
      seen.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return seen;
}

/**
 * What cuts content off at the side, as readable lines (none when the layout holds): a scroll
 * box that scrolls sideways (a row of tabs may, but each tab must stay narrow); an element
 * sticking out of the nearest box that clips it (or of the window), unless that box truncates on
 * purpose (an ellipsis or a line clamp). The page's own width is the caller's first check.
 */
export async function layoutProblems(
  page: Page,
  tabStrips = ['.sidebar', '.settings__nav', '.inbox__views'],
): Promise<string[]> {
  return page.locator('html').evaluate((root, strips) => {
    // The server's tsconfig has no DOM library: the little of it used here, typed by hand.
    interface Rect {
      left: number;
      right: number;
      width: number;
      height: number;
    }
    interface Style {
      display: string;
      visibility: string;
      overflowX: string;
      position: string;
      textOverflow: string;
      flexDirection: string;
      getPropertyValue(property: string): string;
    }
    interface Node {
      tagName: string;
      className: unknown;
      parentElement: Node | null;
      children: ArrayLike<Node>;
      scrollWidth: number;
      clientWidth: number;
      getAttribute(name: string): string | null;
      matches(selector: string): boolean;
      getBoundingClientRect(): Rect;
      querySelectorAll(selector: string): ArrayLike<Node>;
    }
    const win = globalThis as unknown as {
      innerWidth: number;
      getComputedStyle(el: Node): Style;
    };
    const html = root as unknown as Node;
    const css = (el: Node): Style => win.getComputedStyle(el);
    const problems: string[] = [];
    const view = win.innerWidth;
    const name = (el: Node): string => {
      const classes = typeof el.className === 'string' ? el.className.trim() : '';
      const testid = el.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${classes ? `.${classes.split(/\s+/).join('.')}` : ''}${testid ? `[${testid}]` : ''}`;
    };
    const scrolls = (style: Style): boolean => /auto|scroll/.test(style.overflowX);
    const truncates = (style: Style): boolean =>
      style.textOverflow === 'ellipsis' ||
      (style.getPropertyValue('-webkit-line-clamp') || 'none') !== 'none';
    for (const el of Array.from(html.querySelectorAll('body *'))) {
      const style = css(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (scrolls(style) && el.scrollWidth > el.clientWidth + 1) {
        const strip =
          strips.some((s) => el.matches(s)) &&
          style.display === 'flex' &&
          style.flexDirection === 'row';
        if (strip) {
          for (const child of Array.from(el.children))
            if (child.getBoundingClientRect().width > Math.min(0.6 * view, 320))
              problems.push(
                `${name(child)} is ${Math.round(child.getBoundingClientRect().width)} px wide in a row of tabs`,
              );
        } else
          problems.push(
            `${name(el)} scrolls sideways: ${el.scrollWidth} px in ${el.clientWidth} px`,
          );
      }
      // A fixed panel is laid over the page: only the window clips it.
      let clip = style.position === 'fixed' ? null : el.parentElement;
      while (clip && clip !== html && css(clip).overflowX === 'visible') clip = clip.parentElement;
      const clipper = clip && clip !== html ? clip : null;
      const box = clipper ? clipper.getBoundingClientRect() : { left: 0, right: view };
      const clipStyle = clipper ? css(clipper) : null;
      if (clipStyle && (scrolls(clipStyle) || truncates(clipStyle))) continue;
      // Visually hidden on purpose (a 1 px box, for screen readers).
      if (box.right - box.left <= 2) continue;
      if (rect.left < box.left - 1 || rect.right > box.right + 1)
        problems.push(
          `${name(el)} sticks out of ${clipper ? name(clipper) : 'the window'}: ${Math.round(rect.left)}…${Math.round(rect.right)} in ${Math.round(box.left)}…${Math.round(box.right)}`,
        );
    }
    return problems.slice(0, 15);
  }, tabStrips);
}

/** How wide the page is (document.documentElement.scrollWidth) and its window, once fonts are in. */
export async function pageWidth(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; widest: string | null }> {
  return page.locator('html').evaluate(async (root) => {
    interface El {
      tagName: string;
      className: unknown;
      getBoundingClientRect(): { left: number; right: number };
      querySelectorAll(selector: string): ArrayLike<El>;
    }
    const win = globalThis as unknown as {
      innerWidth: number;
      document: { fonts: { ready: Promise<unknown> } };
      requestAnimationFrame(callback: () => void): void;
    };
    await win.document.fonts.ready;
    // Two frames: what resizes itself on a resize (charts) has done so.
    for (let frame = 0; frame < 2; frame++)
      await new Promise<void>((done) => win.requestAnimationFrame(done));
    const html = root as unknown as El & { scrollWidth: number };
    // The last element in document order that crosses the window's edge is the innermost one.
    const outside = Array.from(html.querySelectorAll('body *')).filter((el) => {
      const rect = el.getBoundingClientRect();
      return rect.right > win.innerWidth + 1 || rect.left < -1;
    });
    const last = outside[outside.length - 1];
    const classes = last && typeof last.className === 'string' ? last.className.trim() : '';
    return {
      scrollWidth: html.scrollWidth,
      innerWidth: win.innerWidth,
      widest: last
        ? `${last.tagName.toLowerCase()}${classes ? `.${classes.split(/\s+/).join('.')}` : ''}`
        : null,
    };
  });
}

/** Why an element is not (wholly) inside the first screen, or null when it is. */
export async function offScreen(locator: Locator): Promise<string | null> {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  if (!box || !size) return 'not shown';
  if (box.x < -1 || box.x + box.width > size.width + 1)
    return `x ${Math.round(box.x)}…${Math.round(box.x + box.width)} in ${size.width}`;
  if (box.y < -1 || box.y + box.height > size.height + 1)
    return `y ${Math.round(box.y)}…${Math.round(box.y + box.height)} in ${size.height}`;
  return null;
}

/**
 * Words on the screen that should not be there: a raw i18n key (`a.b.c`) anywhere, and in
 * Arabic an English word outside customer data (bdi), inputs, code and left-to-right text;
 * `allowed` are names written the same in Arabic (CSV, Excel, Ctrl).
 */
export async function textProblems(
  page: Page,
  language: 'ar' | 'en',
  allowed: readonly string[] = [],
): Promise<string[]> {
  return page.locator('body').evaluate(
    (body, [lang, allowedWords]) => {
      interface El {
        tagName: string;
        closest(selector: string): El | null;
        getAttribute(name: string): string | null;
        querySelectorAll(selector: string): ArrayLike<El>;
        textContent: string | null;
        parentElement: El | null;
        childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
      }
      const win = globalThis as unknown as {
        getComputedStyle(el: El): { display: string; visibility: string };
      };
      const root = body as unknown as El;
      const out: string[] = [];
      const shown = (el: El): boolean => {
        for (let at: El | null = el; at; at = at.parentElement) {
          const style = win.getComputedStyle(at);
          if (style.display === 'none' || style.visibility === 'hidden') return false;
        }
        return true;
      };
      const raw = /(^|[\s(«"])([a-z][a-zA-Z0-9]*\.){2,}[a-zA-Z0-9]+($|[\s)»".،:])/;
      const latin = /\b[A-Za-z]{3,}\b/g;
      const ok = new Set(allowedWords);
      for (const el of Array.from(root.querySelectorAll('body *'))) {
        const own = Array.from(el.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent ?? '')
          .join(' ')
          .trim();
        const attrs = ['placeholder', 'aria-label', 'title']
          .map((a) => el.getAttribute(a) ?? '')
          .filter(Boolean);
        for (const text of [own, ...attrs]) {
          if (!text || !shown(el)) continue;
          if (raw.test(text)) out.push(`raw key "${text.slice(0, 80)}"`);
          // Labels (attributes) may name customer data; addresses and domains are not words.
          if (
            lang === 'ar' &&
            text === own &&
            !el.closest('bdi, input, textarea, code, pre, .mono, [dir="ltr"], [lang="en"]')
          ) {
            const prose = text.replace(/\S*[.@]\S*/g, ' ');
            const words = (prose.match(latin) ?? []).filter((w) => !ok.has(w));
            if (words.length)
              out.push(`English in Arabic: "${text.slice(0, 80)}" <${el.tagName.toLowerCase()}>`);
          }
        }
      }
      return [...new Set(out)].slice(0, 10);
    },
    [language, [...allowed]] as const,
  );
}

/**
 * Everything wrong with the screen as shown: the page wider than its window, boxes cut off
 * (layoutProblems) and misplaced words (textProblems).
 */
export async function screenProblems(
  page: Page,
  language: 'ar' | 'en',
  allowed: readonly string[] = [],
): Promise<string[]> {
  const problems: string[] = [];
  const { scrollWidth, innerWidth, widest } = await pageWidth(page);
  if (scrollWidth > innerWidth + 1)
    problems.push(`the page is ${scrollWidth} px wide in a ${innerWidth} px window (${widest})`);
  problems.push(...(await layoutProblems(page)));
  problems.push(...(await textProblems(page, language, allowed)));
  return problems;
}
