import {
  Body,
  Controller,
  Injectable,
  Post,
  type CanActivate,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@sanad/config';
import { DatabaseModule, TransactionRunner } from '@sanad/database';
import { DomainError } from '@sanad/core';
import { Seed, testDatabaseUrl, testDir } from '@sanad/testing';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { IdempotencyModule } from './idempotency.module';
import { IdempotentRequests, type IdempotentCall } from './idempotent-requests.service';
import { Idempotent } from './idempotent.decorator';

let workspaceId: string;
let created = 0;

/** Stands in for the auth guards: the caller is a member of the test workspace. */
@Injectable()
class TestPrincipal implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<{ user?: unknown }>();
    req.user = { workspaceId, userId: randomUUID(), via: 'token', tokenId: 'token-1' };
    return true;
  }
}

@Controller('things')
class ThingsController {
  constructor(private readonly tx: TransactionRunner) {}

  @Post()
  @Idempotent()
  create(@Body() body: { name: string }): { name: string; n: number; inTransaction: boolean } {
    return { name: body.name, n: ++created, inTransaction: this.tx.active };
  }
}

describe('idempotent requests', () => {
  let app: INestApplication;
  let requests: IdempotentRequests;
  let dataSource: DataSource;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(
          loadConfig({
            APP_SECRET: 'test-secret-test-secret-test-secret-0123',
            DATA_DIR: testDir('idempotency'),
          }),
        ),
        DatabaseModule.forRoot(testDatabaseUrl()),
        IdempotencyModule,
      ],
      controllers: [ThingsController],
      providers: [{ provide: APP_GUARD, useClass: TestPrincipal }],
    }).compile();
    app = module.createNestApplication();
    await app.init();
    requests = app.get(IdempotentRequests);
    dataSource = app.get(DataSource);
    workspaceId = (await new Seed(dataSource).workspace()).id;
  });
  afterAll(() => app?.close());

  const post = (body: object, key?: string) => {
    const test = request(app.getHttpServer() as Server).post('/things');
    return (key ? test.set('Idempotency-Key', key) : test).send(body);
  };

  it('runs the handler inside the transaction that holds the key, and replays its answer', async () => {
    const key = randomUUID();
    const first = await post({ name: 'a' }, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'a', inTransaction: true });
    const again = await post({ name: 'a' }, key);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const plain = await post({ name: 'a' });
    expect(plain.body).toMatchObject({ inTransaction: false });
  });

  it('makes a concurrent duplicate wait for the first and then replay it', async () => {
    const call: IdempotentCall = {
      workspaceId,
      caller: 'token:concurrent',
      key: randomUUID(),
      requestHash: 'h',
      status: 201,
      secret: false,
    };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    let runs = 0;
    const first = requests.run(call, async () => {
      runs++;
      started();
      await gate;
      return { id: 'first' };
    });
    await holding; // the first holds the key now
    const second = requests.run(call, async () => {
      runs++;
      return { id: 'second' };
    });
    // The second waits on the key's row lock, held by the first's open transaction.
    const waiting = async () =>
      (
        await dataSource.query<unknown[]>(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO http_idempotency_keys%'`,
        )
      ).length > 0;
    const until = Date.now() + 5000;
    while (!(await waiting()) && Date.now() < until) await new Promise((r) => setImmediate(r));
    expect(await waiting()).toBe(true);
    release();
    expect(await first).toEqual({ body: { id: 'first' }, replayed: false });
    expect(await second).toEqual({ body: { id: 'first' }, replayed: true });
    expect(runs).toBe(1);
  });

  it('refuses the same key with another request', async () => {
    const call: IdempotentCall = {
      workspaceId,
      caller: 'token:conflict',
      key: randomUUID(),
      requestHash: 'one',
      status: 201,
      secret: false,
    };
    await requests.run(call, async () => 'first');
    const conflict = await requests
      .run({ ...call, requestHash: 'two' }, async () => 'second')
      .catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(DomainError);
    expect((conflict as DomainError).code).toBe('request/idempotency_conflict');
    // Another caller's same key is its own.
    expect(
      await requests.run({ ...call, caller: 'user:x', requestHash: 'two' }, async () => 'mine'),
    ).toEqual({ body: 'mine', replayed: false });
  });

  it('gives the key back when the work fails, so the next attempt runs', async () => {
    const call: IdempotentCall = {
      workspaceId,
      caller: 'token:failing',
      key: randomUUID(),
      requestHash: 'h',
      status: 201,
      secret: false,
    };
    await expect(
      requests.run(call, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await requests.run(call, async () => 'ok')).toEqual({ body: 'ok', replayed: false });
  });
});
