import type { FormView } from '@sanad/contracts';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, describeBrowser, launchBrowser, screenProblems } from './browser-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { STRONG_PASSWORD, createScratchDatabase, type ScratchDatabase } from '@sanad/testing';
import { addMember, createWorkspace, type TestWorkspace } from './test-app';

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
}

/**
 * axe-core's rules on the page's content (main, and an open dialog): the serious and critical
 * violations, readable. The header around it is the layout's (its user button is checked there).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe);
  if (loaded === 'undefined') await page.addScriptTag({ path: require.resolve('axe-core') });
  const result = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(context: object): Promise<AxeResult> } }).axe.run({
      include: [['main'], ['[role="dialog"]']],
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** A row of the field list dragged by its grip onto another row's place, as a mouse does it. */
async function dragRow(page: Page, from: number, to: number): Promise<void> {
  await page.getByTestId('field-grip').nth(from).scrollIntoViewIfNeeded();
  const grip = await page.getByTestId('field-grip').nth(from).boundingBox();
  const row = await page.getByTestId('field-item').nth(to).locator('.item__head').boundingBox();
  if (!grip || !row) throw new Error('the rows are not shown');
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  // Past the target row's middle, in the direction of the move.
  const y = to < from ? row.y + row.height * 0.25 : row.y + row.height * 0.75;
  await page.mouse.move(grip.x + grip.width / 2, y, { steps: 8 });
  await page.mouse.up();
}

/** Technical words the Arabic screens name as they are (keys, formats, keyboard keys). */
const TECHNICAL = ['Alt', 'JSON', 'HTML', 'data', 'hidden', 'image', 'application', 'zip'];

/**
 * The forms builder as an admin uses it: a new form, a choice field with options and a file
 * field, a reorder by keyboard, a server error shown at its field, publishing with a note, the
 * version list and the share panel; in Arabic and in English, at desktop and phone widths.
 */
describeBrowser('Forms builder in the browser', () => {
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

  async function open(ws: Pick<TestWorkspace, 'email' | 'password'>): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(ws.email);
    await page.getByTestId('login-password').fill(ws.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-layout').waitFor();
    return page;
  }

  const titles = (page: Page) =>
    page.getByTestId('field-item-title').locator('bdi').allTextContents();

  it.each(['ar', 'en'] as const)(
    'builds, reorders, fixes, publishes and shares a form (%s)',
    async (language) => {
      const ar = language === 'ar';
      const ws = await createWorkspace(server.url);
      if (!ar) await ws.owner.patch('/api/v1/me', { language: 'en' });
      const billing = (
        await ws.owner.post('/api/v1/mailboxes', {
          name: ar ? 'الفواتير' : 'Billing',
          slug: 'billing',
        })
      ).body as { id: string };
      const team = (await ws.owner.post('/api/v1/teams', { name: 'VIP', memberIds: [] })).body as {
        id: string;
      };
      const page = await open(ws);
      await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });

      // The menu leads to the forms; none yet.
      await page.getByTestId('nav-forms').click();
      await page.getByTestId('forms-page').waitFor();
      await page.getByText(ar ? 'لا نماذج بعد' : 'No forms yet').waitFor();

      // A new form opens in the builder with its three starting fields.
      await page.getByTestId('form-create').click();
      await page.getByTestId('form-create-name').fill(ar ? 'طلب دعم' : 'Support request');
      await page.getByTestId('form-create-submit').click();
      await page.getByTestId('form-builder').waitFor();
      await expect(page.getByTestId('form-live').textContent()).resolves.toBe(
        ar ? 'لم يُنشر بعد' : 'Not published',
      );
      expect(await titles(page)).toEqual(
        ar ? ['الاسم', 'البريد الإلكتروني', 'رسالتك'] : ['Name', 'Email', 'Your message'],
      );

      // A single-choice field with two options, renamed, and a third option.
      await page.getByTestId('field-add-type').selectOption('radio');
      await page.getByTestId('field-add').click();
      const editor = page.getByTestId('field-editor');
      await editor.getByTestId(`field-label-${language}`).fill(ar ? 'نوع الطلب' : 'Request type');
      await editor.getByTestId('option-add').click();
      const options = editor.getByTestId('field-option');
      await expect(options.count()).resolves.toBe(3);
      await options
        .nth(2)
        .getByTestId(`option-label-${language}`)
        .fill(ar ? 'شكوى' : 'Complaint');
      await options.nth(2).getByTestId('option-value').fill('complaint');
      // The preview shows it as the customer would, options and all.
      const preview = page.getByTestId('preview-form');
      await expect(preview.getByText(ar ? 'نوع الطلب' : 'Request type').isVisible()).resolves.toBe(
        true,
      );
      await expect(preview.getByText(ar ? 'شكوى' : 'Complaint').isVisible()).resolves.toBe(true);
      expect(await preview.getAttribute('dir')).toBe(ar ? 'rtl' : 'ltr');

      // A file field: its rules are set, and it accepts PDFs only.
      await page.getByTestId('field-add-type').selectOption('file');
      await page.getByTestId('field-add').click();
      await editor.getByTestId(`field-label-${language}`).fill(ar ? 'المرفقات' : 'Attachments');
      await editor.getByTestId('file-accept').fill('.pdf');
      await editor.getByTestId('file-accept').blur();
      await editor.getByTestId('file-max-files').fill('3');

      // Reordered by keyboard: the file field up one place, announced, focus kept on it.
      const fileTitle = page.getByTestId('field-item-title').nth(4);
      await fileTitle.focus();
      await page.keyboard.press('Alt+ArrowUp');
      expect(await titles(page)).toEqual(
        ar
          ? ['الاسم', 'البريد الإلكتروني', 'رسالتك', 'المرفقات', 'نوع الطلب']
          : ['Name', 'Email', 'Your message', 'Attachments', 'Request type'],
      );
      await expect(page.getByTestId('fields-announcer').textContent()).resolves.toContain(
        ar ? 'نُقل «المرفقات» إلى الموضع 4 من 5' : 'Moved “Attachments” to position 4 of 5',
      );
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { textContent: string } } })
              .document.activeElement.textContent,
        ),
      ).toContain(ar ? 'المرفقات' : 'Attachments');
      // And back down with the move button, then up again.
      await page.getByTestId('field-down').nth(3).click();
      await page.getByTestId('field-up').nth(4).click();
      expect((await titles(page))[3]).toBe(ar ? 'المرفقات' : 'Attachments');
      // Dragged by its head: the choice field above the file field, then back below it.
      await page.getByTestId('field-item-title').nth(3).click(); // its editor closes
      await dragRow(page, 4, 3);
      expect((await titles(page)).slice(3)).toEqual(
        ar ? ['نوع الطلب', 'المرفقات'] : ['Request type', 'Attachments'],
      );
      await dragRow(page, 3, 4);
      expect((await titles(page)).slice(3)).toEqual(
        ar ? ['المرفقات', 'نوع الطلب'] : ['Attachments', 'Request type'],
      );

      // A choice with no options: the server refuses the draft and says so at that field.
      await page.getByTestId('field-add-type').selectOption('select');
      await page.getByTestId('field-add').click();
      await editor.getByTestId(`field-label-${language}`).fill(ar ? 'المدينة' : 'City');
      for (let i = 0; i < 2; i += 1)
        await editor.getByTestId('field-option').first().getByRole('button').last().click();
      await page.getByTestId('form-save').click();
      const city = page.getByTestId('field-item').nth(5);
      const optionsError = city.getByTestId('field-options').getByRole('alert');
      await optionsError.waitFor();
      expect((await optionsError.textContent())?.trim()).toBeTruthy();
      await expect(city.getByText(ar ? 'فيه خطأ' : 'Has an error').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('form-dirty').isVisible()).resolves.toBe(true);
      await page.screenshot({ path: `${SHOTS}/forms-builder-error-${language}.png` });
      expect(await seriousViolations(page)).toEqual([]);

      // Fixed with one option, saved.
      await city.getByTestId('option-add').click();
      await city.getByTestId(`option-label-${language}`).fill(ar ? 'الرياض' : 'Riyadh');
      await page.getByTestId('form-save').click();
      await page.getByTestId('form-dirty').waitFor({ state: 'detached' });
      await expect(city.getByTestId('field-options').getByRole('alert').count()).resolves.toBe(0);
      const formId = page.url().split('/forms/')[1];
      const saved = (await ws.owner.get(`/api/v1/forms/${formId}`)).body as FormView;
      expect(saved.draft.fields.map((f) => [f.key, f.type])).toEqual([
        ['name', 'short_text'],
        ['email', 'email'],
        ['message', 'long_text'],
        ['file', 'file'],
        ['radio', 'radio'],
        ['select', 'select'],
      ]);
      expect(saved.draft.fields[3].file).toEqual({ maxFiles: 3, maxSizeMb: 10, accept: ['.pdf'] });
      expect(saved.draft.fields[4].options.map((o) => o.value)).toEqual([
        'option_1',
        'option_2',
        'complaint',
      ]);

      // Settings: both languages, the conversation in a mailbox, a subject from the answers.
      await page.getByTestId('form-tab-settings').click();
      await page.getByTestId('settings-languages-both').check();
      await page.getByTestId('settings-mailbox').selectOption(billing.id);
      await page.getByTestId('settings-team').selectOption(team.id);
      await page.getByTestId('settings-origins').fill('https://shop.example');
      await page.getByTestId('settings-after-redirect').check();
      await page.getByTestId('settings-redirect').fill('https://elsewhere.example/thanks');
      await page.getByTestId('form-save').click();
      // A redirect off the allowed origins is refused at its input.
      const redirectError = page.locator('#form-redirect-error');
      await redirectError.waitFor();
      await page.screenshot({
        path: `${SHOTS}/forms-settings-${language}-1280.png`,
        fullPage: true,
      });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId('settings-redirect').fill('https://shop.example/thanks');
      await page.getByTestId('form-save').click();
      // Two languages now: the options written in one only are refused, each at its input,
      // and the builder opens the first field concerned.
      const other = ar ? 'en' : 'ar';
      const complaint = page.getByTestId('field-item').nth(4).getByTestId('field-option').nth(2);
      await complaint.getByRole('alert').waitFor();
      await complaint.getByTestId(`option-label-${other}`).fill(ar ? 'Complaint' : 'شكوى');
      await page.getByTestId('field-item-title').nth(5).click();
      await city.getByTestId(`option-label-${other}`).fill(ar ? 'Riyadh' : 'الرياض');
      await page.getByTestId('form-save').click();
      await page.getByTestId('form-dirty').waitFor({ state: 'detached' });
      const settings = ((await ws.owner.get(`/api/v1/forms/${formId}`)).body as FormView).draft
        .settings;
      expect(settings).toMatchObject({
        languages: 'both',
        allowedOrigins: ['https://shop.example'],
        redirectUrl: 'https://shop.example/thanks',
      });
      expect(settings).toMatchObject({ mailboxId: billing.id, teamId: team.id });
      // The preview switches language: English left to right, Arabic right to left.
      await page.getByTestId('preview-lang-en').click();
      expect(await preview.getAttribute('dir')).toBe('ltr');
      await expect(
        preview.getByText(ar ? 'Single choice' : 'Request type').isVisible(),
      ).resolves.toBe(true);
      await page.getByTestId('preview-lang-ar').click();
      expect(await preview.getAttribute('dir')).toBe('rtl');

      // Published with a note: version 1 is live, and the share panel shows its links.
      await page.getByTestId('form-publish').click();
      await page.getByTestId('publish-note').fill(ar ? 'الإصدار الأول' : 'First version');
      await page.getByTestId('publish-confirm').click();
      await page.getByTestId('form-published').waitFor();
      await expect(page.getByTestId('form-live').textContent()).resolves.toBe(
        ar ? 'الإصدار 1 منشور' : 'Version 1 live',
      );
      const share = page.getByTestId('share-panel');
      await share.waitFor();
      await expect(share.getByTestId('share-link').textContent()).resolves.toBe(
        `${server.url}/f/${saved.key}`,
      );
      await expect(share.getByTestId('share-embed').textContent()).resolves.toContain(
        `data-sanad-form="${saved.key}"`,
      );
      await expect(share.getByTestId('share-html').textContent()).resolves.toContain(
        `<label>${ar ? 'المرفقات' : 'Attachments'} <input type="file" name="file" accept=".pdf" multiple></label>`,
      );
      await expect(share.getByTestId('share-json').textContent()).resolves.toContain(
        '"radio":"option_1"',
      );
      expect(await share.getByTestId('share-json').getAttribute('dir')).toBe('ltr');
      await page.screenshot({ path: `${SHOTS}/forms-share-${language}-1280.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // The versions tab lists version 1 with its note and who published it.
      await page.getByTestId('form-tab-versions').click();
      const row = page.getByTestId('version-row');
      await row.waitFor();
      await expect(row.getByTestId('version-note').textContent()).resolves.toBe(
        ar ? 'الإصدار الأول' : 'First version',
      );
      await row.getByText('Owner').waitFor();
      await row.getByTestId('version-view').click();
      await page.getByRole('dialog').getByTestId('form-preview').waitFor();
      await page.getByTestId('version-close').click();
      // Restoring asks first, then says the version is back in the draft, to be published.
      await row.getByTestId('version-restore').click();
      await page.getByTestId('confirm-ok').click();
      await page
        .getByText(ar ? 'استُرجع الإصدار 1 إلى المسودة' : 'Version 1 is back in the draft')
        .waitFor();

      // The list: the state, the live version, the submission counts linking to the inbox of them.
      await page.getByTestId('nav-forms').click();
      const formRow = page.getByTestId('form-row');
      await formRow.waitFor();
      await expect(formRow.getByTestId('form-live').textContent()).resolves.toBe(
        ar ? 'الإصدار 1 منشور' : 'Version 1 live',
      );
      expect(await formRow.getByTestId('form-submissions-total').getAttribute('href')).toBe(
        `/forms/submissions?formId=${formId}`,
      );
      await page.screenshot({ path: `${SHOTS}/forms-list-${language}-1280.png` });
      expect(await seriousViolations(page)).toEqual([]);

      // On a phone: the list as cards, the builder with the preview under it, nothing cut off.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await screenProblems(page, language, TECHNICAL)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/forms-list-${language}-390.png` });
      await page.getByTestId('form-open').click();
      await page.getByTestId('form-builder').waitFor();
      await page.getByTestId('field-item-title').nth(4).click();
      expect(await screenProblems(page, language, TECHNICAL)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/forms-builder-${language}-390.png`, fullPage: true });
      await page.getByTestId('form-tab-versions').click();
      await page.getByTestId('version-row').waitFor();
      expect(await screenProblems(page, language, TECHNICAL)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/forms-versions-${language}-390.png` });
      await page.getByTestId('form-tab-share').click();
      await page.getByTestId('share-panel').waitFor();
      expect(await screenProblems(page, language, TECHNICAL)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/forms-share-${language}-390.png`, fullPage: true });
      await page.context().close();
    },
  );

  it('shows an agent the form without its editing tools', async () => {
    const ws = await createWorkspace(server.url);
    const form = (await ws.owner.post('/api/v1/forms', { name: 'تواصل معنا' })).body as FormView;
    const agent = await addMember(server.url, ws.owner, 'agent');
    const page = await open({ email: agent.email, password: STRONG_PASSWORD });
    await page.goto(`${server.url}/forms`);
    await page.getByTestId('form-row').waitFor();
    expect(await page.getByTestId('form-create').count()).toBe(0);
    expect(await page.getByTestId('form-delete').count()).toBe(0);
    await page.goto(`${server.url}/forms/${form.id}`);
    await page.getByTestId('form-builder').waitFor();
    expect(await page.getByTestId('form-save').count()).toBe(0);
    expect(await page.getByTestId('field-add').count()).toBe(0);
    expect(await page.getByTestId('field-up').count()).toBe(0);
    await page.getByTestId('field-item-title').first().click();
    expect(await page.getByTestId('field-label-ar').isDisabled()).toBe(true);
    await page.context().close();
  });
});
