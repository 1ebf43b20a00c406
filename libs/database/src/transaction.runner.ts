import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DataSource,
  type DeepPartial,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';

/**
 * The transaction open around the current call, if any (bound by TransactionRunner). Work
 * scheduled from inside a transaction (a timer, an in-process job) inherits the context after
 * the transaction ended: `open` turns false at the end, so such work runs outside it.
 */
const context = new AsyncLocalStorage<{ manager: EntityManager; open: boolean }>();

function openManager(): EntityManager | undefined {
  const store = context.getStore();
  return store?.open ? store.manager : undefined;
}

async function within<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  const store = { manager, open: true };
  try {
    return await context.run(store, work);
  } finally {
    store.open = false;
  }
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
    return this.dataSource.transaction((manager) => within(manager, work));
  }

  /** Reads that must see one moment (a conversation and its messages): one snapshot. */
  snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (openManager()) return work();
    return this.dataSource.transaction('REPEATABLE READ', (manager) => within(manager, work));
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
@Injectable()
export class Db {
  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return openManager() ?? this.dataSource.manager;
  }

  /** Always the pool: statements that must commit apart from the caller's transaction. */
  get pool(): EntityManager {
    return this.dataSource.manager;
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

  /** Whether PostgreSQL answers (readiness). */
  async ping(): Promise<boolean> {
    return this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
  }
}
