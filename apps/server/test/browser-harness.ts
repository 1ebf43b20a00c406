import { chromiumPath } from '@sanad/testing';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
