import { createScratchDatabase, type ScratchDatabase, STRONG_PASSWORD } from '@sanad/testing';
import type {
  ConversationDetailView,
  CreatedApiTokenView,
  MailboxView,
  MeView,
  TeamView,
} from '@sanad/contracts';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import {
  SHOTS,
  describeBrowser,
  launchBrowser,
  layoutProblems,
  loginPageWith,
  offScreen,
  pageWidth,
} from './browser-harness';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { HttpSession, createWorkspace, type TestWorkspace } from './test-app';

/** `length` characters of `chunk` repeated, with no space to break at. */
function unbroken(chunk: string, length: number): string {
  return chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
}

/** "Zalgo": each letter followed by four combining marks (above, below and through it). */
function zalgo(letters: number): string {
  const marks = ['\u0301', '\u0316', '\u0334', '\u0346', '\u0317', '\u0350', '\u0353', '\u030a'];
  let out = '';
  for (let i = 0; i < letters; i++)
    out += 'ZALGO'[i % 5] + [0, 1, 2, 3].map((k) => marks[(i + k * 2) % marks.length]).join('');
  return out;
}

const AR = 'عبدالرحمنالمطيري';
const EN = 'Wolfeschlegelsteinhausen';
const NAMES = {
  workspace: unbroken(`مساحة${EN}`, 120),
  owner: unbroken(`المالك${AR}`, 120),
  agent: unbroken(`Agent${EN}`, 120),
  team: unbroken(`فريق${AR}`, 120),
  token: unbroken(`token${EN}`, 120),
  mailbox: unbroken(`صندوق${AR}`, 120),
  reply: unbroken(`رد${AR}`, 120),
  contact: unbroken(`عميل${AR}${EN}`, 200),
  subject: unbroken(`موضوع${AR}`, 300),
  tag: unbroken(`وسم${AR}`, 120),
  zalgo: zalgo(150),
  displayName: unbroken(`DisplayName${EN}`, 10_000),
};
const BODY = `طلب ${unbroken(`${AR}${EN}`, 5000)} ${zalgo(150)}`;
const SAVED_REPLY_BODY = unbroken(`مرحبا${AR} `, 20_000);
const LONG_EMAIL = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.example`;

/** A page that shows names: what to wait for, and the button that must stay in the first screen. */
interface Stop {
  name: string;
  path: string;
  /** A test id, or a CSS selector when it starts with a dot. */
  ready: string;
  action?: string;
  /** Opens a dialog (a test id to click) that shows the names too. */
  dialog?: string;
}

describeBrowser('long names, long texts and combining marks in a real browser', () => {
  let server: SpawnedServer;
  let database: ScratchDatabase;
  let db: Client;
  let browser: Browser;
  let ws: TestWorkspace;
  let agent: HttpSession;
  const ids = {
    long: '',
    zalgo: '',
    display: '',
    ownerId: '',
  };
  let stops: Stop[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase();
    server = await spawnServer({ DATABASE_URL: database.url });
    browser = await launchBrowser();
    db = new Client({ connectionString: database.url });
    await db.connect();
    await seed();
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  /**
   * Through the API at today's limits; then the rows are given what older data or other
   * channels can hold (longer than the forms allow today), straight in the database.
   */
  async function seed(): Promise<void> {
    ws = await createWorkspace(server.url, NAMES.workspace);
    const owner = ws.owner;
    const ok = (response: { status: number; body: unknown }, what: string): unknown => {
      if (response.status >= 300)
        throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    ok(await owner.patch('/api/v1/me', { name: NAMES.owner }), 'rename owner');
    ids.ownerId = ws.me.user.id;

    const invite = ok(
      await owner.post('/api/v1/invites', { email: 'agent@long.test', role: 'agent' }),
      'invite',
    ) as { url: string };
    agent = new HttpSession(server.url);
    const accepted = ok(
      await agent.post(`/api/v1/auth/invites/${invite.url.split('/invite/')[1]}/accept`, {
        name: NAMES.agent,
        password: STRONG_PASSWORD,
      }),
      'accept',
    ) as MeView;

    const team = ok(
      await owner.post('/api/v1/teams', {
        name: NAMES.team.slice(0, 80),
        memberIds: [ids.ownerId, accepted.user.id],
      }),
      'team',
    ) as TeamView;
    const token = ok(
      await owner.post('/api/v1/tokens', { name: NAMES.token.slice(0, 80) }),
      'token',
    ) as CreatedApiTokenView;
    const mailbox = ok(
      await owner.post('/api/v1/mailboxes', { name: NAMES.mailbox.slice(0, 80), slug: 'long' }),
      'mailbox',
    ) as MailboxView;
    ok(
      await owner.post('/api/v1/saved-replies', {
        name: NAMES.reply,
        body: SAVED_REPLY_BODY,
        shared: true,
      }),
      'saved reply',
    );
    ok(
      await owner.post('/api/v1/blocked-senders', {
        pattern: `@${unbroken('spam', 250)}.example`,
      }),
      'blocked sender',
    );
    ok(
      await owner.post(`/api/v1/mailboxes/${mailbox.id}/email/addresses`, { address: LONG_EMAIL }),
      'custom address',
    );

    const api = HttpSession.withToken(server.url, token.secret);
    const create = async (body: object): Promise<string> =>
      (ok(await api.post('/api/v1/conversations', body), 'conversation') as ConversationDetailView)
        .conversation.id;
    ids.long = await create({
      contact: { email: LONG_EMAIL, name: NAMES.contact },
      subject: NAMES.subject,
      text: BODY,
      mailboxId: mailbox.id,
    });
    // An earlier conversation of the same customer, for the sidebar's history.
    await create({
      contact: { email: LONG_EMAIL, name: NAMES.contact },
      subject: unbroken(`سابق${EN}`, 300),
      text: 'x',
    });
    ids.zalgo = await create({
      contact: { email: 'zalgo@long.test', name: zalgo(40) },
      subject: zalgo(60),
      text: BODY,
    });
    ids.display = await create({
      contact: { email: 'display@long.test', name: 'x' },
      subject: unbroken(EN, 300),
      text: BODY,
    });
    ok(
      await owner.patch(`/api/v1/conversations/${ids.long}`, {
        tags: [NAMES.tag.slice(0, 60)],
        assigneeId: accepted.user.id,
        teamId: team.id,
        priority: 'urgent',
      }),
      'tag and assign',
    );
    ok(
      await agent.post(`/api/v1/conversations/${ids.long}/notes`, {
        text: `@${NAMES.owner} ${unbroken(EN, 2000)}`,
        mentions: [ids.ownerId],
      }),
      'note',
    );

    // Older data: longer than today's forms allow.
    const update = async (sql: string, params: unknown[]): Promise<void> => {
      const result = await db.query(sql, params);
      if (!result.rowCount) throw new Error(`no row changed: ${sql}`);
    };
    await update('UPDATE teams SET name = $1 WHERE id = $2', [NAMES.team, team.id]);
    await update('UPDATE api_tokens SET name = $1 WHERE id = $2', [NAMES.token, token.token.id]);
    await update('UPDATE mailboxes SET name = $1 WHERE id = $2', [NAMES.mailbox, mailbox.id]);
    await update('UPDATE tags SET name = $1 WHERE workspace_id = $2', [
      NAMES.tag,
      ws.me.workspace.id,
    ]);
    const contactOf = 'SELECT contact_id FROM conversations WHERE id = $2';
    await update(`UPDATE contacts SET name = $1 WHERE id = (${contactOf})`, [
      NAMES.zalgo,
      ids.zalgo,
    ]);
    // A mail whose sender gave a 10,000-character display name (it names the contact).
    await update(`UPDATE contacts SET name = $1 WHERE id = (${contactOf})`, [
      NAMES.displayName,
      ids.display,
    ]);
    // Written behind the app's back: announced as the app's own writes are (its caches drop them).
    await db.query(
      `SELECT pg_notify('sanad_contacts', contact_id::text) FROM conversations WHERE id = ANY($1)`,
      [[ids.zalgo, ids.display]],
    );
    await update(
      `UPDATE messages SET data = $1 WHERE conversation_id = ANY($2) AND kind = 'reply'`,
      [
        {
          email: {
            from: LONG_EMAIL,
            to: [LONG_EMAIL, LONG_EMAIL],
            cc: [LONG_EMAIL],
            subject: NAMES.subject,
          },
        },
        [ids.long, ids.display],
      ],
    );
    // The API now reads back what the screens will show.
    const names = async (path: string): Promise<string[]> =>
      ((await owner.get(path)).body as { items: Array<{ name: string }> }).items.map((i) => i.name);
    expect(await names('/api/v1/teams')).toContain(NAMES.team);
    expect(await names('/api/v1/tokens')).toContain(NAMES.token);
    expect(await names('/api/v1/mailboxes')).toContain(NAMES.mailbox);
    expect(await names('/api/v1/tags')).toContain(NAMES.tag);
    const zalgoDetail = (await owner.get(`/api/v1/conversations/${ids.zalgo}`))
      .body as ConversationDetailView;
    expect(zalgoDetail.conversation.contact?.name).toBe(NAMES.zalgo);

    stops = [
      { name: 'home', path: '/', ready: '.home' },
      { name: 'inbox', path: '/conversations', ready: 'conversation-row' },
      { name: 'mailbox', path: `/conversations?mailbox=${mailbox.id}`, ready: 'conversation-row' },
      { name: 'search', path: '/conversations?q=طلب', ready: 'conversation-row' },
      { name: 'profile', path: '/settings/profile', ready: 'profile-name', action: 'profile-save' },
      {
        name: 'saved-replies',
        path: '/settings/saved-replies',
        ready: 'saved-reply-row',
        action: 'saved-reply-add',
      },
      {
        name: 'members',
        path: '/settings/members',
        ready: 'member-row',
        action: 'invite-open',
        dialog: 'member-deactivate',
      },
      {
        name: 'member-mailboxes',
        path: '/settings/members',
        ready: 'member-row',
        dialog: `member-mailboxes-${accepted.user.id}`,
      },
      {
        name: 'teams',
        path: '/settings/teams',
        ready: 'team-row',
        action: 'team-add',
        dialog: 'team-edit',
      },
      { name: 'tokens', path: '/settings/tokens', ready: 'token-row', action: 'token-open' },
      {
        name: 'mailboxes',
        path: '/settings/mailboxes',
        ready: 'mailbox-row',
        action: 'mailbox-add',
      },
      {
        name: 'mailbox-email',
        path: `/settings/mailboxes/${mailbox.id}/email`,
        ready: 'inbound-address',
      },
      {
        name: 'blocked-senders',
        path: '/settings/blocked-senders',
        ready: 'blocked-row',
        action: 'blocked-add',
      },
      { name: 'tags', path: '/settings/tags', ready: 'tag-row' },
    ];
  }

  /** What is wrong on the screens visited so far: the test fails with all of it at the end. */
  let failures: string[] = [];

  async function expectFits(page: Page, what: string): Promise<void> {
    const { scrollWidth, innerWidth, widest } = await pageWidth(page);
    if (scrollWidth > innerWidth + 1)
      failures.push(
        `${what}: the page is ${scrollWidth} px wide in a ${innerWidth} px window (${widest})`,
      );
    for (const problem of await layoutProblems(page)) failures.push(`${what}: ${problem}`);
  }

  async function expectInView(page: Page, testid: string, what: string): Promise<void> {
    const off = await offScreen(page.getByTestId(testid).first());
    if (off) failures.push(`${what}: ${testid} is not in the first screen (${off})`);
  }

  function expectBelow(value: number | undefined, limit: number, what: string): void {
    if (value === undefined || value >= limit) failures.push(`${what}: ${value} px (< ${limit})`);
  }

  async function visit(page: Page, width: number, language: string): Promise<void> {
    for (const stop of stops) {
      await page.goto(`${server.url}${stop.path}`);
      const ready = stop.ready.startsWith('.')
        ? page.locator(stop.ready)
        : page.getByTestId(stop.ready);
      await ready.first().waitFor();
      if (stop.name === 'search') await page.locator('.row__snippet').first().waitFor();
      const what = `${stop.name} ${width} ${language}`;
      await expectFits(page, what);
      if (stop.action) await expectInView(page, stop.action, what);
      if (stop.dialog) {
        await page.getByTestId(stop.dialog).first().click();
        await page.getByRole('dialog').waitFor();
        await expectFits(page, `${what} dialog`);
        if (width === 390)
          await page.screenshot({
            path: `${SHOTS}/long-${stop.name}-dialog-${width}-${language}.png`,
          });
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      }
      if (stop.name === 'saved-replies') {
        // A 20,000-character body is clamped to a few lines.
        const box = await page.getByTestId('saved-reply-row').first().boundingBox();
        expectBelow(box?.height, 320, `${what}: saved reply row height`);
      }
      if (stop.name === 'mailbox' && width >= 1100) {
        // The mailbox's name stays inside its button.
        const button = page.getByTestId('mailbox-view-long');
        const [outer, inner] = await Promise.all([
          button.boundingBox(),
          button.locator('.view__name').boundingBox(),
        ]);
        if (
          !inner ||
          !outer ||
          inner.x < outer.x - 1 ||
          inner.x + inner.width > outer.x + outer.width + 1
        )
          failures.push(`${what}: the mailbox name sticks out of its button`);
      }
      if (width === 390 || stop.name === 'inbox' || stop.name === 'members')
        await page.screenshot({ path: `${SHOTS}/long-${stop.name}-${width}-${language}.png` });
    }

    for (const [name, id] of [
      ['thread', ids.long],
      ['thread-zalgo', ids.zalgo],
      ['thread-display', ids.display],
    ] as const) {
      await page.goto(`${server.url}/conversations/${id}`);
      await page.getByTestId('thread').waitFor();
      await page.getByTestId('message').first().waitFor();
      const what = `${name} ${width} ${language}`;
      await expectFits(page, what);
      await expectInView(page, 'composer-send', what);
      await expectInView(page, 'thread-status', what);
      await page.screenshot({ path: `${SHOTS}/long-${name}-${width}-${language}.png` });
      // The first message: its author's name and the email's addresses.
      await page.getByTestId('message').first().locator('header').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/long-${name}-first-${width}-${language}.png` });
    }

    // The saved-reply picker with the 20,000-character reply.
    await page.goto(`${server.url}/conversations/${ids.long}`);
    await page.getByTestId('thread').waitFor();
    await page.getByTestId('saved-replies-open').click();
    await page.getByTestId('saved-reply-item').first().waitFor();
    await expectFits(page, `picker ${width} ${language}`);
    await expectInView(page, 'saved-reply-item', `picker ${width} ${language}`);
    const item = await page.getByTestId('saved-reply-item').first().boundingBox();
    expectBelow(item?.height, 120, `picker ${width} ${language}: item height`);
    await page.screenshot({ path: `${SHOTS}/long-picker-${width}-${language}.png` });
  }

  beforeEach(() => (failures = []));

  it('keeps every inbox and settings screen inside the window (ar, 390 and 1366 px)', async () => {
    const page = await loginPageWith(browser, server.url, ws, {
      viewport: { width: 390, height: 844 },
    });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await visit(page, 390, 'ar');
    await page.setViewportSize({ width: 1366, height: 768 });
    await visit(page, 1366, 'ar');

    // Wide enough for the customer sidebar: the 200-character and the Zalgo names.
    await page.setViewportSize({ width: 1600, height: 900 });
    for (const id of [ids.long, ids.zalgo, ids.display]) {
      await page.goto(`${server.url}/conversations/${id}`);
      await page.getByTestId('customer-sidebar').waitFor();
      await expectFits(page, `sidebar ${id}`);
      await expectInView(page, 'composer-send', `sidebar ${id}`);
    }
    await page.goto(`${server.url}/conversations/${ids.long}`);
    await page.getByTestId('previous-conversation').waitFor();
    await pageWidth(page); // fonts in
    await page.screenshot({ path: `${SHOTS}/long-sidebar-1600-ar.png` });

    // A colleague with a 120-character name mentions me: the toast stays in its corner.
    await agent.post(`/api/v1/conversations/${ids.zalgo}/notes`, {
      text: `@${NAMES.owner} ${NAMES.zalgo} ${unbroken(EN, 3000)}`,
      mentions: [ids.ownerId],
    });
    await page.getByTestId('mention-toast').waitFor({ timeout: 10_000 });
    await expectFits(page, 'mention toast');
    const toast = await page.getByTestId('mention-toast').boundingBox();
    expectBelow(toast?.height, 200, 'mention toast height');
    await expectInView(page, 'mention-toast', 'mention toast');
    await page.screenshot({ path: `${SHOTS}/long-toast-1600-ar.png` });
    await page.context().close();
    expect(failures).toEqual([]);
  });

  it('and in English (ltr), 390 and 1366 px', async () => {
    await ws.owner.patch('/api/v1/me', { language: 'en' });
    const page = await loginPageWith(browser, server.url, ws, {
      viewport: { width: 390, height: 844 },
    });
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await visit(page, 390, 'en');
    await page.setViewportSize({ width: 1366, height: 768 });
    await visit(page, 1366, 'en');
    await page.context().close();
    expect(failures).toEqual([]);
  });
});
