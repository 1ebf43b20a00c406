import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queue.port';
import { OutboxDispatcher, type OutboxRow } from './outbox.dispatcher';
import { OUTBOX_CHANNEL } from './outbox.writer';

const BATCH = 200;
const POLL_MS = 1000;
const PENDING = `SELECT * FROM outbox WHERE status = 'pending'
  ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
const OVERDUE = `SELECT * FROM outbox
  WHERE status = 'dispatched' AND dispatched_at < now() - ($1 || ' milliseconds')::interval
  ORDER BY dispatched_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;

/**
 * Hands committed outbox events to the queue. Woken by NOTIFY at commit, with polling as a
 * fallback; events dispatched but not confirmed within OUTBOX_REDELIVER_AFTER_MS are dispatched
 * again by the polling pass, so a crash between commit and delivery loses nothing
 * (at-least-once). The pass after each commit reads pending events only: a backlog waiting in
 * the queue is not walked again after every commit.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private overdue = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(databaseUrl: string): Promise<void> {
    this.stopped = false;
    this.listener = new Client({ connectionString: databaseUrl });
    this.listener.on('notification', () => this.kick());
    this.listener.on('error', (error: Error) =>
      this.logger.warn(`outbox listener: ${error.message}`),
    );
    await this.listener.connect();
    await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.timer = setInterval(() => this.kick(true), POLL_MS);
    this.kick(true);
  }

  /** Runs a relay pass now, or right after the current one; `overdue` also sweeps stale events. */
  kick(overdue = false): void {
    if (this.stopped) return;
    this.overdue ||= overdue;
    if (this.running) {
      this.again = true;
      return;
    }
    const sweep = this.overdue;
    this.overdue = false;
    this.running = (sweep ? this.drain() : this.drainPending())
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`outbox relay: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Dispatches every due event, pending or overdue; returns how many were handed over. */
  async drain(): Promise<number> {
    return (await this.drainPending()) + (await this.drainBatches(OVERDUE));
  }

  private drainPending(): Promise<number> {
    return this.drainBatches(PENDING);
  }

  private async drainBatches(select: string): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dispatchBatch(select);
      total += count;
      if (count < BATCH) return total;
    }
  }

  /** Hands a batch to the queue; once that commits, hint consumers get the events directly. */
  private async dispatchBatch(select: string): Promise<number> {
    const rows = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        select,
        select === OVERDUE ? [String(this.config.outboxRedeliverAfterMs)] : [],
      );
      if (rows.length === 0) return [];
      // Events only hints care about (socket broadcasts) are done once handed over; the others
      // become dispatch jobs, confirmed by the dispatcher.
      const jobs: string[] = [];
      const hintsOnly: string[] = [];
      for (const row of rows) (this.dispatcher.needsJob(row.type) ? jobs : hintsOnly).push(row.id);
      if (hintsOnly.length > 0)
        await manager.query(
          `UPDATE outbox SET status = 'done', dispatched_at = now(), done_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`,
          [hintsOnly],
        );
      if (jobs.length > 0)
        await manager.query(
          `UPDATE outbox SET status = 'dispatched', dispatched_at = now(), attempts = attempts + 1 WHERE id = ANY($1)`,
          [jobs],
        );
      // Enqueued before commit: if the queue refuses, the rows stay pending.
      for (const id of jobs) {
        await this.queue.add(
          'outbox.dispatch',
          { outboxId: id },
          { jobId: id, attempts: 8, backoffMs: 500 },
        );
      }
      return rows;
    });
    for (const row of rows) await this.dispatcher.deliverHints(row);
    return rows.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
