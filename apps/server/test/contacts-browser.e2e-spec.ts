import { readFile } from 'node:fs/promises';
import { encodeUtf16le, encodeWindows1256 } from '@sanad/testing';
import type {
  ConversationDetailView,
  CreatedApiTokenView,
  PageView,
  PersonView,
} from '@sanad/contracts';
import type { Browser, Download, Page } from 'playwright-core';
import {
  SHOTS,
  describeBrowser,
  launchBrowser,
  loginPageWith,
  screenProblems,
} from './browser-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { HttpSession, createWorkspace, type TestWorkspace } from './test-app';

type Language = 'ar' | 'en';

/** A count as shown (the member's digits, Latin or Arabic-Indic) in Latin digits. */
function digits(text: string | null): string {
  return (text ?? '').trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** The customer sidebar shows from 1400 px on. */
const WIDE = { width: 1600, height: 900 };

/** What each language shows: labels the screens must use, and the server's reasons. */
const WORDS = {
  ar: {
    badEmail: 'أدخل بريداً إلكترونياً صحيحاً.',
    gold: 'ذهبية',
    basic: 'أساسية',
    nameHeader: 'الاسم',
    customers: 'العملاء',
  },
  en: {
    badEmail: 'Enter a valid email address.',
    gold: 'Gold',
    basic: 'Basic',
    nameHeader: 'Name',
    customers: 'العملاء',
  },
} as const;

/** Arabic Excel: semicolons, windows-1256, harakat in a name, one row with a bad email. */
const ARABIC_CSV = [
  'الاسم;البريد الإلكتروني;الجوال;الشركة;الباقة;المدينة',
  'مُحَمَّد العتيبي;m.otaibi@example.sa;0501234567;شركة الريان;ذهبية;الرياض',
  'سارة القحطاني;sara@example.sa;0555123456;شركة الريان;أساسية;جدة',
  'خالد;not-an-email;;;;الدمام',
].join('\r\n');

/** Excel "Unicode Text": UTF-16LE with tabs and English headers. */
const UNICODE_CSV = [
  'First Name\tLast Name\tE-mail\tMobile\tCity',
  'Omar\tHaddad\tomar@example.com\t٠٥٠٩٨٧٦٥٤٣\tAbha',
].join('\r\n');

describeBrowser('contacts in a real browser', () => {
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

  /** What is wrong on the screens visited: the test fails with all of it at the end. */
  let failures: string[] = [];
  beforeEach(() => (failures = []));

  /** Names of formats and keys, written the same in Arabic. */
  const FORMAT_WORDS = ['CSV', 'UTF', 'Excel', 'Windows', 'Unicode', 'Tab', 'Ctrl', 'Enter'];

  /**
   * The page holds: no sideways scroll or clipped box, no raw i18n key, and in Arabic no
   * English words outside customer data (bdi), inputs and code.
   */
  async function check(page: Page, what: string, language: Language): Promise<void> {
    for (const problem of await screenProblems(page, language, FORMAT_WORDS))
      failures.push(`${what}: ${problem}`);
  }

  /** Screenshots of one screen, checked at each size (Arabic: phone and desktop). */
  async function shoot(page: Page, name: string, language: Language): Promise<void> {
    const sizes = language === 'ar' ? [PHONE, DESKTOP] : [DESKTOP];
    const before = page.viewportSize();
    for (const size of sizes) {
      await page.setViewportSize(size);
      await check(page, `${name} ${size.width} ${language}`, language);
      await page.screenshot({ path: `${SHOTS}/contacts-${name}-${size.width}-${language}.png` });
    }
    if (before) await page.setViewportSize(before);
  }

  /** Waits until the list shows exactly `count` rows (a search answers after the address changes). */
  async function rowCount(page: Page, testid: string, count: number): Promise<void> {
    await page.waitForFunction(
      ([id, n]) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } }
        ).document.querySelectorAll(`[data-testid="${id}"]`).length === n,
      [testid, count] as const,
    );
  }

  async function downloaded(download: Download): Promise<Buffer> {
    const path = await download.path();
    if (!path) throw new Error(`download failed: ${await download.failure()}`);
    return readFile(path);
  }

  async function peopleNamed(ws: TestWorkspace, q: string): Promise<PersonView[]> {
    const res = await ws.owner.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
    return (res.body as PageView<PersonView>).items;
  }

  it.each(['ar', 'en'] as const)(
    'fields, people, import, merge, export, companies and the sidebar (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      // The member's own name is data of their language (it shows in the assignee list).
      await ws.owner.patch(
        '/api/v1/me',
        language === 'en' ? { language: 'en' } : { name: 'المالك' },
      );
      const page = await loginPageWith(browser, server.url, ws, { viewport: DESKTOP });
      page.setDefaultTimeout(10_000);
      // A script error (a screen that throws while it mounts) fails the test with its message.
      page.on('pageerror', (error) => failures.push(`script error: ${error.message}`));
      try {
        await flows(page, ws, language);
      } catch (error) {
        // What the page showed when a step failed.
        await page.screenshot({ path: `${SHOTS}/contacts-failure-${language}.png` });
        throw error;
      } finally {
        await page.context().close();
      }
      expect(failures).toEqual([]);
    },
  );

  async function flows(page: Page, ws: TestWorkspace, language: Language): Promise<void> {
    const words = WORDS[language];
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');

    // a. Settings → custom fields: a select with ar/en options and a required text field.
    await page.goto(`${server.url}/settings/contact-fields`);
    await page.getByTestId('field-person-add').click();
    const dialog = page.getByTestId('field-dialog');
    await dialog.getByTestId('field-label-ar').fill('الباقة');
    await dialog.getByTestId('field-label-en').fill('Plan');
    expect(await dialog.getByTestId('field-key').inputValue()).toBe('plan');
    await dialog.getByTestId('field-type').selectOption('select');
    await dialog.getByTestId('field-option-ar').first().fill('ذهبية');
    await dialog.getByTestId('field-option-en').first().fill('Gold');
    await dialog.getByTestId('field-option-add').click();
    await dialog.getByTestId('field-option-ar').nth(1).fill('أساسية');
    await dialog.getByTestId('field-option-en').nth(1).fill('Basic');
    if (language === 'ar') await shoot(page, 'field-dialog', language);
    await dialog.getByTestId('field-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('field-person-add').click();
    await dialog.getByTestId('field-label-ar').fill('المدينة');
    await dialog.getByTestId('field-label-en').fill('City');
    await dialog.getByTestId('field-required').check();
    await dialog.getByTestId('field-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('field-row').nth(1).waitFor();
    const fields = (await ws.owner.get('/api/v1/contact-fields?entity=person')).body as {
      items: Array<{ key: string; type: string; required: boolean; options: unknown[] }>;
    };
    expect(fields.items).toMatchObject([
      {
        key: 'plan',
        type: 'select',
        required: false,
        options: [
          { value: 'gold', ar: 'ذهبية', en: 'Gold' },
          { value: 'basic', ar: 'أساسية', en: 'Basic' },
        ],
      },
      { key: 'city', type: 'text', required: true },
    ]);
    await shoot(page, 'settings-fields', language);
    await page.goto(`${server.url}/settings/contact-categories`);
    await page.getByTestId('category-row').first().waitFor();
    await shoot(page, 'settings-categories', language);

    // b. People: the Add person dialog shows the server's errors next to each field first.
    await page.goto(`${server.url}/contacts/people`);
    await page.getByTestId('people-page').waitFor();
    await page.getByTestId('person-add').click();
    await page.getByTestId('person-name').fill('نورة الشمري');
    await page.getByTestId('person-emails-0').fill('noura@@example');
    await page.getByTestId('person-phones-0').fill('٠٥٠٧٦٥٤٣٢١');
    await page.getByTestId('cf-plan').selectOption('gold');
    await page.getByTestId('person-save').click();
    const emailError = page.locator('#person-emails-0-error');
    await emailError.waitFor();
    expect(await emailError.textContent()).toContain(words.badEmail);
    // The required field is named next to its own box.
    await page.locator('#person-cf-city-error').waitFor();
    await shoot(page, 'add-person', language);
    await page.getByTestId('person-emails-0').fill('noura@example.sa');
    await page.getByTestId('cf-city').fill('الرياض');
    await page.getByTestId('person-save').click();
    await page.waitForURL(/\/contacts\/people\/[0-9a-f-]{36}$/);
    const nouraId = page.url().split('/').pop() as string;
    await page.getByTestId('person-details').getByText('+966507654321').waitFor();
    await page.getByTestId('person-fields').getByText(words.gold).waitFor();
    // Edit a custom field in place.
    await page.getByTestId('person-fields-edit').click();
    await page.getByTestId('person-fields').getByTestId('cf-plan').selectOption('basic');
    await page.getByTestId('person-fields-save').click();
    await page.getByTestId('person-fields-edit').waitFor();
    await page.getByTestId('person-fields').getByText(words.basic).waitFor();
    const noura = (await ws.owner.get(`/api/v1/people/${nouraId}`)).body as PersonView;
    expect(noura).toMatchObject({
      name: 'نورة الشمري',
      emails: ['noura@example.sa'],
      phones: ['+966507654321'],
      customFields: { plan: 'basic', city: 'الرياض' },
    });
    await shoot(page, 'person', language);

    // c. Import: an Arabic Excel file (windows-1256) with one bad row.
    await page.goto(`${server.url}/contacts/people`);
    await page.getByTestId('import-link').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'عملاء.csv',
      mimeType: 'text/csv',
      buffer: encodeWindows1256(ARABIC_CSV),
    });
    await page.waitForURL(/\/contacts\/import\/[0-9a-f-]{36}$/);
    await page.getByTestId('import-column').nth(5).waitFor();
    const targets = await page
      .getByTestId('import-column-target')
      .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
    expect(targets).toEqual(['name', 'email', 'phone', 'company', 'field:plan', 'field:city']);
    expect(await page.getByTestId('import-encoding').inputValue()).toBe('windows-1256');
    await shoot(page, 'import-mapping', language);
    await page.getByTestId('import-to-check').click();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-check-result').waitFor();
    expect(digits(await page.getByTestId('import-count-created').textContent())).toBe('2');
    expect(digits(await page.getByTestId('import-count-rejected').textContent())).toBe('1');
    const rejected = page.getByTestId('import-reject-row');
    await rejected.first().waitFor();
    expect(await rejected.count()).toBe(1);
    expect(await rejected.textContent()).toContain(words.badEmail);
    await shoot(page, 'import-check', language);
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-completed').waitFor({ timeout: 20_000 });
    await page.getByTestId('import-rejected-csv').waitFor();
    await shoot(page, 'import-completed', language);
    const [rejectsFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-rejected-csv').click(),
    ]);
    const rejects = await downloaded(rejectsFile);
    expect([...rejects.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rejectLines = rejects.toString('utf8').slice(1).trim().split('\r\n');
    expect(rejectLines).toHaveLength(2);
    expect(rejectLines[1]).toContain('not-an-email');
    expect(rejectLines[1]).toContain(words.badEmail);

    // And Excel's "Unicode Text" (UTF-16LE, tabs, English headers).
    await page.getByTestId('import-new').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'contacts.txt',
      mimeType: 'text/plain',
      buffer: encodeUtf16le(UNICODE_CSV),
    });
    await page.waitForURL(/\/contacts\/import\/[0-9a-f-]{36}$/);
    await page.getByTestId('import-column').nth(4).waitFor();
    expect(
      await page
        .getByTestId('import-column-target')
        .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value)),
    ).toEqual(['firstName', 'lastName', 'email', 'phone', 'field:city']);
    expect(await page.getByTestId('import-encoding').inputValue()).toBe('utf-16le');
    await page.getByTestId('import-to-check').click();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-completed').waitFor({ timeout: 20_000 });
    expect((await peopleNamed(ws, 'omar'))[0]).toMatchObject({
      name: 'Omar Haddad',
      phones: ['+966509876543'],
      customFields: { city: 'Abha' },
    });

    // An imported person found by an Arabic name typed without its marks.
    await page.goto(`${server.url}/contacts/people`);
    await page.getByTestId('person-row').nth(3).waitFor();
    await shoot(page, 'people', language);
    await page.getByTestId('people-search').fill('محمد العتيبي');
    await page.waitForURL(/q=/);
    await page.getByTestId('person-row').getByText('مُحَمَّد العتيبي').waitFor();
    await rowCount(page, 'person-row', 1);

    // d. Merge: a second Noura (through the API), folded into the first from her page.
    const second = await ws.owner.post('/api/v1/people', {
      name: 'نورة الشمري',
      emails: ['noura.s@example.com'],
      customFields: { city: 'جدة', plan: 'gold' },
    });
    expect(second.status).toBe(201);
    await page.goto(`${server.url}/contacts/people/${nouraId}`);
    await page.getByTestId('person-merge').click();
    const merge = page.getByTestId('merge-dialog');
    await merge.getByTestId('merge-other-search').fill('noura.s');
    await merge.getByTestId('merge-other-option').first().click();
    const cityConflict = merge.getByTestId('merge-conflict').filter({ hasText: 'جدة' });
    await cityConflict.waitFor();
    await cityConflict.getByText('جدة').click();
    await shoot(page, 'merge', language);
    await merge.getByTestId('merge-confirm').click();
    await merge.waitFor({ state: 'detached' });
    expect(page.url()).toBe(`${server.url}/contacts/people/${nouraId}`);
    const details = page.getByTestId('person-details');
    await details.getByText('noura.s@example.com').waitFor();
    await details.getByText('noura@example.sa').waitFor();
    await page.getByTestId('person-fields').getByText('جدة').waitFor();
    expect((await ws.owner.get(`/api/v1/people/${(second.body as PersonView).id}`)).status).toBe(
      404,
    );

    // e. Export with a filter: Plan is Gold.
    await page.goto(`${server.url}/contacts/people`);
    await page.getByTestId('person-row').first().waitFor();
    await page.getByTestId('people-filters-toggle').click();
    await page.getByTestId('filter-field-key').selectOption('plan');
    await page.getByTestId('filter-field-value').selectOption('gold');
    await page.waitForURL(/field=/);
    await page.getByTestId('person-row').getByText('مُحَمَّد العتيبي').waitFor();
    await rowCount(page, 'person-row', 1);
    const [exportFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('people-export').click(),
    ]);
    const exported = await downloaded(exportFile);
    expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const exportLines = exported.toString('utf8').slice(1).trim().split('\r\n');
    expect(exportLines[0].split(',')[0]).toBe(words.nameHeader);
    expect(exportLines).toHaveLength(2);
    expect(exportLines[1]).toContain('مُحَمَّد العتيبي');
    expect(exportLines[1]).toContain(words.gold);

    // f. Companies: the company the import made, with its two people.
    await page.goto(`${server.url}/contacts/companies`);
    await page.getByTestId('company-row').first().waitFor();
    await shoot(page, 'companies', language);
    await page.getByTestId('company-row').getByText('شركة الريان').click();
    await page.getByTestId('company-person').nth(1).waitFor();
    await shoot(page, 'company', language);

    // The conversation sidebar: the customer's category changed in place.
    const { secret } = (await ws.owner.post('/api/v1/tokens', { name: 'api' }))
      .body as CreatedApiTokenView;
    const created = (
      await HttpSession.withToken(server.url, secret).post('/api/v1/conversations', {
        contact: { email: 'sara@example.sa' },
        subject: 'طلب متأخر',
        text: 'لم يصل طلبي بعد',
      })
    ).body as ConversationDetailView;
    const sara = (await peopleNamed(ws, 'sara@example.sa'))[0];
    expect(created.conversation.contact?.id).toBe(sara.id);
    await page.setViewportSize(WIDE);
    await page.goto(`${server.url}/conversations/${created.conversation.id}`);
    const sidebar = page.getByTestId('customer-sidebar');
    await sidebar.getByTestId('customer-category').waitFor();
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/people/${sara.id}`) && r.request().method() === 'PATCH',
    );
    await sidebar.getByTestId('customer-category').selectOption({ label: words.customers });
    expect((await saved).status()).toBe(200);
    const after = (await ws.owner.get(`/api/v1/people/${sara.id}`)).body as PersonView;
    expect(after.category?.name).toBe(words.customers);
    await check(page, `sidebar 1600 ${language}`, language);
    await page.screenshot({ path: `${SHOTS}/contacts-sidebar-1600-${language}.png` });

    // On a phone the sidebar is a panel the agent opens over the thread.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(sidebar.isVisible()).resolves.toBe(false);
    await page.getByTestId('thread-customer-toggle').click();
    await sidebar.getByTestId('customer-category').waitFor();
    await check(page, `sidebar 390 ${language}`, language);
    await page.screenshot({ path: `${SHOTS}/contacts-sidebar-390-${language}.png` });
    await page.getByTestId('thread-customer-close').click();
    await sidebar.waitFor({ state: 'hidden' });
  }
});
