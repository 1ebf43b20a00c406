import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { PgNotices, TransactionRunner } from '@sanad/database';
import { JobQueue, type JobName, type JobOptions } from '../queue.port';
import type { DomainEvent } from './outbox.consumer';
import { OutboxDispatcher, type DispatchJob } from './outbox.dispatcher';
import { OUTBOX_CHANNEL, OutboxRepository, RELAY_BATCH } from './outbox.repository';

const POLL_MS = 1000;

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
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private overdue = false;
  private stopped = true;
  /** When a relay pass last finished without an error (the worker's health). */
  private lastGoodPass = 0;

  constructor(
    private readonly repo: OutboxRepository,
    private readonly tx: TransactionRunner,
    private readonly queue: JobQueue,
    private readonly dispatcher: OutboxDispatcher,
    private readonly notices: PgNotices,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.unsubscribe = await this.notices.subscribe(OUTBOX_CHANNEL, {
      notice: () => this.kick(),
      // Back after a break: commits made meanwhile sent notices nobody heard.
      reset: (listening) => listening && this.kick(true),
    });
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
    this.running = (sweep ? this.drain() : this.drainBatches('pending'))
      .then(() => {
        this.lastGoodPass = Date.now();
      })
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
    return (await this.drainBatches('pending')) + (await this.drainBatches('overdue'));
  }

  private async drainBatches(kind: 'pending' | 'overdue'): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dispatchBatch(kind);
      total += count;
      if (count < RELAY_BATCH) return total;
    }
  }

  /** Hands a batch to the queue; once that commits, hint consumers get the events directly. */
  private async dispatchBatch(kind: 'pending' | 'overdue'): Promise<number> {
    const events = await this.tx.run(async () => {
      const { events, jobs } = await this.repo.takeDue(
        kind,
        this.config.outboxRedeliverAfterMs,
        this.dispatcher.hintOnlyTypes(),
      );
      // Events no consumer wants (no webhook endpoint in their workspace) are done already.
      const byId = new Map(events.map((e) => [e.id, e]));
      const unwanted = jobs.filter(
        ({ id }) => !this.dispatcher.wanted(byId.get(id) as DomainEvent),
      );
      if (unwanted.length > 0) await this.repo.markAllDone(unwanted.map((j) => j.id));
      // Enqueued before commit: if the queue refuses, the rows stay pending.
      const byQueue = new Map<JobName, Array<{ data: DispatchJob; options: JobOptions }>>();
      for (const { id } of jobs.filter((j) => !unwanted.includes(j)))
        for (const { queue, job } of this.dispatcher.jobsOf(byId.get(id) as DomainEvent)) {
          const list = byQueue.get(queue) ?? [];
          list.push({ data: job, options: { jobId: id, attempts: 8, backoffMs: 500 } });
          byQueue.set(queue, list);
        }
      await Promise.all([...byQueue].map(([queue, list]) => this.queue.addMany(queue, list)));
      return events;
    });
    if (events.length > 0) await this.dispatcher.deliverHints(events);
    return events.length;
  }

  /** Whether a relay pass succeeded within this many milliseconds. */
  healthy(withinMs: number): boolean {
    return !this.stopped && Date.now() - this.lastGoodPass < withinMs;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
