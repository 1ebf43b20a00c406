import {
  STRONG_PASSWORD,
  createScratchDatabase,
  testDatabaseUrl,
  testDir,
  testRedisUrl,
  uniqueEmail,
  uniqueName,
} from '@sanad/testing';
import type { Role } from '@sanad/config';
import { CSRF_COOKIE, CSRF_HEADER, type MeView } from '@sanad/contracts';
import { randomBytes } from 'node:crypto';
import request, { type Response, type Test } from 'supertest';
import { start, type Running } from '../src/boot';

export interface TestAppOptions {
  roles?: Role[];
  env?: Record<string, string>;
  /** Use Redis (Bull + socket adapter) when the machine has it. Default: yes if REDIS_URL is set. */
  redis?: boolean;
  /** Another database than the shared test database (e.g. an empty one). */
  databaseUrl?: string;
  /**
   * A database of its own, dropped on close: for work every app's worker would otherwise take
   * from the shared database (webhook deliveries, sent by whichever worker claims them first).
   */
  scratch?: boolean;
}

/** The real app, in this process, on the test database, on a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<Running> {
  const redisUrl = options.redis === false ? null : testRedisUrl();
  const scratch = options.scratch ? await createScratchDatabase() : null;
  const running = await start({
    roles: options.roles ?? ['api', 'worker'],
    databaseUrl: scratch?.url ?? options.databaseUrl ?? testDatabaseUrl(),
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      SMTP_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: testDir('app'),
      APP_SECRET: 'test-secret-test-secret-test-secret-0123',
      SANAD_ALLOW_SIGNUP: 'true',
      LOGIN_RATE_LIMIT: '1000',
      ...(redisUrl
        ? { REDIS_URL: redisUrl, REDIS_PREFIX: `t${randomBytes(4).toString('hex')}` }
        : {}),
      ...options.env,
    },
  });
  if (!scratch) return running;
  const close = running.close.bind(running);
  return Object.assign(running, {
    close: async () => {
      await close();
      await scratch.drop();
    },
  });
}

/**
 * The app shared by one test file: started before its tests, closed after them. Read `base` and
 * `running` inside tests (they are set once beforeAll ran).
 */
export function sharedTestApp(options: TestAppOptions = {}): { base: string; running: Running } {
  const app = { base: '', running: null as unknown as Running };
  beforeAll(async () => {
    app.running = await startTestApp(options);
    app.base = app.running.httpUrl as string;
  });
  afterAll(async () => {
    await (app.running as Running | null)?.close();
  });
  return app;
}

/** A browser-like client: keeps cookies and sends the CSRF header on writes. */
export class HttpSession {
  private cookies = new Map<string, string>();
  private bearer: string | null = null;
  language = 'ar';

  constructor(readonly baseUrl: string) {}

  static withToken(baseUrl: string, token: string): HttpSession {
    const session = new HttpSession(baseUrl);
    session.bearer = token;
    return session;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private prepare(test: Test, write: boolean): Test {
    test.set('Accept-Language', this.language);
    if (this.cookies.size > 0) test.set('Cookie', this.cookieHeader);
    if (this.bearer) test.set('Authorization', `Bearer ${this.bearer}`);
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (write && csrf) test.set(CSRF_HEADER, csrf);
    return test;
  }

  private remember(response: Response): Response {
    const setCookie = response.headers['set-cookie'] as unknown as string[] | undefined;
    for (const line of setCookie ?? []) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async get(path: string): Promise<Response> {
    return this.remember(await this.prepare(request(this.baseUrl).get(path), false));
  }

  async post(path: string, body?: object, headers: Record<string, string> = {}): Promise<Response> {
    return this.remember(
      await this.prepare(request(this.baseUrl).post(path), true)
        .set(headers)
        .send(body ?? {}),
    );
  }

  async patch(path: string, body: object): Promise<Response> {
    return this.remember(await this.prepare(request(this.baseUrl).patch(path), true).send(body));
  }

  async put(path: string, body?: object): Promise<Response> {
    return this.remember(
      await this.prepare(request(this.baseUrl).put(path), true).send(body ?? {}),
    );
  }

  /** multipart/form-data with one file in `file`, as the SPA's composer sends it. */
  async upload(
    path: string,
    fileName: string,
    data: Buffer,
    contentType = 'application/octet-stream',
    fields: Record<string, string> = {},
    headers: Record<string, string> = {},
  ): Promise<Response> {
    let req = this.prepare(request(this.baseUrl).post(path), true).set(headers);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return this.remember(await req.attach('file', data, { filename: fileName, contentType }));
  }

  /** PUT multipart/form-data with one file in `file` (replacing a logo or an icon). */
  async replaceFile(path: string, fileName: string, data: Buffer, contentType: string) {
    const req = this.prepare(request(this.baseUrl).put(path), true);
    return this.remember(await req.attach('file', data, { filename: fileName, contentType }));
  }

  /** A GET whose body is kept as bytes, whatever the content type. */
  async download(path: string): Promise<Response> {
    return this.remember(
      await this.prepare(request(this.baseUrl).get(path), false)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        }),
    );
  }

  async delete(path: string): Promise<Response> {
    return this.remember(await this.prepare(request(this.baseUrl).delete(path), true));
  }
}

export interface TestWorkspace {
  owner: HttpSession;
  me: MeView;
  email: string;
  password: string;
}

/** A fresh workspace with its owner logged in (through open signup). */
export async function createWorkspace(
  baseUrl: string,
  name = uniqueName(),
): Promise<TestWorkspace> {
  const owner = new HttpSession(baseUrl);
  const email = uniqueEmail('owner');
  const response = await owner.post('/api/v1/auth/signup', {
    workspaceName: name,
    name: 'Owner',
    email,
    password: STRONG_PASSWORD,
    language: 'ar',
  });
  if (response.status !== 201)
    throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { owner, me: response.body as MeView, email, password: STRONG_PASSWORD };
}

/** Invites someone into the workspace and logs them in through the invite link. */
export async function addMember(
  baseUrl: string,
  admin: HttpSession,
  role: 'admin' | 'agent' = 'agent',
): Promise<{ session: HttpSession; me: MeView; email: string }> {
  const email = uniqueEmail(role);
  const invite = await admin.post('/api/v1/invites', { email, role });
  if (invite.status !== 201)
    throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const token = String((invite.body as { url: string }).url).split('/invite/')[1];
  const session = new HttpSession(baseUrl);
  const accepted = await session.post(`/api/v1/auth/invites/${token}/accept`, {
    name: `Member ${role}`,
    password: STRONG_PASSWORD,
  });
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { session, me: accepted.body as MeView, email };
}
