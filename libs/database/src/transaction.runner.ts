import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool } from 'pg';
import {
  DataSource,
  type DeepPartial,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { NO_JIT } from './data-source.factory';
import { NulFreeClient } from './nul-free.client';
import { PgNotices } from './pg-notices';

/**
 * The transaction open around the current call, if any (bound by TransactionRunner). Work
 * scheduled from inside a transaction (a timer, an in-process job) inherits the context after
 * the transaction ended: `open` turns false at the end, so such work runs outside it.
 */
const context = new AsyncLocalStorage<TransactionContext>();

interface TransactionContext {
  manager: EntityManager;
  open: boolean;
  /** Run once the transaction committed (never after a rollback). */
  afterCommit: Array<() => void>;
}

function openContext(): TransactionContext | undefined {
  const store = context.getStore();
  return store?.open ? store : undefined;
}

function openManager(): EntityManager | undefined {
  return openContext()?.manager;
}

async function transaction<T>(
  dataSource: DataSource,
  // No level = the server's default (READ COMMITTED) without a SET TRANSACTION round trip.
  isolation: 'REPEATABLE READ' | null,
  work: () => Promise<T>,
): Promise<T> {
  const afterCommit: Array<() => void> = [];
  const body = async (manager: EntityManager): Promise<T> => {
    const store = { manager, open: true, afterCommit };
    try {
      return await context.run(store, work);
    } finally {
      store.open = false;
    }
  };
  const result = await (isolation
    ? dataSource.transaction(isolation, body)
    : dataSource.transaction(body));
  for (const done of afterCommit) done();
  return result;
}

/**
 * Says "these calls are one transaction" without handing a manager around: the transaction is
 * bound to the async context, and every repository called inside it (through `Db`) joins it.
 * A `run` inside another `run` joins the outer transaction.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    if (openManager()) return work();
    return transaction(this.dataSource, null, work);
  }

  /** Reads that must see one moment (a conversation and its messages): one snapshot. */
  snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (openManager()) return work();
    return transaction(this.dataSource, 'REPEATABLE READ', work);
  }

  /** Work that commits on its own even when called inside a transaction. */
  outside<T>(work: () => Promise<T>): Promise<T> {
    return context.exit(work);
  }

  /** Whether a transaction is open around this call. */
  get active(): boolean {
    return openManager() !== undefined;
  }
}

/**
 * What repositories talk to PostgreSQL through: the transaction open around the call, else the
 * pool (each statement its own transaction). Only repositories inject it.
 */
/** What `Db.pool` gives: plain statements, their rows. */
export interface ApartStatements {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

@Injectable()
export class Db implements OnModuleDestroy {
  private apartPool: Pool | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: PgNotices,
  ) {}

  get manager(): EntityManager {
    return openManager() ?? this.dataSource.manager;
  }

  /**
   * Statements that must commit apart from the caller's transaction (a conversation's number,
   * a failure record), on a few connections of their own: a transaction waiting for one never
   * waits for the pool it holds a connection of, so a busy pool cannot stall on itself.
   */
  get pool(): ApartStatements {
    return {
      query: async <T>(sql: string, params: unknown[] = []): Promise<T> =>
        (await this.apart().query(sql, params)).rows as T,
    };
  }

  private apart(): Pool {
    const options = this.dataSource.options as PostgresConnectionOptions;
    if (!this.apartPool) {
      this.apartPool = new Pool({
        connectionString: options.url,
        max: 4,
        application_name: 'sanad-apart',
        Client: NulFreeClient,
        options: NO_JIT,
      });
      // An idle connection that dies (PostgreSQL restarted) is dropped; the next query opens a
      // fresh one. Unhandled, the pool's error event would end the process.
      this.apartPool.on('error', () => undefined);
    }
    return this.apartPool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.apartPool?.end();
  }

  query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return this.manager.query<T>(sql, params);
  }

  /**
   * Rows of a data-changing statement with RETURNING. TypeORM answers UPDATE and DELETE with
   * `[rows, rowCount]` but INSERT with the rows alone; this gives the rows either way.
   */
  async returning<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.manager.query<unknown>(sql, params);
    if (
      Array.isArray(result) &&
      result.length === 2 &&
      Array.isArray(result[0]) &&
      typeof result[1] === 'number'
    )
      return result[0] as T[];
    return result as T[];
  }

  /**
   * Inserts a new row and returns the entity with its database defaults (created_at, ...) filled
   * in. Unlike `save`, it does not first SELECT by id to decide between INSERT and UPDATE: the id
   * is new, and hot paths (every email, every reply) should not pay for that read.
   */
  async insertNew<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    data: DeepPartial<T>,
  ): Promise<T> {
    const entity = this.manager.create(target, data);
    await this.manager.insert(target, entity);
    return entity;
  }

  /**
   * NOTIFY on a channel, sent at commit of the open transaction. This process's subscribers hear
   * it right after the commit, before the caller answers (other processes a moment later).
   */
  async notify(channel: string, payload: string): Promise<void> {
    await this.manager.query('SELECT pg_notify($1, $2)', [channel, payload]);
    const deliver = () => this.notices.deliver(channel, payload);
    const open = openContext();
    if (open) open.afterCommit.push(deliver);
    else deliver();
  }

  /** Whether PostgreSQL answers (readiness). */
  async ping(): Promise<boolean> {
    return this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
  }
}
