import type { CategoryView, PersonView } from '@sanad/contracts';
import { createScratchDatabase, uniqueEmail, type ScratchDatabase } from '@sanad/testing';
import type { Browser, Page } from 'playwright-core';
import {
  SHOTS,
  describeBrowser,
  launchBrowser,
  layoutProblems,
  loginPageWith,
  pageWidth,
  textProblems,
} from './browser-harness';
import { MailSink, until } from './email-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace, type TestWorkspace } from './test-app';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Tables scroll inside their cards on a phone, by design; rows of tabs may scroll as strips. */
const SCROLLERS = ['.sidebar', '.settings__nav', '.reports__tabs', '.table-wrap'];
/** Written the same in Arabic. */
const ALLOWED = ['NPS', 'CSV', 'PDF'];

/** The views of the NPS contract this spec reads (the server's types live in its library). */
interface SurveyView {
  id: string;
  name: string;
  status: 'sending' | 'sent' | 'cancelled';
  recipients: number;
  sent: number;
  skipped: number;
  responses: number;
  score: number | null;
  distribution?: number[];
}

/**
 * NPS in a real browser, on the built server with a real SMTP sink: people of a category seeded
 * through the API, the preview's counts (who matches, who gets it, who has no email), a survey
 * sent to them (its emails at the sink, its page going from sending to sent), the report with no
 * responses yet, the new-survey dialog's live counts (those just surveyed are left out) and a
 * survey sent from the dialog; in Arabic and English, on a phone and a desktop, with screenshots.
 */
describeBrowser('NPS surveys in the browser', () => {
  let server: SpawnedServer;
  let database: ScratchDatabase | undefined;
  let browser: Browser;
  let ws: TestWorkspace;
  const sink = new MailSink();
  let category: CategoryView;
  let fresh: CategoryView;
  let survey: SurveyView;
  const emails: string[] = [];

  beforeAll(async () => {
    // A database of its own: this server's survey emails go to this sink, no other spec's worker
    // sends them.
    database = await createScratchDatabase();
    server = await spawnServer({
      DATABASE_URL: database.url,
      SMTP_URL: await sink.start(),
      MAIL_FROM: 'support@sanad.example',
    });
    browser = await launchBrowser();
    ws = await createWorkspace(server.url);

    category = await newCategory('عملاء الاستبيان');
    fresh = await newCategory('عملاء جدد');
    for (const name of ['سارة العتيبي', 'John Smith']) {
      const email = uniqueEmail('nps');
      emails.push(email);
      await newPerson({ name, emails: [email], categoryId: category.id });
    }
    // Matches the segment, but has nowhere to send the survey.
    await newPerson({ name: 'بلا بريد', phones: ['+966500000001'], categoryId: category.id });
    // The only person of the other category: the survey sent from the dialog goes to her.
    await newPerson({ name: 'ليلى', emails: [uniqueEmail('nps-new')], categoryId: fresh.id });

    const preview = await ws.owner.post('/api/v1/nps/surveys/preview', {
      segment: { categoryId: category.id },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      matched: 3,
      eligible: 2,
      excluded: { noEmail: 1, recentlySurveyed: 0 },
    });

    const key = `nps-${Date.now()}`;
    const body = { name: 'استبيان الربع الرابع', segment: { categoryId: category.id } };
    const created = await ws.owner.post('/api/v1/nps/surveys', body, { 'Idempotency-Key': key });
    expect(created.status).toBe(201);
    survey = created.body as SurveyView;
    expect(survey).toMatchObject({ recipients: 2, responses: 0, score: null });
    // The same key again is the same survey, not a second one.
    const again = await ws.owner.post('/api/v1/nps/surveys', body, { 'Idempotency-Key': key });
    expect((again.body as SurveyView).id).toBe(survey.id);

    // Both emails at the sink, each with its score links; then the survey is sent.
    for (const email of emails) {
      const mail = await sink.waitFor((m) => m.to.includes(email), 60_000);
      expect(mail.parsed.text ?? '').toMatch(/\/n\/\S+/);
    }
    survey = await until(async () => {
      const view = (await ws.owner.get(`/api/v1/nps/surveys/${survey.id}`)).body as SurveyView;
      return view.status === 'sent' ? view : null;
    }, 60_000);
    expect(survey).toMatchObject({ sent: 2, distribution: new Array(11).fill(0) });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    await sink.close();
  });

  async function newCategory(name: string): Promise<CategoryView> {
    const response = await ws.owner.post('/api/v1/contact-categories', { entity: 'person', name });
    expect(response.status).toBe(201);
    return response.body as CategoryView;
  }

  async function newPerson(body: Record<string, unknown>): Promise<PersonView> {
    const response = await ws.owner.post('/api/v1/people', body);
    expect(response.status).toBe(201);
    return response.body as PersonView;
  }

  async function fits(page: Page, language: 'ar' | 'en'): Promise<void> {
    const width = await pageWidth(page);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
    expect(await layoutProblems(page, SCROLLERS)).toEqual([]);
    expect(await textProblems(page, language, ALLOWED)).toEqual([]);
  }

  /** A count as the page writes it (the workspace's digits: Latin by default). */
  const digits = (n: number) => new RegExp(`(^|\\D)(${n}|${n.toLocaleString('ar-EG')})(\\D|$)`);

  it.each([
    ['ar', DESKTOP],
    ['ar', PHONE],
    ['en', DESKTOP],
    ['en', PHONE],
  ] as const)(
    'the report, the survey and the new-survey dialog (%s, %o)',
    async (language, viewport) => {
      await ws.owner.patch('/api/v1/me', { language });
      const page = await loginPageWith(browser, server.url, ws, { viewport });
      const tag = `${language}-${viewport.width}`;
      expect(await page.locator('html').getAttribute('dir')).toBe(
        language === 'ar' ? 'rtl' : 'ltr',
      );

      // The tab among the reports, and the report with no responses yet.
      await page.goto(`${server.url}/reports/conversations`);
      await page.getByTestId('reports-tab-nps').click();
      await page.getByTestId('report-nps').waitFor();
      expect(await page.getByTestId('reports-tab-nps').textContent()).toBe(
        language === 'ar' ? 'صافي نقاط الترويج (NPS)' : 'NPS',
      );
      expect(await page.getByTestId('card-nps-value').textContent()).toBe('—');
      await page.getByTestId('nps-no-responses').waitFor();
      expect(await page.getByTestId('nps-groups-promoters-count').textContent()).toMatch(digits(0));
      await page.getByTestId('chart-nps').locator('canvas').waitFor();
      expect(await page.getByTestId('section-nps-series-csv').getAttribute('href')).toMatch(
        /^\/api\/v1\/reports\/nps\/export\.csv/,
      );
      const row = page.locator(`[data-testid="nps-survey-row"][data-id="${survey.id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('nps-status').textContent()).toBe(
        language === 'ar' ? 'أُرسل' : 'Sent',
      );
      if (viewport.width > 1000) {
        // The page as a PDF (the system's Chromium prints it on the server).
        const download = page.waitForEvent('download', { timeout: 30_000 });
        await page.getByTestId('report-pdf').click();
        expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
      }
      await page.screenshot({ path: `${SHOTS}/nps-report-${tag}.png`, fullPage: true });
      await fits(page, language);

      // The survey's page: sent to both, no responses, the eleven scores at zero.
      await row.getByTestId('nps-survey-link').click();
      await page.waitForURL(new RegExp(`/reports/nps/surveys/${survey.id}$`));
      await page.getByTestId('nps-survey-page').waitFor();
      expect(await page.getByTestId('nps-survey-name').textContent()).toBe('استبيان الربع الرابع');
      expect(await page.getByTestId('nps-status').textContent()).toBe(
        language === 'ar' ? 'أُرسل' : 'Sent',
      );
      expect(await page.getByTestId('card-survey-sent-value').textContent()).toMatch(digits(2));
      expect(await page.getByTestId('nps-cancel').count()).toBe(0);
      // The question as the customer reads it: the workspace's name in place of {workspace}.
      expect(await page.locator('.question dd[lang="ar"]').textContent()).toContain(
        `بـ${ws.me.workspace.name} لصديق`,
      );
      expect(await page.getByTestId('survey-distribution-column').count()).toBe(11);
      // 0 at the start of the reading direction: the right in Arabic, the left in English.
      const columns = page.getByTestId('survey-distribution-column');
      const zero = await columns.first().boundingBox();
      const ten = await columns.last().boundingBox();
      expect(zero && ten && (language === 'ar' ? zero.x > ten.x : zero.x < ten.x)).toBe(true);
      await page.getByTestId('section-survey-responses').locator('.state--empty').waitFor();
      const csv = await page.getByTestId('section-survey-responses-csv').getAttribute('href');
      expect(csv).toBe(`/api/v1/nps/surveys/${survey.id}/responses/export.csv`);
      const download = await page.request.get(`${server.url}${csv}`);
      expect(download.status()).toBe(200);
      expect((await download.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      await page.screenshot({ path: `${SHOTS}/nps-survey-${tag}.png`, fullPage: true });
      await fits(page, language);

      // The dialog: counts follow the segment; those just surveyed are left out.
      await page.getByTestId('nps-back').click();
      await page.getByTestId('nps-new').click();
      await page.getByTestId('nps-create').waitFor();
      const arQuestion = await page.getByTestId('nps-question-ar').getAttribute('placeholder');
      expect(arQuestion).toContain('ما مدى احتمال أن توصي');
      expect(await page.getByTestId('nps-question-en').getAttribute('placeholder')).toContain(
        'How likely are you to recommend',
      );
      await page.getByTestId('nps-category').selectOption(category.id);
      const eligible = page.getByTestId('nps-preview-eligible');
      await page.getByTestId('nps-preview-recent').waitFor();
      expect(await page.getByTestId('nps-preview-matched').textContent()).toMatch(digits(3));
      // One and two are words in Arabic ("شخص واحد", "شخصان"), digits in English.
      expect(await page.getByTestId('nps-preview-no-email').textContent()).toContain(
        language === 'ar' ? 'شخص واحد' : '1 person',
      );
      expect(await page.getByTestId('nps-preview-recent').textContent()).toContain(
        language === 'ar' ? 'شخصان سُئلا مؤخرًا' : '2 people were surveyed recently',
      );
      expect(await eligible.textContent()).toBe(
        language === 'ar'
          ? 'لن يصل الاستبيان أحدًا بهذه الشروط'
          : 'Nobody would get the survey with these conditions',
      );
      expect(await page.getByTestId('nps-send').isDisabled()).toBe(true);
      // A backwards last-contact range is caught before asking.
      await page.getByTestId('nps-last-from').fill('2026-10-01');
      await page.getByTestId('nps-last-to').fill('2026-09-01');
      await page
        .getByText(
          language === 'ar'
            ? 'تاريخ النهاية قبل تاريخ البداية.'
            : 'The end date is before the start date.',
        )
        .waitFor();
      expect(await page.getByTestId('nps-preview').count()).toBe(0);
      await page.screenshot({ path: `${SHOTS}/nps-new-${tag}.png`, fullPage: true });
      await fits(page, language);
      await page.getByTestId('nps-last-from').fill('');
      await page.getByTestId('nps-last-to').fill('');
      await page.getByTestId('nps-category').selectOption(fresh.id);
      await eligible
        .filter({ hasText: language === 'ar' ? 'شخصًا واحدًا' : '1 person will get' })
        .waitFor();
      await page.screenshot({ path: `${SHOTS}/nps-new-preview-${tag}.png`, fullPage: true });
      await page.keyboard.press('Escape');
      await page.getByTestId('nps-create').waitFor({ state: 'detached' });

      // The settings, on the rating settings screen.
      await page.goto(`${server.url}/settings/satisfaction`);
      await page.getByTestId('nps-settings').locator('form').waitFor();
      expect(await page.getByTestId('nps-min-days').inputValue()).toBe('90');
      await page.getByTestId('nps-settings').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/nps-settings-${tag}.png`, fullPage: true });
      await fits(page, language);
      await page.context().close();
    },
  );

  it('sends a survey from the dialog, after saying to how many, and opens its page', async () => {
    await ws.owner.patch('/api/v1/me', { language: 'ar' });
    const page = await loginPageWith(browser, server.url, ws, { viewport: PHONE });
    await page.goto(`${server.url}/reports/nps`);
    await page.getByTestId('nps-new').click();
    await page.getByTestId('nps-name').fill('استبيان العملاء الجدد');
    await page.getByTestId('nps-category').selectOption(fresh.id);
    await page.getByTestId('nps-preview-eligible').filter({ hasText: 'شخصًا واحدًا' }).waitFor();
    await page.getByTestId('nps-send').click();
    const confirm = page.getByTestId('nps-confirm-message');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('«استبيان العملاء الجدد»');
    expect(await confirm.textContent()).toContain('إلى شخص واحد');
    await page.screenshot({ path: `${SHOTS}/nps-confirm-ar-390.png` });
    await page.getByTestId('nps-confirm-send').click();
    await page.waitForURL(/\/reports\/nps\/surveys\/[0-9a-f-]+$/);
    const id = page.url().split('/').pop() as string;
    // Sending, then sent, without a reload (the page reads the survey again while it sends).
    await page
      .getByTestId('nps-status')
      .filter({ hasText: /^أُرسل$/ })
      .waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/nps-sent-from-dialog-ar-390.png`, fullPage: true });
    const view = (await ws.owner.get(`/api/v1/nps/surveys/${id}`)).body as SurveyView;
    expect(view).toMatchObject({ name: 'استبيان العملاء الجدد', recipients: 1, status: 'sent' });
    await page.context().close();
  });
});
