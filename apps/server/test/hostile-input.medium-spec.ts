import type { Running } from '../src/boot';
import { createWorkspace, startTestApp, type TestWorkspace } from './test-app';

/**
 * Hostile input over real HTTP: every route and query parameter of the OpenAPI document is
 * probed with values that used to reach PostgreSQL unchecked, and hostile bodies must be refused
 * cheaply (R14: a clear 4xx, never a 5xx or a stalled server).
 */
let running: Running;
let base: string;
let ws: TestWorkspace;

beforeAll(async () => {
  running = await startTestApp({ roles: ['api'] });
  base = running.httpUrl as string;
  ws = await createWorkspace(base);
});
afterAll(() => running?.close());

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
}

const HOSTILE_VALUES = [
  '99999999999999999999',
  '-1',
  '%00',
  'a%00b',
  '%c0%af',
  '%ff%fe',
  '1e308',
  'NaN',
  '+275760-09-13T00:00:00.000Z',
  'x'.repeat(5000),
];

function headers(): Record<string, string> {
  const cookie = ws.owner.cookieHeader;
  return { cookie, 'x-csrf-token': /sanad_csrf=([^;]+)/.exec(cookie)?.[1] ?? '' };
}

describe('hostile input', () => {
  it('answers every GET route with hostile path and query values without a 5xx', async () => {
    const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as OpenApi;
    const failures: string[] = [];
    let probes = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      const get = operations.get;
      if (!get) continue;
      const query = (get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      for (const value of HOSTILE_VALUES) {
        const filled = path.replace(/\{[^}]+\}/g, value);
        const urls = [
          filled,
          ...query.map(
            (name) =>
              `${path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000')}?${name}=${value}`,
          ),
        ];
        for (const url of urls) {
          probes++;
          const response = await fetch(`${base}${url}`, { headers: headers() });
          if (response.status >= 500) failures.push(`${response.status} ${url.slice(0, 120)}`);
        }
      }
    }
    expect(probes).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it.each([
    ['a number out of range', '/api/v1/conversations?number=99999999999999999999', 'number'],
    ['a sequence out of range', '/api/v1/events?after=99999999999999999999', 'after'],
    ['a NUL in a filter', '/api/v1/conversations?tag=%00', 'tag'],
    ['a date out of range', '/api/v1/conversations?from=99999-01-01', 'from'],
  ])('refuses %s naming the field', async (_name, url, field) => {
    const response = await ws.owner.get(url);
    expect(response.status).toBe(400);
    expect((response.body as { errors: Array<{ field: string }> }).errors[0].field).toBe(field);
  });

  it.each([
    [
      '/api/v1/conversations?cursor=WyIyMDIwIiwiMGI2ZjRjM2UtOGQxYS00ZjJiLTljM2QtMmUxZjBhOWI4YzdkIl0',
      'request/invalid_cursor',
    ],
    ['/api/v1/attachments/..%c0%af..%c0%afetc', 'request/malformed_path'],
  ])('%s is %s', async (url, code) => {
    const response = await fetch(`${base}${url}`, { headers: headers() });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe(code);
  });

  it.each([
    ['100,000 levels of nesting', () => '['.repeat(100_000), 'request/too_deep'],
    [
      '93,000 unknown keys',
      () => `{${Array.from({ length: 93_000 }, (_, i) => `"k${i}":1`).join(',')}}`,
      'request/too_many_keys',
    ],
    ['a repeated key', () => '{"subject":"a","subject":"b","text":"x"}', 'request/duplicate_key'],
  ])(
    'refuses %s before any authentication, and stays responsive meanwhile',
    async (_name, body, code) => {
      const hostile = fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(),
      });
      const started = performance.now();
      const heartbeat = await fetch(`${base}/health`);
      const heartbeatMs = performance.now() - started;
      const response = await hostile;
      expect(heartbeat.status).toBe(200);
      expect(heartbeatMs).toBeLessThan(200);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe(code);
    },
  );

  it('reports at most 50 field errors', async () => {
    const body = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`unknown${i}`, i]));
    const response = await ws.owner.post('/api/v1/conversations', body);
    expect(response.status).toBe(400);
    expect((response.body as { errors: unknown[] }).errors.length).toBeLessThanOrEqual(50);
  });

  it('stores text with NUL bytes without them, whatever the route', async () => {
    const created = await ws.owner.post('/api/v1/conversations', {
      contact: { email: 'nul@example.test', name: 'a\u0000b' },
      subject: 'sub\u0000ject',
      text: 'te\u0000xt',
    });
    expect(created.status).toBe(201);
    const detail = created.body as {
      conversation: { subject: string; contact: { name: string } };
      messages: Array<{ text: string }>;
    };
    expect(detail.conversation.subject).toBe('subject');
    expect(detail.conversation.contact.name).toBe('ab');
    expect(detail.messages[0].text).toBe('text');
  });

  it('answers GET /api/v1 with an index, and says API tokens are opaque', async () => {
    const index = await fetch(`${base}/api/v1`);
    expect(index.status).toBe(200);
    expect(await index.json()).toMatchObject({
      version: '1',
      links: { openapi: '/api/docs-json' },
    });
    const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as {
      components: { securitySchemes: { bearer: { bearerFormat: string } } };
    };
    expect(doc.components.securitySchemes.bearer.bearerFormat).not.toMatch(/jwt/i);
  });
});
