import type {
  ApiTokenView,
  CreatedApiTokenView,
  CreatedInviteView,
  MeView,
  Problem,
  UserView,
} from '@sanad/contracts';
import { STRONG_PASSWORD, uniqueEmail } from '@sanad/testing';
import { Client } from 'pg';
import { HttpSession, addMember, createWorkspace, sharedTestApp } from './test-app';

const app = sharedTestApp();

function problem(body: unknown): Problem {
  return body as Problem;
}

describe('login and sessions', () => {
  it('logs in, reads /me, logs out', async () => {
    const ws = await createWorkspace(app.base);
    const agent = new HttpSession(app.base);
    const login = await agent.post('/api/v1/auth/login', {
      email: ws.email.toUpperCase(),
      password: ws.password,
    });
    expect(login.status).toBe(200);
    expect((login.body as MeView).user.role).toBe('owner');
    expect(String(login.headers['set-cookie'])).toMatch(
      /sanad_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax/,
    );
    expect((await agent.get('/api/v1/me')).status).toBe(200);
    expect((await agent.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/v1/me')).status).toBe(401);
  });

  it('answers a wrong password and an unknown email alike, in the caller language', async () => {
    const ws = await createWorkspace(app.base);
    const client = new HttpSession(app.base);
    client.language = 'en';
    const wrong = await client.post('/api/v1/auth/login', {
      email: ws.email,
      password: 'not-the-password',
    });
    const unknown = await client.post('/api/v1/auth/login', {
      email: uniqueEmail(),
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(problem(wrong.body)).toMatchObject({
      code: 'auth/invalid_credentials',
      detail: 'The email or password is incorrect.',
    });
    expect(problem(unknown.body).code).toBe('auth/invalid_credentials');
    client.language = 'ar';
    const arabic = await client.post('/api/v1/auth/login', {
      email: ws.email,
      password: 'not-the-password',
    });
    expect(problem(arabic.body).detail).toBe('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
  });

  it('rejects cookie writes without the CSRF token, and accepts them with it', async () => {
    const ws = await createWorkspace(app.base);
    const withoutCsrf = await fetch(`${app.base}/api/v1/me`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        cookie: ws.owner.cookieHeader.replace(/sanad_csrf=[^;]+;?\s*/, ''),
      },
      body: JSON.stringify({ name: 'Hacker' }),
    });
    expect(withoutCsrf.status).toBe(403);
    expect(((await withoutCsrf.json()) as Problem).code).toBe('auth/csrf_failed');
    const ok = await ws.owner.patch('/api/v1/me', { name: 'سارة', language: 'en' });
    expect(ok.status).toBe(200);
    expect((ok.body as MeView).user).toMatchObject({ name: 'سارة', language: 'en' });
  });

  it('uses the user language for errors once logged in', async () => {
    const ws = await createWorkspace(app.base);
    await ws.owner.patch('/api/v1/me', { language: 'en' });
    ws.owner.language = 'ar';
    const response = await ws.owner.patch('/api/v1/members/00000000-0000-4000-8000-000000000000', {
      role: 'agent',
    });
    expect(response.status).toBe(404);
    expect(problem(response.body).detail).toBe('Team member not found.');
  });

  it('changes the password, ends other sessions and keeps this one', async () => {
    const ws = await createWorkspace(app.base);
    const other = new HttpSession(app.base);
    await other.post('/api/v1/auth/login', { email: ws.email, password: ws.password });
    const wrongCurrent = await ws.owner.post('/api/v1/me/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-new-password-42',
    });
    expect(wrongCurrent.status).toBe(400);
    expect(problem(wrongCurrent.body).errors?.[0].field).toBe('currentPassword');
    const weak = await ws.owner.post('/api/v1/me/password', {
      currentPassword: ws.password,
      newPassword: '1234567890',
    });
    expect(weak.status).toBe(400);
    expect(problem(weak.body).errors?.[0]).toMatchObject({
      field: 'newPassword',
      code: 'weakPassword',
    });
    expect(
      (
        await ws.owner.post('/api/v1/me/password', {
          currentPassword: ws.password,
          newPassword: 'a-new-password-42',
        })
      ).status,
    ).toBe(204);
    expect((await ws.owner.get('/api/v1/me')).status).toBe(200);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    const relogin = await new HttpSession(app.base).post('/api/v1/auth/login', {
      email: ws.email,
      password: 'a-new-password-42',
    });
    expect(relogin.status).toBe(200);
  });
});

describe('bad input', () => {
  it('names unknown properties and invalid fields', async () => {
    const client = new HttpSession(app.base);
    client.language = 'en';
    const response = await client.post('/api/v1/auth/signup', {
      workspaceName: 'X',
      name: 'Y',
      email: 'not-an-email',
      password: 'short',
      workspaceId: 'x',
    });
    expect(response.status).toBe(400);
    const fields = problem(response.body).errors?.map((e) => `${e.field}:${e.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'workspaceId:whitelistValidation',
        'email:isEmail',
        'password:minLength',
      ]),
    );
    expect(problem(response.body).errors?.find((e) => e.field === 'password')?.message).toBe(
      'Must be at least 10 characters long.',
    );
  });

  it('refuses malformed JSON and oversized bodies', async () => {
    const malformed = await fetch(`${app.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Problem).code).toBe('request/malformed_json');
    const huge = await fetch(`${app.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1100 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as Problem).detail).toContain('1024 KB');
  });

  it('refuses a duplicate email and a weak password without writing anything', async () => {
    const ws = await createWorkspace(app.base);
    const again = await new HttpSession(app.base).post('/api/v1/auth/signup', {
      workspaceName: 'Again',
      name: 'Again',
      email: ws.email,
      password: STRONG_PASSWORD,
    });
    expect(again.status).toBe(409);
    expect(problem(again.body).code).toBe('user/email_taken');
    const email = uniqueEmail();
    const weak = await new HttpSession(app.base).post('/api/v1/auth/signup', {
      workspaceName: 'Weak',
      name: 'Weak',
      email,
      password: 'aaaaaaaaaaaa',
    });
    expect(weak.status).toBe(400);
    const login = await new HttpSession(app.base).post('/api/v1/auth/login', {
      email,
      password: 'aaaaaaaaaaaa',
    });
    expect(login.status).toBe(401);
  });

  it('answers 404 for unknown routes and malformed ids', async () => {
    const ws = await createWorkspace(app.base);
    expect((await ws.owner.get('/api/v1/nothing-here')).status).toBe(404);
    expect((await ws.owner.patch('/api/v1/members/not-a-uuid', { role: 'agent' })).status).toBe(
      404,
    );
  });
});

describe('invites and members', () => {
  it('invites a member who accepts once; the link cannot be reused', async () => {
    const ws = await createWorkspace(app.base);
    const email = uniqueEmail('agent');
    const created = await ws.owner.post('/api/v1/invites', { email, role: 'agent' });
    expect(created.status).toBe(201);
    const { url, invite } = created.body as CreatedInviteView;
    const token = url.split('/invite/')[1];
    expect(
      (await ws.owner.get('/api/v1/invites')).body.items.map((i: { id: string }) => i.id),
    ).toContain(invite.id);
    const preview = await new HttpSession(app.base).get(`/api/v1/auth/invites/${token}`);
    expect(preview.body).toMatchObject({
      email,
      role: 'agent',
      workspaceName: ws.me.workspace.name,
    });
    const member = new HttpSession(app.base);
    const accepted = await member.post(`/api/v1/auth/invites/${token}/accept`, {
      name: 'وكيل',
      password: STRONG_PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect((accepted.body as MeView).workspace.id).toBe(ws.me.workspace.id);
    const reused = await new HttpSession(app.base).post(`/api/v1/auth/invites/${token}/accept`, {
      name: 'Again',
      password: STRONG_PASSWORD,
    });
    expect(reused.status).toBe(410);
    expect(problem(reused.body).code).toBe('invite/used');
    expect((await member.get('/api/v1/invites')).status).toBe(403);
  });

  it('refuses expired, revoked and unknown invite links', async () => {
    const ws = await createWorkspace(app.base);
    const expired = (
      await ws.owner.post('/api/v1/invites', { email: uniqueEmail(), role: 'agent' })
    ).body as CreatedInviteView;
    const db = new Client({ connectionString: app.running.databaseUrl });
    await db.connect();
    await db.query(`UPDATE invites SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expired.invite.id,
    ]);
    await db.end();
    const expiredToken = expired.url.split('/invite/')[1];
    expect(
      problem((await new HttpSession(app.base).get(`/api/v1/auth/invites/${expiredToken}`)).body)
        .code,
    ).toBe('invite/expired');
    const revoked = (
      await ws.owner.post('/api/v1/invites', { email: uniqueEmail(), role: 'admin' })
    ).body as CreatedInviteView;
    expect((await ws.owner.delete(`/api/v1/invites/${revoked.invite.id}`)).status).toBe(204);
    const revokedAccept = await new HttpSession(app.base).post(
      `/api/v1/auth/invites/${revoked.url.split('/invite/')[1]}/accept`,
      { name: 'X', password: STRONG_PASSWORD },
    );
    expect(revokedAccept.status).toBe(404);
    expect((await new HttpSession(app.base).get('/api/v1/auth/invites/made-up-token')).status).toBe(
      404,
    );
  });

  it('changes roles and deactivates; protects the owner and oneself', async () => {
    const ws = await createWorkspace(app.base);
    const admin = await addMember(app.base, ws.owner, 'admin');
    const agent = await addMember(app.base, ws.owner, 'agent');
    expect(
      (await agent.session.patch(`/api/v1/members/${admin.me.user.id}`, { role: 'agent' })).status,
    ).toBe(403);
    expect(
      problem(
        (await admin.session.patch(`/api/v1/members/${ws.me.user.id}`, { role: 'agent' })).body,
      ).code,
    ).toBe('user/owner_protected');
    expect(
      problem(
        (await admin.session.patch(`/api/v1/members/${admin.me.user.id}`, { role: 'agent' })).body,
      ).code,
    ).toBe('user/cannot_change_self');
    const badRole = await ws.owner.patch(`/api/v1/members/${agent.me.user.id}`, {
      role: 'superuser',
    });
    expect(badRole.status).toBe(400);
    expect(problem(badRole.body).errors?.[0].message).toContain('owner, admin, agent');
    const promoted = await admin.session.patch(`/api/v1/members/${agent.me.user.id}`, {
      role: 'admin',
    });
    expect((promoted.body as UserView).role).toBe('admin');
    const deactivated = await ws.owner.post(`/api/v1/members/${agent.me.user.id}/deactivate`);
    expect((deactivated.body as UserView).active).toBe(false);
    expect((await agent.session.get('/api/v1/me')).status).toBe(401);
    const login = await new HttpSession(app.base).post('/api/v1/auth/login', {
      email: agent.email,
      password: STRONG_PASSWORD,
    });
    expect(problem(login.body).code).toBe('auth/account_deactivated');
    expect((await ws.owner.post(`/api/v1/members/${agent.me.user.id}/reactivate`)).status).toBe(
      200,
    );
    expect(
      (
        await new HttpSession(app.base).post('/api/v1/auth/login', {
          email: agent.email,
          password: STRONG_PASSWORD,
        })
      ).status,
    ).toBe(200);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, authenticates with it without CSRF, and revokes it', async () => {
    const ws = await createWorkspace(app.base);
    const created = await ws.owner.post('/api/v1/tokens', { name: 'CRM' });
    expect(created.status).toBe(201);
    const { secret, token } = created.body as CreatedApiTokenView;
    expect(secret).toMatch(/^snd_/);
    const listed = (await ws.owner.get('/api/v1/tokens')).body.items as ApiTokenView[];
    expect(JSON.stringify(listed)).not.toContain(secret);
    const integrator = HttpSession.withToken(app.base, secret);
    expect(((await integrator.get('/api/v1/me')).body as MeView).workspace.id).toBe(
      ws.me.workspace.id,
    );
    expect(
      (await integrator.post('/api/v1/invites', { email: uniqueEmail(), role: 'agent' })).status,
    ).toBe(201);
    expect((await ws.owner.delete(`/api/v1/tokens/${token.id}`)).status).toBe(204);
    expect((await integrator.get('/api/v1/me')).status).toBe(401);
    expect((await HttpSession.withToken(app.base, 'snd_made-up').get('/api/v1/me')).status).toBe(
      401,
    );
  });
});

describe('tenancy', () => {
  it("gives workspace B's session and token 404 for workspace A's users, invites and tokens", async () => {
    const a = await createWorkspace(app.base);
    const b = await createWorkspace(app.base);
    const aAgent = await addMember(app.base, a.owner, 'agent');
    const aInvite = (await a.owner.post('/api/v1/invites', { email: uniqueEmail(), role: 'agent' }))
      .body as CreatedInviteView;
    const aToken = (await a.owner.post('/api/v1/tokens', { name: 'A' }))
      .body as CreatedApiTokenView;
    const bTokenSecret = (
      (await b.owner.post('/api/v1/tokens', { name: 'B' })).body as CreatedApiTokenView
    ).secret;
    for (const intruder of [b.owner, HttpSession.withToken(app.base, bTokenSecret)]) {
      expect(
        (await intruder.patch(`/api/v1/members/${aAgent.me.user.id}`, { role: 'admin' })).status,
      ).toBe(404);
      expect((await intruder.post(`/api/v1/members/${aAgent.me.user.id}/deactivate`)).status).toBe(
        404,
      );
      expect((await intruder.delete(`/api/v1/invites/${aInvite.invite.id}`)).status).toBe(404);
      expect((await intruder.delete(`/api/v1/tokens/${aToken.token.id}`)).status).toBe(404);
      const members = (await intruder.get('/api/v1/members')).body.items as UserView[];
      expect(members.map((m) => m.id)).not.toContain(aAgent.me.user.id);
      expect(JSON.stringify((await intruder.get('/api/v1/invites')).body)).not.toContain(
        aInvite.invite.id,
      );
      expect(JSON.stringify((await intruder.get('/api/v1/tokens')).body)).not.toContain(
        aToken.token.id,
      );
    }
    // Nothing of A changed.
    expect(
      ((await a.owner.get('/api/v1/members')).body.items as UserView[]).find(
        (m) => m.id === aAgent.me.user.id,
      ),
    ).toMatchObject({ role: 'agent', active: true });
    expect((await HttpSession.withToken(app.base, aToken.secret).get('/api/v1/me')).status).toBe(
      200,
    );
  });
});

describe('health', () => {
  it('reports liveness and readiness', async () => {
    expect((await new HttpSession(app.base).get('/health')).body).toEqual({ status: 'ok' });
    expect((await new HttpSession(app.base).get('/ready')).body).toMatchObject({
      status: 'ready',
      database: true,
      queue: true,
    });
  });

  it('serves the OpenAPI document', async () => {
    const doc = await new HttpSession(app.base).get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys((doc.body as { paths: object }).paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/members']),
    );
  });
});
