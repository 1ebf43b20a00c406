import { Injectable, Logger } from '@nestjs/common';
import type { EventName } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import { JobQueue } from '../queue.port';
import type { AnyDomainEvent, DomainEvent, OutboxConsumer, OutboxHint } from './outbox.consumer';
import { OutboxRepository } from './outbox.repository';

/**
 * The `outbox.dispatch` job: runs every consumer that takes the event, each at most once per
 * event thanks to its receipt, then marks the event done. Hints get events straight from the
 * relay instead.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger('OutboxDispatcher');
  private readonly consumers: OutboxConsumer[] = [];
  private readonly hints: OutboxHint[] = [];

  constructor(
    private readonly repo: OutboxRepository,
    private readonly tx: TransactionRunner,
    private readonly queue: JobQueue,
  ) {}

  register<K extends EventName>(consumer: OutboxConsumer<K>): void {
    if (!this.consumers.some((c) => c.name === consumer.name)) this.consumers.push(consumer);
  }

  registerHint<K extends EventName>(hint: OutboxHint<K>): void {
    if (!this.hints.some((h) => h.name === hint.name)) this.hints.push(hint);
  }

  /**
   * Whether an event of this type needs a dispatch job: not when only hints take it. A type
   * nothing here knows still gets a job, so a process without a consumer never swallows events.
   */
  needsJob(type: EventName): boolean {
    if (this.consumers.some((c) => c.types.includes(type))) return true;
    return !this.hints.some((h) => h.types.includes(type));
  }

  /** Starts taking `outbox.dispatch` jobs in this process. */
  listen(concurrency: number): void {
    this.queue.process<{ outboxId: string }>('outbox.dispatch', concurrency, (data) =>
      this.dispatch(data.outboxId),
    );
  }

  /** The relay's fast path: each hint gets the batch's events it takes; a failure is logged. */
  async deliverHints(events: DomainEvent[]): Promise<void> {
    for (const hint of this.hints) {
      const taken = events.filter((e) => hint.types.includes(e.type));
      if (taken.length === 0) continue;
      await hint.handle(taken as AnyDomainEvent[]).catch((error: Error) => {
        this.logger.warn(`hint ${hint.name} failed on ${taken.length} events: ${error.message}`);
      });
    }
  }

  async dispatch(outboxId: string): Promise<void> {
    const found = await this.repo.find(outboxId);
    if (!found || found.done) return;
    const { event } = found;
    const takers = this.consumers.filter((c) => c.types.includes(event.type));
    for (const [index, consumer] of takers.entries()) {
      const last = index === takers.length - 1;
      try {
        await this.tx.run(async () => {
          if (await this.repo.claimReceipt(consumer.name, event.id))
            await consumer.handle(event as AnyDomainEvent);
          // Done in the same commit as the last consumer's effects: one durable write, not two.
          if (last) await this.repo.markDone(event.id);
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.repo.recordFailure(event.id, `${consumer.name}: ${message}`);
        this.logger.warn(
          `consumer ${consumer.name} failed on ${event.type} ${event.id}: ${message}`,
        );
        throw error;
      }
    }
    if (takers.length === 0) await this.repo.markDone(event.id);
  }
}
