import { ApiTokensService } from '@sanad/accounts';
import { Housekeeping } from '@sanad/app-worker';
import type {
  ApiTokenView,
  ConversationDetailView,
  CreatedApiTokenView,
  MessageView,
  Problem,
  TeamView,
} from '@sanad/contracts';
import { testDatabaseUrl } from '@sanad/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { conversationBody, open } from './inbox-helpers';
import { HttpSession, createWorkspace, sharedTestApp, type TestWorkspace } from './test-app';

/**
 * What integrators get besides the routes themselves: token scopes, last-used times, per-token
 * rate limits and Idempotency-Key on creating routes. The limit is small here (12 points a
 * minute) so the rate-limit test needs a handful of requests; every other test spends less
 * than that per token.
 */
const LIMIT = 12;
const app = sharedTestApp({ env: { API_TOKEN_RATE_LIMIT: String(LIMIT) } });

async function token(
  ws: TestWorkspace,
  scope?: 'read' | 'write',
): Promise<{ view: ApiTokenView; client: HttpSession; secret: string }> {
  const created = await ws.owner.post('/api/v1/tokens', { name: 'Integration', scope });
  if (created.status !== 201) throw new Error(`token: ${JSON.stringify(created.body)}`);
  const { token: view, secret } = created.body as CreatedApiTokenView;
  return { view, secret, client: HttpSession.withToken(app.base, secret) };
}

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Retries for up to 3 s: the last-use write is not awaited by the request that caused it. */
async function eventually(probe: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return probe();
}

describe('API token scopes', () => {
  it('are chosen at creation, write by default, and shown in the list', async () => {
    const ws = await createWorkspace(app.base);
    const plain = await token(ws);
    const read = await token(ws, 'read');
    expect(plain.view.scope).toBe('write');
    expect(read.view.scope).toBe('read');
    const listed = (await ws.owner.get('/api/v1/tokens')).body.items as ApiTokenView[];
    expect(Object.fromEntries(listed.map((t) => [t.id, t.scope]))).toEqual({
      [plain.view.id]: 'write',
      [read.view.id]: 'read',
    });
    const wrong = await ws.owner.post('/api/v1/tokens', { name: 'X', scope: 'admin' });
    expect(wrong.status).toBe(400);
    expect((wrong.body as Problem).errors?.[0].field).toBe('scope');
  });

  it('let a read-only token read but answer 403 to any write, in the member language', async () => {
    const ws = await createWorkspace(app.base);
    const { client } = await token(ws, 'read');
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await client.get('/api/v1/tokens')).status).toBe(200);
    const post = await client.post('/api/v1/teams', { name: 'فريق' });
    expect(post.status).toBe(403);
    expect(post.body as Problem).toMatchObject({
      code: 'token/read_only',
      detail: expect.stringContaining('للقراءة فقط') as string,
    });
    expect((await client.patch('/api/v1/me', { name: 'X' })).status).toBe(403);
    expect((await client.delete(`/api/v1/tokens/${randomUUID()}`)).status).toBe(403);
    // Nothing was written.
    expect((await ws.owner.get('/api/v1/teams')).body.items).toEqual([]);
  });

  it('leave a write token and the session free to write', async () => {
    const ws = await createWorkspace(app.base);
    const { client } = await token(ws, 'write');
    expect((await client.post('/api/v1/teams', { name: 'الدعم' })).status).toBe(201);
    expect((await ws.owner.post('/api/v1/teams', { name: 'الفواتير' })).status).toBe(201);
  });

  it('make tokens older than scopes read-write (the column default)', async () => {
    const ws = await createWorkspace(app.base);
    const [row] = await sql<{ scope: string }>(
      `INSERT INTO api_tokens (id, workspace_id, name, prefix, token_hash)
       VALUES ($1, $2, 'old', 'snd_old', $3) RETURNING scope`,
      [randomUUID(), ws.me.workspace.id, randomUUID()],
    );
    expect(row.scope).toBe('write');
  });
});

describe('API token last use', () => {
  it('is recorded once, not on every request', async () => {
    const ws = await createWorkspace(app.base);
    const { view, client } = await token(ws);
    expect(view.lastUsedAt).toBeNull();
    // The write is not awaited by the request, so it is counted where it is started.
    const service = app.running.app.get(ApiTokensService, { strict: false });
    const repo = (service as unknown as { repo: { touchApiToken(id: string): Promise<void> } })
      .repo;
    const touch = jest.spyOn(repo, 'touchApiToken');
    try {
      for (let i = 0; i < 4; i++) expect((await client.get('/api/v1/me')).status).toBe(200);
      const lastUsed = async () =>
        ((await ws.owner.get('/api/v1/tokens')).body.items as ApiTokenView[]).find(
          (t) => t.id === view.id,
        )?.lastUsedAt ?? null;
      expect(await eventually(async () => (await lastUsed()) !== null)).toBe(true);
      const first = await lastUsed();
      expect(Date.now() - Date.parse(first as string)).toBeLessThan(60_000);
      for (let i = 0; i < 3; i++) expect((await client.get('/api/v1/me')).status).toBe(200);
      expect(await lastUsed()).toBe(first);
      expect(touch.mock.calls.filter(([id]) => id === view.id)).toHaveLength(1);
    } finally {
      touch.mockRestore();
    }
  });
});

describe('API token rate limits', () => {
  it('tell every answer the budget and refuse with 429 and Retry-After beyond it', async () => {
    const ws = await createWorkspace(app.base);
    const { client } = await token(ws);
    const other = await token(ws);

    const first = await client.get('/api/v1/me');
    expect(first.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(first.headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
    const reset = Number(first.headers['ratelimit-reset']);
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(60);

    // A write costs 2.
    const write = await client.post('/api/v1/teams', { name: 'فريق' });
    expect(write.status).toBe(201);
    expect(write.headers['ratelimit-remaining']).toBe(String(LIMIT - 3));
    // An error answer carries the headers too.
    const missing = await client.get(`/api/v1/conversations/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['ratelimit-remaining']).toBe(String(LIMIT - 4));

    for (let spent = 4; spent < LIMIT; spent++)
      expect((await client.get('/api/v1/me')).status).toBe(200);
    const refused = await client.get('/api/v1/me');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((refused.body as Problem).code).toBe('token/rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['ratelimit-remaining']).toBe('0');

    // Another token of the same member and the member's session are not affected.
    const fresh = await other.client.get('/api/v1/me');
    expect(fresh.status).toBe(200);
    expect(fresh.headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
    for (let i = 0; i < LIMIT + 2; i++) {
      const own = await ws.owner.get('/api/v1/me');
      expect(own.status).toBe(200);
      expect(own.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('Idempotency-Key on creating routes', () => {
  function notes(detail: ConversationDetailView): MessageView[] {
    return detail.messages.filter((m) => m.kind === 'note');
  }

  it('replays the first answer for the same key and body, and 409s another body', async () => {
    const ws = await createWorkspace(app.base);
    const key = randomUUID();
    const first = await ws.owner.post(
      '/api/v1/teams',
      { name: 'الدعم' },
      { 'Idempotency-Key': key },
    );
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The same body with its fields in another order is the same request.
    const again = await ws.owner.post(
      '/api/v1/teams',
      { memberIds: undefined, name: 'الدعم' },
      { 'Idempotency-Key': key },
    );
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
    const other = await ws.owner.post(
      '/api/v1/teams',
      { name: 'المبيعات' },
      { 'Idempotency-Key': key },
    );
    expect(other.status).toBe(409);
    expect((other.body as Problem).code).toBe('request/idempotency_conflict');
    // The same key on another route is another request too.
    expect(
      (
        await ws.owner.post(
          '/api/v1/saved-replies',
          { name: 'ر', body: 'ن' },
          { 'Idempotency-Key': key },
        )
      ).status,
    ).toBe(409);
    expect(((await ws.owner.get('/api/v1/teams')).body.items as TeamView[]).length).toBe(1);
  });

  it('makes concurrent duplicates write once', async () => {
    const ws = await createWorkspace(app.base);
    const { conversation } = await open(ws, conversationBody());
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        ws.owner.post(
          `/api/v1/conversations/${conversation.id}/notes`,
          { text: 'ملاحظة واحدة فقط' },
          { 'Idempotency-Key': key },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => (a.body as MessageView).id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    const detail = (await ws.owner.get(`/api/v1/conversations/${conversation.id}`))
      .body as ConversationDetailView;
    expect(notes(detail)).toHaveLength(1);
  });

  it('keeps keys apart per workspace and per credential', async () => {
    const a = await createWorkspace(app.base);
    const b = await createWorkspace(app.base);
    const key = randomUUID();
    const body = { name: 'الدعم' };
    const inA = await a.owner.post('/api/v1/teams', body, { 'Idempotency-Key': key });
    const inB = await b.owner.post('/api/v1/teams', body, { 'Idempotency-Key': key });
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect(inB.headers['idempotent-replayed']).toBeUndefined();
    expect((inB.body as TeamView).id).not.toBe((inA.body as TeamView).id);
    // A token of workspace A is another caller than its owner's session: its own key space.
    const { client } = await token(a);
    const byToken = await client.post(
      '/api/v1/teams',
      { name: 'المبيعات' },
      { 'Idempotency-Key': key },
    );
    expect(byToken.status).toBe(201);
    expect(byToken.headers['idempotent-replayed']).toBeUndefined();
  });

  it('stores nothing for a failed request, so a retry with the key can succeed', async () => {
    const ws = await createWorkspace(app.base);
    const key = randomUUID();
    const missing = `/api/v1/conversations/${randomUUID()}/notes`;
    expect((await ws.owner.post(missing, { text: 'x' }, { 'Idempotency-Key': key })).status).toBe(
      404,
    );
    const rows = await sql('SELECT 1 FROM http_idempotency_keys WHERE key = $1', [key]);
    expect(rows).toEqual([]);
  });

  it('keeps answers that carry a secret sealed, and replays them', async () => {
    const ws = await createWorkspace(app.base);
    const key = randomUUID();
    const first = await ws.owner.post(
      '/api/v1/tokens',
      { name: 'CRM' },
      { 'Idempotency-Key': key },
    );
    const again = await ws.owner.post(
      '/api/v1/tokens',
      { name: 'CRM' },
      { 'Idempotency-Key': key },
    );
    expect([first.status, again.status]).toEqual([201, 201]);
    const { secret } = first.body as CreatedApiTokenView;
    expect((again.body as CreatedApiTokenView).secret).toBe(secret);
    const [row] = await sql<{ response: string; sealed: boolean }>(
      'SELECT response, sealed FROM http_idempotency_keys WHERE key = $1',
      [key],
    );
    expect(row.sealed).toBe(true);
    expect(row.response).not.toContain(secret);
    expect(((await ws.owner.get('/api/v1/tokens')).body.items as ApiTokenView[]).length).toBe(1);
  });

  it('identifies an upload by its file', async () => {
    const ws = await createWorkspace(app.base);
    const key = randomUUID();
    const upload = (data: string) =>
      ws.owner.upload(
        '/api/v1/attachments',
        'فاتورة.txt',
        Buffer.from(data),
        'text/plain',
        {},
        {
          'Idempotency-Key': key,
        },
      );
    const first = await upload('الفاتورة رقم 1');
    const again = await upload('الفاتورة رقم 1');
    expect([first.status, again.status]).toEqual([201, 201]);
    expect((again.body as { id: string }).id).toBe((first.body as { id: string }).id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await upload('الفاتورة رقم 2')).status).toBe(409);
  });

  it('are pruned after a day by the worker, in every table that keeps them', async () => {
    const ws = await createWorkspace(app.base);
    const [old, fresh, person, conversation] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const key = (k: string) => ({ 'Idempotency-Key': k });
    await ws.owner.post('/api/v1/teams', { name: 'أ' }, key(old));
    await ws.owner.post('/api/v1/teams', { name: 'ب' }, key(fresh));
    await ws.owner.post('/api/v1/people', { name: 'سارة' }, key(person));
    await open(ws, conversationBody(), conversation);
    const age = `created_at = now() - interval '25 hours'`;
    await sql(`UPDATE http_idempotency_keys SET ${age} WHERE key = $1`, [old]);
    await sql(`UPDATE contact_idempotency_keys SET ${age} WHERE key = $1`, [person]);
    await sql(`UPDATE idempotency_keys SET ${age} WHERE key = $1`, [conversation]);
    await app.running.app.get(Housekeeping, { strict: false }).pruneIdempotencyKeys();
    const left = await sql<{ key: string }>(
      `SELECT key FROM http_idempotency_keys WHERE key = ANY($1)
       UNION ALL SELECT key FROM contact_idempotency_keys WHERE key = ANY($1)
       UNION ALL SELECT key FROM idempotency_keys WHERE key = ANY($1)`,
      [[old, fresh, person, conversation]],
    );
    expect(left.map((r) => r.key)).toEqual([fresh]);
  });
});
