import type { MeView, Problem, SetupStatusView } from '@sanad/contracts';
import {
  STRONG_PASSWORD,
  createScratchDatabase,
  uniqueEmail,
  type ScratchDatabase,
} from '@sanad/testing';
import { HttpSession, createWorkspace, startTestApp } from './test-app';

describe('first run on an empty database', () => {
  let db: ScratchDatabase;

  beforeEach(async () => {
    db = await createScratchDatabase();
  });

  afterEach(async () => {
    await db.drop();
  });

  it('offers the create-your-workspace screen once, then refuses a second setup', async () => {
    const running = await startTestApp({
      databaseUrl: db.url,
      env: { SANAD_ALLOW_SIGNUP: 'false' },
    });
    try {
      const client = new HttpSession(running.httpUrl as string);
      expect((await client.get('/api/v1/setup/status')).body as SetupStatusView).toEqual({
        needsSetup: true,
        signupAllowed: false,
      });
      const email = uniqueEmail('first');
      const setup = await client.post('/api/v1/setup', {
        workspaceName: 'شركة سند',
        name: 'سارة',
        email,
        password: STRONG_PASSWORD,
        language: 'ar',
      });
      expect(setup.status).toBe(201);
      expect(setup.body as MeView).toMatchObject({
        user: { role: 'owner', language: 'ar' },
        workspace: { name: 'شركة سند', defaultLanguage: 'ar', timeZone: 'Asia/Riyadh' },
      });
      expect((await client.get('/api/v1/me')).status).toBe(200);
      const again = await new HttpSession(running.httpUrl as string).post('/api/v1/setup', {
        workspaceName: 'Other',
        name: 'Other',
        email: uniqueEmail(),
        password: STRONG_PASSWORD,
      });
      expect(again.status).toBe(409);
      expect((again.body as Problem).code).toBe('setup/already_done');
      expect((await client.get('/api/v1/setup/status')).body).toEqual({
        needsSetup: false,
        signupAllowed: false,
      });
      const signup = await new HttpSession(running.httpUrl as string).post('/api/v1/auth/signup', {
        workspaceName: 'Other',
        name: 'Other',
        email: uniqueEmail(),
        password: STRONG_PASSWORD,
      });
      expect(signup.status).toBe(403);
      expect((signup.body as Problem).code).toBe('auth/signup_disabled');
    } finally {
      await running.close();
    }
  });

  it('creates the workspace and owner from SANAD_ADMIN_EMAIL/PASSWORD, once', async () => {
    const email = uniqueEmail('admin');
    const env = {
      SANAD_ADMIN_EMAIL: email,
      SANAD_ADMIN_PASSWORD: STRONG_PASSWORD,
      SANAD_WORKSPACE_NAME: 'مساحة الدعم',
    };
    const first = await startTestApp({ databaseUrl: db.url, env });
    await first.close();
    const second = await startTestApp({ databaseUrl: db.url, env });
    try {
      const client = new HttpSession(second.httpUrl as string);
      const login = await client.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
      expect(login.status).toBe(200);
      expect((login.body as MeView).workspace.name).toBe('مساحة الدعم');
      expect(
        ((await client.get('/api/v1/members')).body as { items: unknown[] }).items,
      ).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('hosts several workspaces when signup is allowed', async () => {
    const running = await startTestApp({
      databaseUrl: db.url,
      env: { SANAD_ALLOW_SIGNUP: 'true' },
    });
    try {
      const a = await createWorkspace(running.httpUrl as string, 'Alpha');
      const b = await createWorkspace(running.httpUrl as string, 'Alpha');
      expect(a.me.workspace.id).not.toBe(b.me.workspace.id);
      expect(a.me.workspace.slug).not.toBe(b.me.workspace.slug);
    } finally {
      await running.close();
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 with Retry-After after too many failures', async () => {
    const running = await startTestApp({
      env: { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' },
    });
    try {
      const ws = await createWorkspace(running.httpUrl as string);
      const client = new HttpSession(running.httpUrl as string);
      client.language = 'en';
      for (let i = 0; i < 3; i++) {
        expect(
          (await client.post('/api/v1/auth/login', { email: ws.email, password: 'wrong-password' }))
            .status,
        ).toBe(401);
      }
      const limited = await client.post('/api/v1/auth/login', {
        email: ws.email,
        password: ws.password,
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((limited.body as Problem).detail).toMatch(/Try again in \d+ seconds/);
    } finally {
      await running.close();
    }
  });

  it('never lets concurrent attempts past the limit, per email and per IP', async () => {
    const running = await startTestApp({
      env: { LOGIN_RATE_LIMIT: '10', LOGIN_RATE_WINDOW_SECONDS: '60', TRUST_PROXY: 'loopback' },
    });
    try {
      const base = running.httpUrl as string;
      const ws = await createWorkspace(base);
      const attempt = (email: string, ip: string): Promise<number> =>
        fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ email, password: 'wrong-password' }),
        }).then((r) => r.status);
      const oneEmail = await Promise.all(Array.from({ length: 50 }, () => attempt(ws.email, '1')));
      expect(oneEmail.filter((s) => s === 401)).toHaveLength(10);
      expect(oneEmail.filter((s) => s === 429)).toHaveLength(40);
      const manyEmails = await Promise.all(
        Array.from({ length: 50 }, (_, i) => attempt(`nobody-${i}@example.test`, '2')),
      );
      expect(manyEmails.filter((s) => s !== 429).length).toBeLessThanOrEqual(10);
    } finally {
      await running.close();
    }
  });
});
