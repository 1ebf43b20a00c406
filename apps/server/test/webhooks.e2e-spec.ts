import type {
  CreatedWebhookEndpointView,
  WebhookDeliveryDetailView,
  WebhookDeliveryView,
} from '@sanad/contracts';
import { createScratchDatabase, type ScratchDatabase } from '@sanad/testing';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { createWorkspace, type HttpSession } from './test-app';
import { WebhookReceiver, type Answer } from './webhook-receiver';

/**
 * Webhooks across real processes: the built server's API and its worker run as separate
 * processes on one database, deliveries go to real receivers on loopback and are verified with
 * the `standardwebhooks` library. A receiver that goes down and comes back, a worker killed
 * between the POST and recording its answer, and a worker stopped gracefully mid-delivery: every
 * event arrives, under one `webhook-id` each, and the log ends with all of them succeeded.
 */
const SETTINGS = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_RETRY_SCHEDULE: '0,0.3,0.5,1,1,1,1,1',
  WEBHOOK_TIMEOUT_MS: '1000',
};
/** How long a taken delivery stays the worker's: 2 × WEBHOOK_TIMEOUT_MS + 2 s. */
const LEASE_MS = 2 * 1000 + 2000;

let database: ScratchDatabase;
let api: SpawnedServer;
let worker: SpawnedServer;

function startWorker(): Promise<SpawnedServer> {
  return spawnServer({ ...SETTINGS, ...api.installation, SANAD_ROLES: 'worker' });
}

beforeAll(async () => {
  // A database of its own: the deliverers of other test files' servers (other settings, no
  // loopback allowed) would otherwise take these deliveries too.
  database = await createScratchDatabase();
  api = await spawnServer({ ...SETTINGS, SANAD_ROLES: 'api', DATABASE_URL: database.url });
  worker = await startWorker();
}, 60_000);

const receivers: WebhookReceiver[] = [];
async function receiver(): Promise<WebhookReceiver> {
  const r = await new WebhookReceiver().start();
  receivers.push(r);
  return r;
}

afterAll(async () => {
  expect(await worker?.stop()).toBe(0);
  expect(await api?.stop()).toBe(0);
  await Promise.all(receivers.map((r) => r.stop()));
  await database?.drop();
});

async function endpoint(owner: HttpSession, url: string): Promise<CreatedWebhookEndpointView> {
  const res = await owner.post('/api/v1/webhooks', { url, events: ['conversation.created'] });
  expect(res.status).toBe(201);
  return res.body as CreatedWebhookEndpointView;
}

async function conversation(owner: HttpSession, subject: string): Promise<string> {
  const res = await owner.post('/api/v1/conversations', {
    contact: { email: `c${Date.now()}${Math.random()}@example.sa`, name: 'سارة' },
    subject,
    text: 'أريد استرجاع المبلغ',
  });
  expect(res.status).toBe(201);
  return res.body.conversation.id as string;
}

/** The endpoint's whole log, every page. */
async function deliveriesOf(
  owner: HttpSession,
  endpointId: string,
): Promise<WebhookDeliveryView[]> {
  const items: WebhookDeliveryView[] = [];
  let cursor: string | null = null;
  do {
    const page = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await owner.get(
      `/api/v1/webhook-deliveries?endpointId=${endpointId}&limit=100${page}`,
    );
    expect(res.status).toBe(200);
    items.push(...(res.body.items as WebhookDeliveryView[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return items;
}

/** Polls until `check` holds (the deliverer records in batches, after the POST). */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const allSucceeded = (count: number) => (items: WebhookDeliveryView[]) =>
  items.length === count && items.every((d) => d.status === 'succeeded');

/** The conversation ids of the verified bodies (each request's signature is checked). */
function conversationsIn(r: WebhookReceiver, secret: string): string[] {
  const ids = r.verified(secret).map((v) => (v.data.conversation as { id: string }).id);
  return [...new Set(ids)].sort();
}

/** Deliveries made while the endpoint is paused: they go out together on resume. */
async function pausedBacklog(owner: HttpSession, endpointId: string, count: number) {
  expect((await owner.post(`/api/v1/webhooks/${endpointId}/pause`)).status).toBe(200);
  const created: string[] = [];
  for (let i = 0; i < count; i++) created.push(await conversation(owner, `backlog ${i}`));
  await eventually(
    () => deliveriesOf(owner, endpointId),
    (items) => items.length === count,
  );
  return created;
}

describe('webhooks across processes', () => {
  it('loses nothing when the receiver goes down mid-stream and comes back on its port', async () => {
    const { owner } = await createWorkspace(api.url);
    const r = await receiver();
    const { endpoint: ep, secret } = await endpoint(owner, r.url);
    const total = 100;
    const created: string[] = [];
    // Four clients side by side, as integrations and agents would be.
    const producing = Promise.all(
      Array.from({ length: 4 }, async (_, lane) => {
        for (let i = 0; i < total / 4; i++)
          created.push(await conversation(owner, `stream ${lane}.${i}`));
      }),
    );
    producing.catch(() => undefined);

    await r.until((got) => got.length >= 15);
    await r.stop();
    const whileUp = created.length;
    // Down until attempts were refused and more events were made meanwhile.
    await eventually(
      () => deliveriesOf(owner, ep.id),
      (items) =>
        created.length >= whileUp + 10 &&
        items.some((d) => d.status === 'pending' && d.attempts >= 1 && d.lastError !== null),
    );
    await r.start();
    await producing;

    const log = await eventually(() => deliveriesOf(owner, ep.id), allSucceeded(total));
    expect(log.some((d) => d.attempts > 1)).toBe(true);
    const ids = [...new Set(r.received.map((x) => x.id))].sort();
    expect(ids).toEqual(log.map((d) => d.webhookId).sort());
    expect(conversationsIn(r, secret)).toEqual([...created].sort());
  });

  it('sends a delivery again under its webhook-id when the worker dies between the POST and recording the answer', async () => {
    const { owner } = await createWorkspace(api.url);
    const r = await receiver();
    const { endpoint: ep, secret } = await endpoint(owner, r.url);
    const created = await pausedBacklog(owner, ep.id, 4);

    const killed = worker;
    const dead = new Promise<void>((resolve) => killed.process.once('exit', () => resolve()));
    const killThenAnswer: Answer = async (_request, res) => {
      killed.process.kill('SIGKILL');
      await dead;
      res.writeHead(200).end('ok');
    };
    r.answers = [killThenAnswer];
    expect((await owner.post(`/api/v1/webhooks/${ep.id}/resume`)).status).toBe(200);
    await r.until((got) => got.length >= 1);
    await dead;
    expect(await killed.stop()).toBeNull();
    const first = r.received[0];
    // Events made while no worker runs wait in the outbox.
    for (let i = 0; i < 2; i++) created.push(await conversation(owner, `while down ${i}`));

    worker = await startWorker();
    await r.until((got) => got.filter((x) => x.id === first.id).length >= 2);
    const again = r.received.filter((x) => x.id === first.id)[1];
    expect(again.body).toBe(first.body);
    expect(again.at - first.at).toBeGreaterThanOrEqual(LEASE_MS - 1000);

    const log = await eventually(() => deliveriesOf(owner, ep.id), allSucceeded(6));
    const ids = [...new Set(r.received.map((x) => x.id))].sort();
    expect(ids).toEqual(log.map((d) => d.webhookId).sort());
    expect(conversationsIn(r, secret)).toEqual([...created].sort());
    // The killed attempt was never recorded; the one that was is the resend's.
    const resent = log.find((d) => d.webhookId === first.id) as WebhookDeliveryView;
    const detail = (await owner.get(`/api/v1/webhook-deliveries/${resent.id}`))
      .body as WebhookDeliveryDetailView;
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]).toMatchObject({ number: 1, responseStatus: 200 });
    expect(detail.attempts[0].requestHeaders['webhook-id']).toBe(first.id);
    expect(detail.attempts[0].requestHeaders['webhook-timestamp']).toBe(again.timestamp);
  });

  it('records the attempts in flight when the worker is stopped gracefully, and sends none twice', async () => {
    const { owner } = await createWorkspace(api.url);
    const r = await receiver();
    const { endpoint: ep, secret } = await endpoint(owner, r.url);
    const created = await pausedBacklog(owner, ep.id, 4);

    const stopping = worker;
    let shutdown: Promise<void> | undefined;
    // SIGTERM, and back once the worker says it is shutting down.
    const shutDown = (): Promise<void> =>
      (shutdown ??= (async () => {
        void stopping.stop();
        while (!stopping.output().includes('received SIGTERM'))
          await new Promise((resolve) => setTimeout(resolve, 5));
      })());
    // Each answer comes after the worker began shutting down.
    r.otherwise = async (_request, res) => {
      await shutDown();
      res.writeHead(200).end('ok');
    };
    expect((await owner.post(`/api/v1/webhooks/${ep.id}/resume`)).status).toBe(200);
    await r.until((got) => got.length >= 1);
    await shutDown();
    expect(await stopping.stop()).toBe(0);

    // No worker runs now: what was sent is already recorded, what was not still waits.
    const sent = new Set(r.received.map((x) => x.id));
    expect(sent.size).toBe(r.received.length);
    const log = await deliveriesOf(owner, ep.id);
    for (const delivery of log)
      expect({
        id: delivery.webhookId,
        status: delivery.status,
        attempts: delivery.attempts,
      }).toEqual(
        sent.has(delivery.webhookId)
          ? { id: delivery.webhookId, status: 'succeeded', attempts: 1 }
          : { id: delivery.webhookId, status: 'pending', attempts: 0 },
      );

    worker = await startWorker();
    const done = await eventually(() => deliveriesOf(owner, ep.id), allSucceeded(4));
    expect(done.every((d) => d.attempts === 1)).toBe(true);
    expect(r.received).toHaveLength(4);
    expect(conversationsIn(r, secret)).toEqual([...created].sort());
  });
});
