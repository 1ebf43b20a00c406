import type {
  CreatedWebhookEndpointView,
  WebhookDeliveryDetailView,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '@sanad/contracts';
import { WEBHOOK_COMPONENT_SCHEMAS, webhookBodySchema } from '@sanad/webhooks';
import Ajv from 'ajv';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { addMember, createWorkspace, sharedTestApp, type HttpSession } from './test-app';
import { WebhookReceiver, status, type ReceivedWebhook } from './webhook-receiver';

/**
 * Webhooks through the real app: admins' endpoints over HTTP, events from the outbox fanned
 * out to deliveries, sent by the worker's deliverer to real receivers on loopback (allowed by
 * WEBHOOK_ALLOWED_HOSTS; the address guard stays on), verified with the `standardwebhooks`
 * library. The retry schedule is shortened; everything else is as in production. A database of
 * its own: another test file's worker would take these deliveries with its own settings.
 */
const app = sharedTestApp({
  scratch: true,
  env: {
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_RETRY_SCHEDULE: '0,0.2,0.2,0.2',
    WEBHOOK_TIMEOUT_MS: '3000',
    WEBHOOK_ENDPOINT_CONCURRENCY: '2',
  },
});

function sql<T = unknown[]>(text: string, params: unknown[] = []): Promise<T> {
  return app.running.app.get(DataSource).query<T>(text, params);
}

const receivers: WebhookReceiver[] = [];
async function receiver(): Promise<WebhookReceiver> {
  const r = await new WebhookReceiver().start();
  receivers.push(r);
  return r;
}
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
});

async function endpoint(
  owner: HttpSession,
  url: string,
  events: string[] = [],
): Promise<CreatedWebhookEndpointView> {
  const res = await owner.post('/api/v1/webhooks', { url, description: 'CRM', events });
  expect(res.status).toBe(201);
  return res.body as CreatedWebhookEndpointView;
}

async function conversation(owner: HttpSession, subject = 'طلب استرجاع'): Promise<string> {
  const res = await owner.post('/api/v1/conversations', {
    contact: { email: `c${Date.now()}${Math.random()}@example.sa`, name: 'سارة' },
    subject,
    text: 'أريد استرجاع المبلغ',
  });
  expect(res.status).toBe(201);
  return res.body.conversation.id as string;
}

async function deliveriesOf(owner: HttpSession, endpointId: string, query = '') {
  const res = await owner.get(`/api/v1/webhook-deliveries?endpointId=${endpointId}${query}`);
  expect(res.status).toBe(200);
  return res.body.items as WebhookDeliveryView[];
}

/** Polls the log until `check` holds (the deliverer records in batches, after the POST). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The OpenAPI document's `x-webhooks` schemas, checked against what receivers really got (their
 * `nullable` is OpenAPI's: turned into JSON Schema's null type for ajv).
 */
function jsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const out = Object.fromEntries(
    Object.entries(rest)
      .filter(([k]) => k !== 'example')
      .map(([k, v]) => [k, jsonSchema(v)]),
  );
  if (!nullable) return out;
  if (out.$ref) return { anyOf: [{ $ref: out.$ref }, { type: 'null' }] };
  const { enum: values, ...typed } = out as { enum?: unknown[]; type?: string };
  return {
    ...typed,
    type: [typed.type, 'null'],
    ...(values ? { enum: [...values, null] } : {}),
  };
}
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
const components = { schemas: jsonSchema(WEBHOOK_COMPONENT_SCHEMAS) };
function schemaErrors(body: string): string[] {
  const payload = JSON.parse(body) as { type: Parameters<typeof webhookBodySchema>[0] };
  // The `$ref`s point into the document's components: give the schema them at its root.
  const schema = { ...(jsonSchema(webhookBodySchema(payload.type)) as object), components };
  const validate = ajv.compile(schema);
  const type = payload.type;
  return validate(payload)
    ? []
    : (validate.errors ?? []).map((e) => `${type} ${e.instancePath} ${e.message}`);
}
afterAll(() => {
  const errors = receivers.flatMap((r) => r.received.flatMap((x) => schemaErrors(x.body)));
  expect(errors).toEqual([]);
});

const ofType = (type: string) => (r: ReceivedWebhook[]) =>
  r.some((x) => JSON.parse(x.body).type === type);

describe('webhook endpoints', () => {
  it('refuses URLs it must not call, unknown events and reserved headers, naming the reason', async () => {
    const { owner } = await createWorkspace(app.base);
    const cases: Array<[string, string]> = [
      ['ftp://example.com/x', 'webhook/url_scheme'],
      ['https://user:pass@example.com/x', 'webhook/url_credentials'],
      [`https://example.com/${'a'.repeat(2001)}`, 'webhook/url_too_long'],
      ['not a url', 'webhook/url_invalid'],
      ['http://10.1.2.3/hook', 'webhook/url_forbidden_address'],
      ['http://169.254.169.254/latest/meta-data', 'webhook/url_forbidden_address'],
      ['http://100.64.0.1/', 'webhook/url_forbidden_address'],
      ['http://[::ffff:10.0.0.1]/', 'webhook/url_forbidden_address'],
      ['http://2130706434/', 'webhook/url_forbidden_address'],
    ];
    for (const [url, code] of cases) {
      const res = await owner.post('/api/v1/webhooks', { url });
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 400, code });
    }
    const events = await owner.post('/api/v1/webhooks', {
      url: 'https://example.com/x',
      events: ['conversation.created', 'ticket.exploded'],
    });
    expect(events.status).toBe(400);
    expect(events.body.code).toBe('webhook/unknown_events');
    expect(events.body.detail).toContain('message.created');
    const header = await owner.post('/api/v1/webhooks', {
      url: 'https://example.com/x',
      headers: { 'Webhook-Signature': 'forged' },
    });
    expect(header.status).toBe(400);
    expect(header.body.code).toBe('webhook/header_not_allowed');
    expect((await owner.get('/api/v1/webhooks')).body.items).toEqual([]);
  });

  it('takes up to 100 endpoints per workspace, also when created at once', async () => {
    const { owner } = await createWorkspace(app.base);
    const r = await receiver();
    const answers = await Promise.all(
      Array.from({ length: 101 }, (_, i) =>
        owner.post('/api/v1/webhooks', { url: `${r.url}/${i}` }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(100);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => [a.status, String(a.body.code)])).toEqual([[422, 'webhook/limit']]);
    expect((await owner.get('/api/v1/webhooks')).body.items).toHaveLength(100);
  });

  it('keeps endpoints to their workspace and to admins', async () => {
    const a = await createWorkspace(app.base);
    const b = await createWorkspace(app.base);
    const r = await receiver();
    const { endpoint: mine } = await endpoint(a.owner, r.url);
    const test = await a.owner.post(`/api/v1/webhooks/${mine.id}/test`);
    expect(test.status).toBe(202);
    for (const path of [
      `/api/v1/webhooks/${mine.id}`,
      `/api/v1/webhooks/${mine.id}/secret`,
      `/api/v1/webhook-deliveries/${test.body.id}`,
    ])
      expect((await b.owner.get(path)).status).toBe(404);
    expect((await b.owner.post(`/api/v1/webhooks/${mine.id}/pause`)).status).toBe(404);
    expect(
      (await b.owner.post(`/api/v1/webhook-deliveries/${test.body.id}/redeliver`)).status,
    ).toBe(404);
    expect((await b.owner.delete(`/api/v1/webhooks/${mine.id}`)).status).toBe(404);
    expect(
      (await b.owner.get(`/api/v1/webhook-deliveries?endpointId=${mine.id}`)).body.items,
    ).toEqual([]);
    const agent = await addMember(app.base, a.owner, 'agent');
    expect((await agent.session.get('/api/v1/webhooks')).status).toBe(403);
    expect((await a.owner.get(`/api/v1/webhooks/${mine.id}`)).status).toBe(200);
  });
});

describe('webhook delivery', () => {
  it('gives no fan-out job to events of a workspace without endpoints, and one once it has one', async () => {
    const { owner, me } = await createWorkspace(app.base);
    const done = async () =>
      sql<Array<{ type: string; atRelay: boolean }>>(
        `SELECT type, done_at = dispatched_at AS "atRelay" FROM outbox
         WHERE workspace_id = $1 AND type = 'contact.created' AND status = 'done'`,
        [me.workspace.id],
      );
    // contact.created (a new person comes with each conversation): only webhooks take it.
    await conversation(owner);
    const [before] = await eventually(done, (rows) => rows.length === 1);
    // Marked done in the relay's own statement: no job was queued for it.
    expect(before.atRelay).toBe(true);
    const r = await receiver();
    await endpoint(owner, r.url, ['contact.created']);
    await conversation(owner);
    await r.until((got) => got.length === 1);
    const rows = await done();
    expect(rows.map((row) => row.atRelay).sort()).toEqual([false, true]);
  });

  it('delivers conversation and message events signed per Standard Webhooks, logged with the answer', async () => {
    const { owner, me } = await createWorkspace(app.base);
    const r = await receiver();
    const created = await endpoint(owner, r.url, ['conversation.created', 'message.created']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const conversationId = await conversation(owner);
    await r.until((got) => got.length >= 2);
    const verified = r.verified(created.secret);
    expect(verified.map((v) => v.type).sort()).toEqual(['conversation.created', 'message.created']);
    const envelope = JSON.parse(r.received[0].body);
    expect(envelope).toMatchObject({ workspaceId: me.workspace.id, seq: expect.any(Number) });
    const created_ = verified.find((v) => v.type === 'conversation.created');
    expect(created_?.data).toMatchObject({
      conversation: { id: conversationId, subject: 'طلب استرجاع', updatedAt: expect.any(String) },
    });
    const message = verified.find((v) => v.type === 'message.created');
    expect(message?.data).toMatchObject({ conversationId, private: false });
    expect(r.received[0].headers['x-sanad-event']).toBeDefined();

    const log = await eventually(
      () => deliveriesOf(owner, created.endpoint.id),
      (items) => items.length === 2 && items.every((d) => d.status === 'succeeded'),
    );
    const first = log.find((d) => d.eventType === 'message.created') as WebhookDeliveryView;
    const detail = (await owner.get(`/api/v1/webhook-deliveries/${first.id}`))
      .body as WebhookDeliveryDetailView;
    const sent = r.received.find((x) => x.id === first.webhookId) as ReceivedWebhook;
    expect(detail.requestBody).toBe(sent.body);
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]).toMatchObject({
      number: 1,
      trigger: 'schedule',
      responseStatus: 200,
      responseBody: 'ok',
    });
    expect(detail.attempts[0].requestHeaders['webhook-id']).toBe(first.webhookId);
    const byId = await deliveriesOf(owner, created.endpoint.id, `&q=${first.webhookId}`);
    expect(byId.map((d) => d.id)).toEqual([first.id]);
    const byResource = await deliveriesOf(owner, created.endpoint.id, `&q=${conversationId}`);
    expect(byResource.map((d) => d.eventType)).toEqual(['conversation.created']);
    expect((await owner.get('/api/v1/webhook-deliveries?q=garbage')).status).toBe(400);
    expect((await owner.get('/api/v1/webhook-deliveries?cursor=bm9wZQ')).status).toBe(400);

    const view = (await owner.get(`/api/v1/webhooks/${created.endpoint.id}`))
      .body as WebhookEndpointView;
    expect(view.health).toMatchObject({ lastStatus: 'succeeded', attempts24h: 2, failures24h: 0 });
  });

  it('delivers form.submitted with the submission, labelled by its version', async () => {
    const { owner } = await createWorkspace(app.base);
    const r = await receiver();
    const created = await endpoint(owner, r.url, ['form.submitted']);
    const form = (await owner.post('/api/v1/forms', { name: 'اتصل بنا' })).body as { id: string };
    const live = await owner.post(`/api/v1/forms/${form.id}/publish`, {});
    const key = (live.body as { key: string }).key;
    const sent = await request(app.base)
      .post(`/public/forms/${key}/submissions`)
      .send({ values: { name: 'منى', email: 'mona@example.sa', message: 'أريد عرض سعر' } });
    expect(sent.status).toBe(201);
    await r.until(ofType('form.submitted'));
    const [event] = r.verified(created.secret);
    expect(event.type).toBe('form.submitted');
    expect(event.data).toMatchObject({
      submission: {
        id: sent.body.id,
        formId: form.id,
        version: 1,
        state: 'new',
        contact: { name: 'منى', email: 'mona@example.sa' },
        conversationId: expect.any(String),
      },
    });
  });

  it('retries a failing receiver with the same webhook-id until it answers 2xx', async () => {
    const { owner } = await createWorkspace(app.base);
    const r = await receiver();
    r.answers = [status(500), status(500), status(500)];
    const { endpoint: ep, secret } = await endpoint(owner, r.url, ['conversation.created']);
    await conversation(owner);
    await r.until((got) => got.length >= 4);
    expect(new Set(r.received.map((x) => x.id)).size).toBe(1);
    expect(r.verified(secret)).toHaveLength(4);
    const [delivery] = await eventually(
      () => deliveriesOf(owner, ep.id),
      (items) => items[0]?.status === 'succeeded',
    );
    expect(delivery.attempts).toBe(4);
  });

  it('honours Retry-After on 429 and stops after the schedule', async () => {
    const { owner } = await createWorkspace(app.base);
    const r = await receiver();
    r.answers = [status(429, { 'retry-after': '1' })];
    const { endpoint: ep } = await endpoint(owner, r.url, ['conversation.created']);
    await conversation(owner);
    await r.until((got) => got.length >= 2);
    expect(r.received[1].at - r.received[0].at).toBeGreaterThanOrEqual(950);

    const down = await receiver();
    down.otherwise = status(503);
    const { endpoint: failing } = await endpoint(owner, down.url, ['conversation.created']);
    await conversation(owner);
    const [given] = await eventually(
      () => deliveriesOf(owner, failing.id),
      (items) => items[0]?.status === 'failed',
    );
    expect(given.attempts).toBe(4);
    expect(given.lastStatusCode).toBe(503);
    expect((await deliveriesOf(owner, ep.id))[0].status).toBe('succeeded');
  });

  it('disables an endpoint that answers 410 Gone, in the audit log; resume starts it again', async () => {
    const { owner } = await createWorkspace(app.base);
    const r = await receiver();
    r.answers = [status(410)];
    const { endpoint: ep } = await endpoint(owner, r.url, ['conversation.created']);
    await conversation(owner);
    const disabled = await eventually(
      async () => (await owner.get(`/api/v1/webhooks/${ep.id}`)).body as WebhookEndpointView,
      (v) => v.status === 'disabled',
    );
    expect(disabled.disabledReason).toBe('gone');
    expect(r.received).toHaveLength(1);
    const audit = await sql<Array<{ action: string }>>(
      'SELECT action FROM audit_log WHERE target_id = $1 ORDER BY created_at',
      [ep.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['webhook.created', 'webhook.disabled']);
    await conversation(owner);
    const resumed = await owner.post(`/api/v1/webhooks/${ep.id}/resume`);
    expect(resumed.body).toMatchObject({ status: 'enabled', disabledReason: null });
    await conversation(owner);
    await r.until((got) => got.length >= 2);
    // The conversation created while it was disabled made no delivery.
    expect((await deliveriesOf(owner, ep.id)).length).toBe(2);
  });

  it('signs with the old and the new secret while a rotation overlaps', async () => {
    const { owner } = await createWorkspace(app.base);
    const r = await receiver();
    const { endpoint: ep, secret: old } = await endpoint(owner, r.url, ['conversation.created']);
    const rotated = await owner.post(`/api/v1/webhooks/${ep.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).not.toBe(old);
    expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(
      Date.now() + 23 * 3600_000,
    );
    await conversation(owner);
    await r.until((got) => got.length >= 1);
    expect(r.received[0].signature.split(' ')).toHaveLength(2);
    expect(r.verified(old)).toHaveLength(1);
    expect(r.verified(fresh)).toHaveLength(1);
    expect((await owner.get(`/api/v1/webhooks/${ep.id}/secret`)).body.secret).toBe(fresh);

    // Once the overlap is over, only the new secret signs.
    await sql(
      "UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1",
      [ep.id],
    );
    await conversation(owner);
    await r.until((got) => got.length >= 2);
    expect(r.received[1].signature.split(' ')).toHaveLength(1);
    expect(() => new Webhook(old).verify(r.received[1].body, headersOf(r.received[1]))).toThrow();
    expect(r.verified(fresh)).toHaveLength(2);
  });

  it('keeps a slow endpoint from delaying another', async () => {
    const { owner } = await createWorkspace(app.base);
    const slow = await receiver();
    const fast = await receiver();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    slow.otherwise = async (_request, res) => {
      await held;
      res.writeHead(200).end();
    };
    await endpoint(owner, slow.url, ['conversation.created']);
    await endpoint(owner, fast.url, ['conversation.created']);
    for (let i = 0; i < 6; i++) await conversation(owner, `slow ${i}`);
    await fast.until((got) => got.length >= 6);
    // The slow receiver holds at most its endpoint's slots (2), the rest wait for them.
    expect(slow.received.length).toBeLessThanOrEqual(2);
    release();
    await slow.until((got) => got.length >= 6);
  });

  it('holds deliveries while paused and sends them on resume; redelivers, replays and tests with the same ids', async () => {
    const { owner } = await createWorkspace(app.base);
    const r = await receiver();
    const { endpoint: ep, secret } = await endpoint(owner, r.url);
    expect((await owner.post(`/api/v1/webhooks/${ep.id}/pause`)).body.status).toBe('paused');
    const conversationId = await conversation(owner);
    await eventually(
      () => deliveriesOf(owner, ep.id),
      (items) => items.length >= 2 && items.every((d) => d.status === 'pending'),
    );
    expect(r.received).toHaveLength(0);
    await owner.post(`/api/v1/webhooks/${ep.id}/resume`);
    await r.until((got) => got.length >= 2);

    const [delivery] = await eventually(
      () => deliveriesOf(owner, ep.id, '&eventType=conversation.created'),
      (items) => items[0]?.status === 'succeeded',
    );
    expect((await owner.post(`/api/v1/webhook-deliveries/${delivery.id}/redeliver`)).status).toBe(
      202,
    );
    await r.until((got) => got.filter((x) => x.id === delivery.webhookId).length === 2);
    const detail = await eventually(
      async () =>
        (await owner.get(`/api/v1/webhook-deliveries/${delivery.id}`))
          .body as WebhookDeliveryDetailView,
      (d) => d.attempts.length === 2,
    );
    expect(detail.attempts.map((a) => a.trigger)).toEqual(['schedule', 'redeliver']);

    // A receiver that fails everything, then a replay of what failed.
    r.otherwise = status(500);
    await owner.patch(`/api/v1/conversations/${conversationId}`, { status: 'closed' });
    // Closing makes three: the update, its status_changed, and the timeline entry's message.
    const failed = await eventually(
      () => deliveriesOf(owner, ep.id, '&status=failed'),
      (items) => items.length >= 3,
    );
    expect(failed.map((d) => d.eventType).sort()).toEqual([
      'conversation.status_changed',
      'conversation.updated',
      'message.created',
    ]);
    const before = r.received.length;
    r.otherwise = status(204);
    const replay = await owner.post(`/api/v1/webhooks/${ep.id}/replay`, {
      since: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect(replay.status).toBe(202);
    expect(replay.body.queued).toBe(failed.length);
    await r.until((got) => got.length >= before + failed.length);
    const replayedIds = r.received.slice(before).map((x) => x.id);
    expect(replayedIds.sort()).toEqual(failed.map((d) => d.webhookId).sort());

    const test = await owner.post(`/api/v1/webhooks/${ep.id}/test`);
    expect(test.body.eventType).toBe('webhook.test');
    // Already on its way, maybe: the deliverer wakes at the commit.
    expect(['pending', 'delivering', 'succeeded']).toContain(test.body.status);
    await r.until(ofType('webhook.test'));
    expect(r.verified(secret).some((v) => v.type === 'webhook.test')).toBe(true);
  });

  it('prunes deliveries older than WEBHOOK_LOG_DAYS', async () => {
    const { owner } = await createWorkspace(app.base);
    const r = await receiver();
    const { endpoint: ep } = await endpoint(owner, r.url);
    await owner.post(`/api/v1/webhooks/${ep.id}/test`);
    const [delivery] = await eventually(
      () => deliveriesOf(owner, ep.id),
      (items) => items[0]?.status === 'succeeded',
    );
    await sql(
      "UPDATE webhook_deliveries SET created_at = now() - interval '31 days' WHERE id = $1",
      [delivery.id],
    );
    await sql(
      `UPDATE webhook_messages SET created_at = now() - interval '31 days'
       WHERE id = (SELECT message_id FROM webhook_deliveries WHERE id = $1)`,
      [delivery.id],
    );
    const { WebhookDeliveriesService } = await import('@sanad/webhooks');
    expect(await app.running.app.get(WebhookDeliveriesService).prune()).toBeGreaterThanOrEqual(1);
    expect(await deliveriesOf(owner, ep.id)).toEqual([]);
    const attempts = await sql<unknown[]>('SELECT 1 FROM webhook_attempts WHERE delivery_id = $1', [
      delivery.id,
    ]);
    expect(attempts).toHaveLength(0);
  });
});

function headersOf(r: ReceivedWebhook): Record<string, string> {
  return { 'webhook-id': r.id, 'webhook-timestamp': r.timestamp, 'webhook-signature': r.signature };
}
