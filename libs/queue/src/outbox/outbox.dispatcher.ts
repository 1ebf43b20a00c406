import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { JobQueue } from '../queue.port';
import type { OutboxConsumer, OutboxEventView } from './outbox.consumer';

export interface OutboxRow {
  id: string;
  workspace_id: string | null;
  seq: string | null;
  type: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  failures: number;
  created_at: Date;
}

/**
 * The `outbox.dispatch` job: runs every consumer that accepts the event, each at most once per
 * event thanks to its receipt, then marks the event done.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger('OutboxDispatcher');
  private readonly consumers: OutboxConsumer[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  register(consumer: OutboxConsumer): void {
    if (!this.consumers.some((c) => c.name === consumer.name)) this.consumers.push(consumer);
  }

  /**
   * Whether an event of this type needs a dispatch job: only when every consumer here that
   * takes it is a hint is it done once the hints are handed over. A type nothing here knows
   * still gets a job, so a process without a consumer never swallows its events.
   */
  needsJob(type: string): boolean {
    const takers = this.consumers.filter((c) => c.accepts(type));
    return takers.length === 0 || takers.some((c) => !c.hint);
  }

  /** Starts taking `outbox.dispatch` jobs in this process. */
  listen(concurrency: number): void {
    this.queue.process<{ outboxId: string }>('outbox.dispatch', concurrency, (data) =>
      this.dispatch(data.outboxId),
    );
  }

  /** The relay's fast path for hint consumers; a failing hint is logged, never retried. */
  async deliverHints(row: OutboxRow): Promise<void> {
    const event = toEvent(row);
    for (const consumer of this.consumers.filter((c) => c.hint && c.accepts(event.type))) {
      await consumer.handle(event, this.dataSource.manager).catch((error: Error) => {
        this.logger.warn(`hint ${consumer.name} failed on ${event.type}: ${error.message}`);
      });
    }
  }

  async dispatch(outboxId: string): Promise<void> {
    const rows = await this.dataSource.query<OutboxRow[]>('SELECT * FROM outbox WHERE id = $1', [
      outboxId,
    ]);
    const row = rows[0];
    if (!row || row.status === 'done') return;
    const event = toEvent(row);
    const takers = this.consumers.filter((c) => !c.hint && c.accepts(event.type));
    for (const [index, consumer] of takers.entries()) {
      const last = index === takers.length - 1;
      try {
        await this.dataSource.transaction(async (manager) => {
          const claimed = await manager.query<unknown[]>(
            'INSERT INTO job_receipts (consumer, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key',
            [consumer.name, event.id],
          );
          if (claimed.length > 0) await consumer.handle(event, manager);
          // Done in the same commit as the last consumer's effects: one durable write, not two.
          if (last) await markDone(manager, event.id);
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.dataSource.query(
          'UPDATE outbox SET last_error = $2, failures = failures + 1 WHERE id = $1',
          [event.id, `${consumer.name}: ${message}`.slice(0, 2000)],
        );
        this.logger.warn(
          `consumer ${consumer.name} failed on ${event.type} ${event.id}: ${message}`,
        );
        throw error;
      }
    }
    if (takers.length === 0) await markDone(this.dataSource.manager, event.id);
  }
}

function markDone(manager: EntityManager, id: string): Promise<unknown> {
  return manager.query(
    `UPDATE outbox SET status = 'done', done_at = now(), last_error = NULL WHERE id = $1`,
    [id],
  );
}

function toEvent(row: OutboxRow): OutboxEventView {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    seq: row.seq === null ? null : Number(row.seq),
    type: row.type,
    payload: row.payload,
    createdAt: row.created_at,
    // A redelivery by the relay means the earlier run died before confirming.
    failures: row.failures + Math.max(row.attempts - 1, 0),
  };
}
