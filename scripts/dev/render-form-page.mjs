#!/usr/bin/env node
// The hosted form page, looked at: renders the sample form (every field type) in Arabic and
// English, with and without errors, the thank-you and closed pages, and the embed; serves them
// on a local port with the self-hosted font; screenshots each at 390 px and 1280 px into
// .test-data/form-pages/ and runs axe-core on each. Not a test: a tool to look at the page.
//
//   node scripts/dev/render-form-page.mjs
/* global document, window */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
require('tsconfig-paths/register');
const {
  renderFormPage,
  renderFormMessagePage,
  fieldErrorMessages,
} = require('../../libs/forms/src/public/form-page.renderer.ts');
const { sampleForm, sampleTheme } = require('../../libs/forms/src/public/form-page.sample.ts');
const { chromium } = require('playwright-core');

const OUT = '.test-data/form-pages';
mkdirSync(OUT, { recursive: true });

const { FORM_FONT_DIR, formPageFonts } = require('../../libs/forms/src/public/form-page.fonts.ts');
const fonts = formPageFonts('/fonts');

const theme = sampleTheme({ colours: { ...sampleTheme().colours } });
const brandedTheme = sampleTheme({
  colours: {
    primary: '#6D28D9',
    primaryHover: '#5B21B6',
    primarySoft: '#EDE9FE',
    onPrimary: '#FFFFFF',
    link: '#6D28D9',
    contrastRatio: 7.1,
    contrastOk: true,
  },
});

const values = {
  name: 'سارة "><script>alert(1)</script>',
  email: 'sara@example',
  topic: 'billing',
  order_number: '١٢٣٤',
  contact_by: 'whatsapp',
  products: ['app', 'store'],
  message: 'قصير',
  consent: '',
};
const serverErrors = [
  { field: 'email', code: 'isEmail' },
  { field: 'message', code: 'minLength', params: { min: 10 } },
  { field: 'consent', code: 'isNotEmpty' },
  { field: 'contact_by', code: 'isNotEmpty' },
];

function page(language, { errors = false, embed = false, brand = theme } = {}) {
  const form = sampleForm({ name: language === 'ar' ? 'تواصل معنا' : 'Contact us' });
  return renderFormPage({
    form,
    language,
    theme: brand,
    nonce: 'dev',
    embed,
    action: `/f/${form.key}?lang=${language}`,
    token: 'signed-time',
    honeypotName: 'website_url',
    values: errors ? values : {},
    errors: errors ? fieldErrorMessages(serverErrors, language) : [],
    formError: null,
    hidden: { campaign: 'ramadan' },
    languageSwitch: { ar: `/f/${form.key}?lang=ar`, en: `/f/${form.key}?lang=en` },
    challenge: null,
    fonts,
  });
}

const pages = {};
for (const language of ['ar', 'en']) {
  pages[`form-${language}`] = page(language);
  pages[`errors-${language}`] = page(language, { errors: true });
  pages[`brand-${language}`] = page(language, { brand: brandedTheme });
  pages[`embed-${language}`] = page(language, { embed: true, errors: true });
  for (const kind of ['thank_you', 'closed'])
    pages[`${kind}-${language}`] = renderFormMessagePage({
      form: sampleForm(),
      language,
      theme,
      nonce: 'dev',
      embed: false,
      languageSwitch: null,
      kind,
      fonts,
    });
}
for (const [name, html] of Object.entries(pages)) writeFileSync(join(OUT, `${name}.html`), html);

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname.startsWith('/fonts/')) {
    res.writeHead(200, { 'content-type': 'font/woff2' });
    return res.end(readFileSync(join(FORM_FONT_DIR, url.pathname.slice(7))));
  }
  const name = url.pathname.slice(1);
  if (pages[name]) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(pages[name]);
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const only = process.argv.slice(2);
let serious = 0;
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const tab = await context.newPage();
    for (const name of Object.keys(pages)) {
      if (only.length && !only.some((o) => name.startsWith(o))) continue;
      await tab.goto(`${base}/${name}`);
      await tab.evaluate(() => document.fonts.ready);
      await tab.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: true });
      if (name.startsWith('brand-')) {
        // Focus rings in the brand colour: a text field, then the button (keyboard focus).
        await tab.focus('#f-email');
        await tab.keyboard.type('sara@example.com');
        await tab.locator('#f-email').screenshot({ path: join(OUT, `${name}-${width}-focus.png`) });
        await tab.focus('button[type=submit]');
        await tab.keyboard.press('Shift+Tab');
        await tab.keyboard.press('Tab');
        await tab
          .locator('.form__actions')
          .screenshot({ path: join(OUT, `${name}-${width}-button.png`) });
      }
      await tab.addScriptTag({ path: require.resolve('axe-core') });
      const result = await tab.evaluate(() => window.axe.run());
      const bad = result.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      serious += bad.length;
      const minor = result.violations.length - bad.length;
      console.log(
        `${name} @${width}: ${bad.length} serious/critical, ${minor} other` +
          bad
            .map((v) => `\n  ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
            .join(''),
      );
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${OUT}`);
process.exitCode = serious ? 1 : 0;
