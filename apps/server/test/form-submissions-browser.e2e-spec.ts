import { createScratchDatabase, type ScratchDatabase } from '@sanad/testing';
import type {
  FormDefinition,
  FormField,
  FormView,
  PageView,
  SubmissionReceipt,
  SubmissionSummaryView,
  SubmissionView,
} from '@sanad/contracts';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, describeBrowser, launchBrowser, screenProblems } from './browser-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace, type TestWorkspace } from './test-app';

type Language = 'ar' | 'en';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A field of the draft with the defaults a builder would leave. */
function field(
  overrides: Partial<FormField> & Pick<FormField, 'key' | 'type' | 'label'>,
): FormField {
  return {
    help: null,
    placeholder: null,
    required: false,
    minLength: null,
    maxLength: null,
    min: null,
    max: null,
    options: [],
    file: null,
    mapTo: null,
    ...overrides,
  };
}

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
}

/**
 * axe-core on the screen's own content (the layout around it has its own specs): the serious
 * and critical violations, as readable lines.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe);
  if (loaded === 'undefined') await page.addScriptTag({ path: require.resolve('axe-core') });
  const result = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(context: string): Promise<AxeResult> } }).axe.run(
      'main',
    ),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/** Logged in through the login screen; CSP bypassed so axe-core can be injected. */
async function login(browser: Browser, baseUrl: string, ws: TestWorkspace): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(ws.email);
  await page.getByTestId('login-password').fill(ws.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-layout').waitFor();
  return page;
}

describeBrowser('form submissions in a real browser', () => {
  let server: SpawnedServer;
  let database: ScratchDatabase | undefined;
  let browser: Browser;

  beforeAll(async () => {
    // A database of its own: null-workspace events (form.received, email.received) are taken by
    // any worker on a shared database, and a short-lived server taking another spec's event
    // leaves it waiting for the redelivery.
    server = await spawnServer({ DATABASE_URL: (database = await createScratchDatabase()).url });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  /** What is wrong on the screens visited: the test fails with all of it at the end. */
  let failures: string[] = [];
  beforeEach(() => (failures = []));

  /** Each screen at 390 px and 1280 px: layout, words, axe, and a screenshot to look at. */
  async function shoot(page: Page, name: string, language: Language): Promise<void> {
    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      const what = `${name} ${size.width} ${language}`;
      for (const problem of await screenProblems(page, language, ['CSV', 'Ctrl', 'Enter']))
        failures.push(`${what}: ${problem}`);
      for (const violation of await seriousViolations(page))
        failures.push(`${what}: axe ${violation}`);
      await page.screenshot({ path: `${SHOTS}/submissions-${name}-${size.width}-${language}.png` });
    }
    await page.setViewportSize(DESKTOP);
  }

  /** A published form: Arabic only or English only, with a number and a choice besides the defaults. */
  async function publishedForm(ws: TestWorkspace, language: Language): Promise<FormView> {
    const name = language === 'ar' ? 'طلب دعم' : 'Support request';
    const created = (await ws.owner.post('/api/v1/forms', { name })).body as FormView;
    const draft: FormDefinition = structuredClone(created.draft);
    draft.settings.languages = language;
    draft.fields = [
      field({
        key: 'name',
        type: 'short_text',
        label: { ar: 'الاسم', en: 'Name' },
        mapTo: { kind: 'contact', property: 'name' },
      }),
      field({
        key: 'email',
        type: 'email',
        label: { ar: 'البريد الإلكتروني', en: 'Email' },
        required: true,
        mapTo: { kind: 'contact', property: 'email' },
      }),
      field({ key: 'qty', type: 'number', label: { ar: 'عدد القطع', en: 'Pieces' }, min: 1 }),
      field({
        key: 'topic',
        type: 'select',
        label: { ar: 'الموضوع', en: 'Topic' },
        options: [
          { value: 'billing', label: { ar: 'الفواتير', en: 'Billing' } },
          { value: 'shipping', label: { ar: 'الشحن', en: 'Shipping' } },
        ],
      }),
      field({
        key: 'message',
        type: 'long_text',
        label: { ar: 'رسالتك', en: 'Your message' },
        required: true,
      }),
    ];
    const patched = await ws.owner.patch(`/api/v1/forms/${created.id}`, { draft });
    expect(patched.status).toBe(200);
    const published = await ws.owner.post(`/api/v1/forms/${created.id}/publish`, {});
    expect(published.status).toBe(200);
    return published.body as FormView;
  }

  async function submit(form: FormView, values: Record<string, unknown>): Promise<string> {
    const response = await fetch(`${server.url}/public/forms/${form.key}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ values }),
    });
    const body = (await response.json()) as SubmissionReceipt;
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`submit failed: ${response.status} ${JSON.stringify(body)}`);
    return body.id;
  }

  async function submission(ws: TestWorkspace, id: string): Promise<SubmissionView> {
    return (await ws.owner.get(`/api/v1/form-submissions/${id}`)).body as SubmissionView;
  }

  it.each(['ar', 'en'] as const)(
    'list, open (read), edit an answer, archive, the archive tab and the conversation line (%s)',
    async (language) => {
      const ws = await createWorkspace(server.url);
      await ws.owner.patch(
        '/api/v1/me',
        language === 'en' ? { language: 'en' } : { name: 'المالك' },
      );
      const form = await publishedForm(ws, language);
      const id = await submit(form, {
        name: language === 'ar' ? 'سارة القحطاني' : 'Sara Smith',
        email: `sara-${language}-${Date.now()}@example.com`,
        qty: 3,
        topic: 'billing',
        message: language === 'ar' ? 'أين طلبي رقم 1234؟' : 'Where is my order 1234?',
      });
      expect((await submission(ws, id)).state).toBe('new');

      const page = await login(browser, server.url, ws);
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (error) => failures.push(`script error: ${error.message}`));
      try {
        await flows(page, ws, form, id, language);
      } catch (error) {
        await page.screenshot({ path: `${SHOTS}/submissions-failure-${language}.png` });
        throw error;
      } finally {
        await page.context().close();
      }
      expect(failures).toEqual([]);
    },
    240_000,
  );

  async function flows(
    page: Page,
    ws: TestWorkspace,
    form: FormView,
    id: string,
    language: Language,
  ): Promise<void> {
    const words =
      language === 'ar'
        ? {
            unread: 'جديد',
            read: 'مقروء',
            archived: 'مؤرشف',
            billing: 'الفواتير',
            shipping: 'الشحن',
          }
        : {
            unread: 'New',
            read: 'Read',
            archived: 'Archived',
            billing: 'Billing',
            shipping: 'Shipping',
          };
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');

    // The forms list's unread count links here: that form's inbox, unread only.
    await page.goto(`${server.url}/forms/submissions?formId=${form.id}&state=new`);
    await page.getByTestId('submission-row').first().waitFor();
    expect(await page.getByTestId('submissions-unread').isChecked()).toBe(true);
    await page.getByTestId('submissions-unread').uncheck();
    await page.waitForURL((url) => !url.search.includes('state='));

    // The list, filtered by the form (?formId=): the new one stands out.
    const row = page.getByTestId('submission-row').first();
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('row--unread');
    expect(await row.getByTestId('submission-state').textContent()).toContain(words.unread);
    const exportHref = await page.getByTestId('submissions-export').getAttribute('href');
    expect(exportHref).toBe(`/api/v1/form-submissions/export.csv?formId=${form.id}`);
    // The link downloads with the agent's session (what the list shows, as CSV).
    const csv = await page.request.get(`${server.url}${exportHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(language === 'ar' ? 'سارة القحطاني' : 'Sara Smith');
    await shoot(page, 'list', language);

    // Opening it marks it read.
    await row.locator('a').first().click();
    await page.getByTestId('submission-answers').waitFor();
    await page.getByTestId('submission-about').getByText(words.read).waitFor();
    expect((await submission(ws, id)).state).toBe('read');
    expect(await page.getByTestId('answer-topic').textContent()).toContain(words.billing);
    await shoot(page, 'detail', language);

    // Editing: a bad number is named next to its input; a good one is saved and audited.
    await page.getByTestId('submission-edit').click();
    await page.getByTestId('answers-editor').waitFor();
    await page.getByTestId('answer-input-answer-qty').fill('0');
    await page.getByTestId('answers-save').click();
    await page.getByTestId('answer-error-qty').waitFor();
    await shoot(page, 'edit-error', language);
    await page.getByTestId('answer-input-answer-qty').fill(language === 'ar' ? '٧' : '7');
    await page.getByTestId('answer-input-answer-topic').selectOption('shipping');
    await page.getByTestId('answers-save').click();
    await page.getByTestId('submission-edited').waitFor();
    expect(await page.getByTestId('answer-topic').textContent()).toContain(words.shipping);
    const edited = await submission(ws, id);
    expect(edited.answers.find((a) => a.key === 'qty')?.value).toBe(7);
    expect(edited.answers.find((a) => a.key === 'topic')?.value).toBe('shipping');
    expect(edited.editedAt).not.toBeNull();

    // Archived: gone from the inbox, found in the archive tab.
    await page.getByTestId('submission-archive').click();
    await page.getByTestId('submission-unarchive').waitFor();
    expect((await submission(ws, id)).state).toBe('archived');
    await page.getByTestId('submission-back').click();
    await page.getByTestId('submissions-page').waitFor();
    await page.waitForFunction(
      () =>
        !(
          globalThis as unknown as { document: { querySelector(s: string): unknown } }
        ).document.querySelector('[data-testid="submission-row"]'),
    );
    await page.getByTestId('submissions-tab-archived').click();
    await page.getByTestId('submission-row').first().waitFor();
    expect(await page.getByTestId('submission-state').first().textContent()).toContain(
      words.archived,
    );
    const archived = (await ws.owner.get('/api/v1/form-submissions?state=archived'))
      .body as PageView<SubmissionSummaryView>;
    expect(archived.items.map((s) => s.id)).toEqual([id]);
    await shoot(page, 'archived', language);

    // The conversation the form opened says where it came from, and links back.
    expect(edited.conversationId).not.toBeNull();
    expect(edited.contact?.name).toBe(language === 'ar' ? 'سارة القحطاني' : 'Sara Smith');
    await page.goto(`${server.url}/conversations/${edited.conversationId}`);
    const origin = page.getByTestId('thread-form-origin');
    await origin.waitFor();
    expect(await origin.textContent()).toContain(form.name);
    await shoot(page, 'thread', language);
    await origin.locator('a').click();
    await page.getByTestId('submission-answers').waitFor();
    expect(page.url()).toContain(`/forms/submissions/${id}`);

    // Marked as spam by hand, it waits in the spam tab; "not spam" puts it back in the inbox.
    await page.getByTestId('submission-spam').click();
    await page.getByTestId('submission-release').waitFor();
    await page.getByTestId('submission-back').click();
    await page.getByTestId('submissions-tab-spam').click();
    await page.getByTestId('submission-row').first().waitFor();
    await shoot(page, 'spam', language);
    await page.getByTestId('submission-row').first().locator('a').first().click();
    await page.getByTestId('submission-release').click();
    await page.getByTestId('submission-archive').waitFor();
    expect((await submission(ws, id)).state).toBe('new');
  }
});
