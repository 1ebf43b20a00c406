import type { Running } from '../src/boot';
import { uniqueEmail } from '@sanad/testing';
import type { ConversationView, PageView } from '@sanad/contracts';
import { conversationBody, open } from './inbox-helpers';
import { addMember, createWorkspace, startTestApp } from './test-app';

/**
 * Every process keeps the sessions, tokens and members it read (ACCOUNT_CACHE_SECONDS); a change
 * made through one process must reach the others at once, not when their copy expires.
 */
describe('account cache across processes', () => {
  let first: Running;
  let second: Running;
  const env = { ACCOUNT_CACHE_SECONDS: '3600' };

  beforeAll(async () => {
    [first, second] = await Promise.all([
      startTestApp({ env }),
      startTestApp({ env, roles: ['api'] }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  const url = (app: Running, path: string) => `${app.httpUrl}${path}`;

  /** GET with these credentials: the status and body. */
  async function get(app: Running, path: string, headers: Record<string, string>) {
    const response = await fetch(url(app, path), { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Whether a GET there answers `status`, retried for up to 3 s (notices take a moment). */
  const answers = (app: Running, path: string, headers: Record<string, string>, status: number) =>
    eventually(async () => (await get(app, path, headers)).status === status);

  /** Retries for up to 3 s: a notice takes a moment to reach another process. */
  async function eventually(probe: () => Promise<boolean>): Promise<boolean> {
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      if (await probe()) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return probe();
  }

  it('a logout through one process ends the session in the other', async () => {
    const ws = await createWorkspace(first.httpUrl as string);
    const cookie = { cookie: ws.owner.cookieHeader };
    expect((await get(second, '/api/v1/me', cookie)).status).toBe(200); // kept there now

    expect((await ws.owner.post('/api/v1/auth/logout')).status).toBe(204);
    // A copy of the cookie replayed: refused at once where the logout happened...
    expect((await get(first, '/api/v1/me', cookie)).status).toBe(401);
    // ...and by the other process as soon as the notice arrives.
    expect(await answers(second, '/api/v1/me', cookie, 401)).toBe(true);
  });

  it('a role change and a deactivation reach the member in the other process', async () => {
    const ws = await createWorkspace(first.httpUrl as string);
    const agent = await addMember(first.httpUrl as string, ws.owner, 'agent');
    const cookie = { cookie: agent.session.cookieHeader };
    expect((await get(second, '/api/v1/tokens', cookie)).status).toBe(403);

    const promoted = await ws.owner.patch(`/api/v1/members/${agent.me.user.id}`, {
      role: 'admin',
    });
    expect(promoted.status).toBe(200);
    expect(await answers(second, '/api/v1/tokens', cookie, 200)).toBe(true);
    const me = await get(second, '/api/v1/me', cookie);
    expect((me.body.user as { role: string }).role).toBe('admin');

    const deactivated = await ws.owner.post(`/api/v1/members/${agent.me.user.id}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect((await get(first, '/api/v1/me', cookie)).status).toBe(401);
    expect(await answers(second, '/api/v1/me', cookie, 401)).toBe(true);
  });

  it('a revoked API token stops working in every process', async () => {
    const ws = await createWorkspace(first.httpUrl as string);
    const created = await ws.owner.post('/api/v1/tokens', { name: 'integration' });
    expect(created.status).toBe(201);
    const { token, secret } = created.body as { token: { id: string }; secret: string };
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await get(second, '/api/v1/me', bearer)).status).toBe(200);

    expect((await ws.owner.delete(`/api/v1/tokens/${token.id}`)).status).toBe(204);
    expect((await get(first, '/api/v1/me', bearer)).status).toBe(401);
    expect(await answers(second, '/api/v1/me', bearer, 401)).toBe(true);
  });

  it('pages of conversations in the other process show renamed members and contacts', async () => {
    const ws = await createWorkspace(first.httpUrl as string);
    const email = uniqueEmail('customer');
    const created = await open(ws, conversationBody({ contact: { email } }));
    const assigned = await ws.owner.patch(`/api/v1/conversations/${created.conversation.id}`, {
      assigneeId: ws.me.user.id,
    });
    expect(assigned.status).toBe(200);
    const cookie = { cookie: ws.owner.cookieHeader };
    const row = async () => {
      const page = (await get(second, '/api/v1/conversations', cookie))
        .body as unknown as PageView<ConversationView>;
      return page.items.find((c) => c.id === created.conversation.id);
    };
    expect((await row())?.contact?.name ?? null).toBeNull(); // both now kept there

    expect((await ws.owner.patch('/api/v1/me', { name: 'سارة المشرفة' })).status).toBe(200);
    await open(ws, conversationBody({ contact: { email, name: 'خالد' } })); // names the contact
    expect(
      await eventually(async () => {
        const found = await row();
        return found?.assignee?.name === 'سارة المشرفة' && found.contact?.name === 'خالد';
      }),
    ).toBe(true);
  });
});
