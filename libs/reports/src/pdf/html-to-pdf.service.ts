import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { DomainError } from '@sanad/core';
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

/** A file the printing page may load (the logo), answered from memory. */
export interface PrintResource {
  contentType: string;
  body: Buffer;
}

/** Pages printed at once: each holds a renderer process, and the machine has few cores. */
const MAX_PAGES = 2;

/**
 * Prints HTML to PDF with the system's headless Chromium (CHROMIUM_PATH), kept running between
 * prints. The page reaches nothing on the network: every request it makes is answered from
 * `resources` or refused. No Chromium: `reports/pdf_unavailable` (503), CSV still works.
 */
@Injectable()
export class HtmlToPdf implements OnModuleDestroy {
  private readonly logger = new Logger('HtmlToPdf');
  private browser: Promise<Browser> | null = null;
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async available(): Promise<boolean> {
    return access(this.config.chromiumPath, constants.X_OK).then(
      () => true,
      () => false,
    );
  }

  async print(html: string, resources: Map<string, PrintResource>): Promise<Buffer> {
    if (!(await this.available())) throw new DomainError('reports/pdf_unavailable');
    await this.slot();
    try {
      const browser = await this.launch();
      const page = await browser.newPage();
      try {
        await page.route('**/*', async (route) => {
          const url = new URL(route.request().url());
          const found = resources.get(url.pathname);
          if (found) await route.fulfill({ contentType: found.contentType, body: found.body });
          else await route.abort();
        });
        await page.setContent(html, { waitUntil: 'load', timeout: 20_000 });
        // Web fonts must be in before printing, or Arabic prints in a fallback face.
        await page.evaluate('document.fonts.ready');
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await page.close().catch(() => undefined);
      }
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    await (await browser?.catch(() => null))?.close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium
      .launch({
        executablePath: this.config.chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      })
      .then((browser) => {
        browser.on('disconnected', () => {
          this.logger.warn('Chromium went away; the next PDF starts it again');
          this.browser = null;
        });
        return browser;
      })
      .catch((error: Error) => {
        this.browser = null;
        this.logger.warn(`Chromium did not start: ${error.message}`);
        throw new DomainError('reports/pdf_unavailable');
      });
    return this.browser;
  }

  private async slot(): Promise<void> {
    if (this.active >= MAX_PAGES) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
  }
}
