import { Test, type TestingModule } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@sanad/config';
import type { EventName } from '@sanad/contracts';
import {
  DatabaseModule,
  Db,
  TransactionRunner,
  dataSourceOptions,
  runMigrations,
} from '@sanad/database';
import { createScratchDatabase, testRedisUrl, type ScratchDatabase } from '@sanad/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QueueModule } from '../queue.module';
import type { DomainEvent, OutboxConsumer, OutboxHint } from './outbox.consumer';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter, type NewEvent } from './outbox.writer';

/** Test events are not in the event map: their names and payloads are the test's own. */
const testEvent = (
  workspaceId: string | null,
  type: string,
  payload: Record<string, unknown>,
  idempotencyKey?: string,
): NewEvent => ({ workspaceId, type, payload, idempotencyKey }) as unknown as NewEvent;
const keyOf = (event: DomainEvent): string => String((event.payload as { key?: unknown }).key);

/** Records each handled event in a table (exactly-once effect) and counts calls (at-least-once). */
class RecordingConsumer implements OutboxConsumer {
  readonly name = `test-${randomBytes(3).toString('hex')}`;
  readonly types: EventName[];
  calls: string[] = [];

  /** Set once the module exists: effects go through Db, so they join the dispatcher's transaction. */
  db: Db | null = null;

  constructor(type: string) {
    this.types = [type as EventName];
  }

  async handle(event: DomainEvent): Promise<void> {
    this.calls.push(keyOf(event));
    await insertEffect(this.db as Db, keyOf(event), this.name);
  }
}

/** Inside the dispatcher's transaction: the receipt and this effect commit together. */
async function insertEffect(db: Db, key: string, consumer: string): Promise<void> {
  await db.query('INSERT INTO test_outbox_effects (key, consumer) VALUES ($1, $2)', [
    key,
    consumer,
  ]);
}

const drivers: Array<{ name: string; redisUrl: string | null }> = [
  { name: 'in-process', redisUrl: null },
  { name: 'bull', redisUrl: testRedisUrl() },
];

describe.each(drivers)('outbox with the $name driver', ({ name, redisUrl }) => {
  if (name === 'bull' && !redisUrl) {
    // Counted as skipped in the run's summary, not silently left out.
    it.skip('needs REDIS_URL (the Bull driver runs on Redis)', () => undefined);
    return;
  }
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const type = `test.event.${prefix}`;
  // Its own database: other suites' workers would otherwise relay these events without this consumer.
  let db: ScratchDatabase;
  let url: string;

  async function instance(): Promise<TestingModule> {
    const config = loadConfig({
      NODE_ENV: 'test',
      APP_SECRET: 'x'.repeat(32),
      DATA_DIR: '.test-data/outbox',
      OUTBOX_REDELIVER_AFTER_MS: '300',
      REDIS_PREFIX: prefix,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    });
    const module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(url),
        QueueModule.forRoot(config),
      ],
    }).compile();
    await module.init();
    return module;
  }

  async function emit(module: TestingModule, key: string, idempotencyKey?: string): Promise<void> {
    const writer = module.get(OutboxWriter);
    await module.get(TransactionRunner).run(async () => {
      const workspaceId = await newWorkspace(module);
      await writer.write(testEvent(workspaceId, type, { key }, idempotencyKey));
    });
  }

  /** A workspace row, in the transaction open around the call. */
  async function newWorkspace(module: TestingModule): Promise<string> {
    const workspaceId = randomUUID();
    await module
      .get(Db)
      .query(`INSERT INTO workspaces (id, name, slug) VALUES ($1, 'w', $2)`, [
        workspaceId,
        `w-${workspaceId}`,
      ]);
    return workspaceId;
  }

  async function effects(module: TestingModule, key: string): Promise<number> {
    const rows = await module.get(DataSource).query<
      Array<{
        n: number;
      }>
    >('SELECT count(*)::int AS n FROM test_outbox_effects WHERE key = $1', [key]);
    return rows[0].n;
  }

  async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out waiting');
  }

  /** A full worker: relay + dispatcher with the consumers registered. */
  async function worker(...consumers: RecordingConsumer[]): Promise<TestingModule> {
    const module = await instance();
    for (const consumer of consumers) {
      consumer.db = module.get(Db);
      module.get(OutboxDispatcher).register(consumer);
    }
    module.get(OutboxDispatcher).listen(2);
    await module.get(OutboxRelay).start();
    return module;
  }

  beforeAll(async () => {
    db = await createScratchDatabase();
    url = db.url;
    const migrator = new DataSource(dataSourceOptions(url));
    await migrator.initialize();
    await runMigrations(migrator);
    await migrator.destroy();
    const module = await instance();
    await module
      .get(DataSource)
      .query(
        'CREATE TABLE IF NOT EXISTS test_outbox_effects (key text NOT NULL, consumer text NOT NULL, UNIQUE (key, consumer))',
      );
    await module.close();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('delivers an event committed just before the process died, once, after a restart', async () => {
    const consumer = new RecordingConsumer(type);
    const key = randomUUID();
    const crashed = await instance(); // no relay, no dispatcher: the process "dies" right after commit
    await emit(crashed, key);
    await crashed.close();
    const restarted = await worker(consumer);
    try {
      await waitFor(async () => (await effects(restarted, key)) === 1);
      await new Promise((r) => setTimeout(r, 700));
      expect(await effects(restarted, key)).toBe(1);
      expect(consumer.calls.filter((k) => k === key)).toHaveLength(1);
    } finally {
      await restarted.close();
    }
  });

  it('re-dispatches an event handed to the queue but never processed before the crash', async () => {
    const consumer = new RecordingConsumer(type);
    const key = randomUUID();
    const crashed = await instance();
    await emit(crashed, key);
    await crashed.get(OutboxRelay).drain(); // dispatched, but no dispatcher runs in this process
    const [row] = await crashed.get(DataSource).query<
      Array<{
        status: string;
      }>
    >(`SELECT status FROM outbox WHERE payload->>'key' = $1`, [key]);
    expect(row.status).toBe('dispatched');
    await crashed.close();
    const restarted = await worker(consumer);
    try {
      await waitFor(async () => (await effects(restarted, key)) === 1);
      await waitFor(async () => {
        const [done] = await restarted.get(DataSource).query<
          Array<{
            status: string;
          }>
        >(`SELECT status FROM outbox WHERE payload->>'key' = $1`, [key]);
        return done.status === 'done';
      });
      await new Promise((r) => setTimeout(r, 700));
      expect(await effects(restarted, key)).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it('writes one event per idempotency key and runs a re-run job without a second effect', async () => {
    const consumer = new RecordingConsumer(type);
    const key = randomUUID();
    const idempotencyKey = `idem-${key}`;
    const module = await worker(consumer);
    try {
      await emit(module, key, idempotencyKey);
      await emit(module, key, idempotencyKey);
      const rows = await module.get(DataSource).query<
        Array<{
          id: string;
        }>
      >('SELECT id FROM outbox WHERE idempotency_key = $1', [idempotencyKey]);
      expect(rows).toHaveLength(1);
      await waitFor(async () => (await effects(module, key)) === 1);
      // The job delivered again (its ack was lost), with and without the type it carries now.
      await module.get(OutboxDispatcher).dispatch(rows[0].id, type as EventName);
      await module.get(OutboxDispatcher).dispatch(rows[0].id);
      expect(await effects(module, key)).toBe(1);
      expect(consumer.calls.filter((k) => k === key)).toHaveLength(1);
    } finally {
      await module.close();
    }
  });

  it('runs the consumer once when the same job is delivered twice at the same moment', async () => {
    const consumer = new RecordingConsumer(type);
    const key = randomUUID();
    const module = await instance(); // no relay: the test delivers the job itself
    consumer.db = module.get(Db);
    module.get(OutboxDispatcher).register(consumer);
    try {
      await emit(module, key);
      const [row] = await module
        .get(DataSource)
        .query<Array<{ id: string }>>(`SELECT id FROM outbox WHERE payload->>'key' = $1`, [key]);
      const dispatcher = module.get(OutboxDispatcher);
      await Promise.all([
        dispatcher.dispatch(row.id, type as EventName),
        dispatcher.dispatch(row.id, type as EventName),
      ]);
      expect(await effects(module, key)).toBe(1);
      expect(consumer.calls.filter((k) => k === key)).toHaveLength(1);
    } finally {
      await module.close();
    }
  });

  it('leaves out a consumer that surely would not act: the other runs alone, without a receipt', async () => {
    const wanted = new RecordingConsumer(type);
    const skipping = Object.assign(new RecordingConsumer(type), { skips: () => true });
    const key = randomUUID();
    const module = await worker(wanted, skipping);
    try {
      await emit(module, key);
      await waitFor(async () => (await effects(module, key)) === 1);
      const rows = await module.get(DataSource).query<Array<{ status: string; receipts: number }>>(
        `SELECT status, (SELECT count(*)::int FROM job_receipts r WHERE r.key = o.id::text) AS receipts
             FROM outbox o WHERE payload->>'key' = $1`,
        [key],
      );
      expect(rows).toEqual([{ status: 'done', receipts: 0 }]);
      expect(wanted.calls).toEqual([key]);
      expect(skipping.calls).toEqual([]);
    } finally {
      await module.close();
    }
  });

  it('gives an event whose consumers sit on different queues a job on each: the fast one does not wait for the slow one', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = new RecordingConsumer(type);
    const slowHandle = slow.handle.bind(slow);
    slow.handle = async (event) => {
      await gate;
      await slowHandle(event);
    };
    const fast = Object.assign(new RecordingConsumer(type), {
      dispatchQueue: { name: 'webhooks.fanout' as const, concurrency: 2 },
    });
    const key = randomUUID();
    const module = await worker(slow, fast);
    const status = async () =>
      (
        await module
          .get(DataSource)
          .query<Array<{ status: string }>>(
            `SELECT status FROM outbox WHERE payload->>'key' = $1`,
            [key],
          )
      )[0]?.status;
    try {
      await emit(module, key);
      await waitFor(async () => fast.calls.includes(key) && (await effects(module, key)) === 1);
      expect(slow.calls).toEqual([]);
      expect(await status()).toBe('dispatched');
      release();
      await waitFor(async () => (await status()) === 'done');
      expect(await effects(module, key)).toBe(2);
      expect(fast.calls).toEqual([key]);
      expect(slow.calls).toEqual([key]);
    } finally {
      release();
      await module.close();
    }
  });

  it('marks a split event done once when both of its jobs finish at the same moment', async () => {
    const first = new RecordingConsumer(type);
    const second = Object.assign(new RecordingConsumer(type), {
      dispatchQueue: { name: 'webhooks.fanout' as const, concurrency: 2 },
    });
    const module = await instance(); // no relay: the test delivers the jobs itself
    first.db = second.db = module.get(Db);
    const dispatcher = module.get(OutboxDispatcher);
    dispatcher.register(first);
    dispatcher.register(second);
    try {
      for (let round = 0; round < 5; round++) {
        const key = randomUUID();
        await emit(module, key);
        const [row] = await module
          .get(DataSource)
          .query<Array<{ id: string }>>(`SELECT id FROM outbox WHERE payload->>'key' = $1`, [key]);
        const of = [first.name, second.name];
        // Each job twice (a redelivery racing the first), all at once.
        await Promise.all([
          dispatcher.dispatch(row.id, type as EventName, [first.name], of),
          dispatcher.dispatch(row.id, type as EventName, [second.name], of),
          dispatcher.dispatch(row.id, type as EventName, [second.name], of),
          dispatcher.dispatch(row.id, type as EventName, [first.name], of),
        ]);
        const [done] = await module
          .get(DataSource)
          .query<Array<{ status: string }>>('SELECT status FROM outbox WHERE id = $1', [row.id]);
        expect(done.status).toBe('done');
        expect(await effects(module, key)).toBe(2);
      }
    } finally {
      await module.close();
    }
  });

  it('hands events to hint consumers from the relay, without a queue job or a receipt', async () => {
    const hints: string[] = [];
    const hint: OutboxHint = {
      name: `hint-${prefix}`,
      types: [type as EventName],
      handle: async (events) => {
        hints.push(...events.map(keyOf));
      },
    };
    const key = randomUUID();
    const module = await instance(); // a relay but no dispatcher listening to the queue
    module.get(OutboxDispatcher).registerHint(hint);
    try {
      await emit(module, key);
      await module.get(OutboxRelay).drain();
      expect(hints).toEqual([key]);
      const receipts = await module
        .get(DataSource)
        .query<unknown[]>('SELECT 1 FROM job_receipts WHERE consumer = $1', [hint.name]);
      expect(receipts).toHaveLength(0);
    } finally {
      await module.close();
    }
  });

  it('gives events of one workspace increasing sequence numbers', async () => {
    const module = await instance();
    try {
      const writer = module.get(OutboxWriter);
      const seqs = await module.get(TransactionRunner).run(async () => {
        const workspaceId = await newWorkspace(module);
        const out: Array<number | null> = [];
        for (let i = 0; i < 3; i++)
          out.push((await writer.write(testEvent(workspaceId, 'seq.test', {}))).seq);
        // Several at once, one of them a repeat of an earlier idempotency key.
        const key = randomUUID();
        await writer.write(testEvent(workspaceId, 'seq.test', {}, key));
        const batch = await writer.writeAll([
          testEvent(workspaceId, 'seq.test', { n: 1 }),
          testEvent(workspaceId, 'seq.test', { n: 2 }, key),
          testEvent(workspaceId, 'seq.test', { n: 3 }),
        ]);
        expect(batch.map((e) => e.created)).toEqual([true, false, true]);
        return [...out, ...batch.map((e) => e.seq)];
      });
      expect(seqs).toEqual([1, 2, 3, 5, 4, 6]);
    } finally {
      await module.close();
    }
  });

  it('counts failed deliveries on the event, and confirms it in the commit of the effect', async () => {
    const module = await instance(); // no relay: the dispatcher is driven by hand
    const seen: number[] = [];
    const flaky: OutboxConsumer = {
      name: `flaky-${prefix}`,
      types: [`${type}.flaky` as EventName],
      handle: async (event) => {
        seen.push(event.failures);
        await insertEffect(module.get(Db), keyOf(event), 'flaky');
        if (seen.length < 3) throw new Error('not yet');
      },
    };
    module.get(OutboxDispatcher).register(flaky);
    try {
      const key = randomUUID();
      const written = await module
        .get(OutboxWriter)
        .write(testEvent(null, `${type}.flaky`, { key }));
      const dispatcher = module.get(OutboxDispatcher);
      await expect(dispatcher.dispatch(written.id)).rejects.toThrow('not yet');
      await expect(dispatcher.dispatch(written.id)).rejects.toThrow('not yet');
      await dispatcher.dispatch(written.id);
      expect(seen).toEqual([0, 1, 2]);
      const [row] = await module
        .get(DataSource)
        .query<Array<{ status: string; failures: number; last_error: string | null }>>(
          'SELECT status, failures, last_error FROM outbox WHERE id = $1',
          [written.id],
        );
      expect(row).toEqual({ status: 'done', failures: 2, last_error: null });
      // The failed tries left no effect behind; the one that succeeded left exactly one.
      expect(await effects(module, key)).toBe(1);
    } finally {
      await module.close();
    }
  });

  it('inserts rows and their events in one statement, or neither', async () => {
    const module = await instance();
    try {
      const db = module.get(DataSource);
      const writer = module.get(OutboxWriter);
      await db.query('CREATE TABLE IF NOT EXISTS test_outbox_rows (id uuid PRIMARY KEY, n int)');
      const ids = [randomUUID(), randomUUID()];
      const insert = (rows: string[]) => ({
        sql: `INSERT INTO test_outbox_rows (id, n) SELECT id, 1 FROM unnest($1::uuid[]) AS id RETURNING id`,
        params: [rows],
      });
      const event = {
        type: `${type}.row` as EventName,
        payloadKey: 'rowId',
      } as unknown as Parameters<OutboxWriter['insertWithEvents']>[1];
      expect(await writer.insertWithEvents(insert(ids), event)).toEqual(ids);
      const events = await db.query<Array<{ payload: { rowId: string }; seq: string | null }>>(
        'SELECT payload, seq FROM outbox WHERE type = $1 ORDER BY payload->>$2',
        [event.type, 'rowId'],
      );
      expect(events.map((e) => e.payload.rowId).sort()).toEqual([...ids].sort());
      expect(events.every((e) => e.seq === null)).toBe(true);
      // A repeated id fails the insert: no row and no event for the new one either.
      const fresh = randomUUID();
      await expect(writer.insertWithEvents(insert([fresh, ids[0]]), event)).rejects.toThrow();
      const after = await db.query<unknown[]>(
        `SELECT 1 FROM outbox WHERE type = $1 AND payload->>'rowId' = $2`,
        [event.type, fresh],
      );
      expect(after).toHaveLength(0);
    } finally {
      await module.close();
    }
  });
});
