import { Injectable, Logger } from '@nestjs/common';
import type { EventName } from '@sanad/contracts';
import { TransactionRunner } from '@sanad/database';
import { JobQueue, type JobName } from '../queue.port';
import type { AnyDomainEvent, DomainEvent, OutboxConsumer, OutboxHint } from './outbox.consumer';
import { OutboxRepository } from './outbox.repository';

/**
 * A dispatch job: the event, its type and the consumers to run (older jobs lack the rest). An
 * event whose consumers sit on different queues gets a job on each; `of` then names all of its
 * consumers, and the one that counts itself last done marks the event done.
 */
export interface DispatchJob {
  outboxId: string;
  type?: EventName;
  consumers?: string[];
  of?: string[];
}

/**
 * The `outbox.dispatch` job (and consumers' own queues): runs every consumer of the job, each at
 * most once per event thanks to its receipt, then marks the event done. Hints get events
 * straight from the relay instead.
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
   * Types that need no dispatch job: hints take them and no consumer does. A type nothing here
   * knows still gets a job, so a process without a consumer never swallows events.
   */
  hintOnlyTypes(): EventName[] {
    const types = new Set(this.hints.flatMap((h) => [...h.types]));
    for (const consumer of this.consumers) for (const type of consumer.types) types.delete(type);
    return [...types];
  }

  /** Whether some consumer may act on the event (else it needs no job: see `skips`). */
  wanted(event: DomainEvent): boolean {
    const takers = this.consumers.filter((c) => c.types.includes(event.type));
    return takers.length === 0 || takers.some((c) => !c.skips?.(event));
  }

  /** The consumers that may act on the event (those that surely would not are left out). */
  takersOf(event: DomainEvent): OutboxConsumer[] {
    return this.consumers.filter((c) => c.types.includes(event.type) && !c.skips?.(event));
  }

  /**
   * The jobs an event needs: one per queue its consumers take work from (their own, or
   * `outbox.dispatch`), so fast work never waits behind slow work of the same event.
   */
  jobsOf(event: DomainEvent): Array<{ queue: JobName; job: DispatchJob }> {
    const takers = this.takersOf(event);
    const byQueue = new Map<JobName, string[]>();
    for (const consumer of takers) {
      const queue = consumer.dispatchQueue?.name ?? 'outbox.dispatch';
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), consumer.name]);
    }
    if (byQueue.size === 0)
      return [{ queue: 'outbox.dispatch', job: { outboxId: event.id, type: event.type } }];
    const of = byQueue.size > 1 ? takers.map((c) => c.name) : undefined;
    return [...byQueue].map(([queue, consumers]) => ({
      queue,
      job: { outboxId: event.id, type: event.type, consumers, ...(of ? { of } : {}) },
    }));
  }

  /** Starts taking `outbox.dispatch` jobs (and consumers' own queues) in this process. */
  listen(concurrency: number): void {
    const queues = new Map<JobName, number>([['outbox.dispatch', concurrency]]);
    for (const consumer of this.consumers)
      if (consumer.dispatchQueue)
        queues.set(consumer.dispatchQueue.name, consumer.dispatchQueue.concurrency);
    for (const [name, count] of queues)
      this.queue.process<DispatchJob>(name, count, (data) =>
        this.dispatch(data.outboxId, data.type, data.consumers, data.of),
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

  /**
   * Runs the job's consumers of one event. `type` comes with the job (jobs queued before it did
   * not carry it): an event with one consumer is claimed, handled and marked done in one
   * transaction, the done mark being its receipt. Several consumers, in this job or across the
   * event's jobs (`of` names them all), each keep a receipt of their own and count
   * themselves done on the event in the same commit; the last one marks it done.
   */
  async dispatch(
    outboxId: string,
    type?: EventName,
    consumers?: string[],
    of?: string[],
  ): Promise<void> {
    // The relay names the consumers that may act (a workspace without webhook endpoints leaves
    // the fan-out out); a name this process does not know runs every consumer of the type.
    const named = consumers?.length
      ? this.consumers.filter((c) => consumers.includes(c.name))
      : undefined;
    const chosen = named?.length === consumers?.length ? named : undefined;
    const eventType = type ?? (chosen ? undefined : await this.repo.typeOf(outboxId));
    const takers =
      chosen ?? this.consumers.filter((c) => !!eventType && c.types.includes(eventType));
    // Split across queues: this job's consumers are a share of the event's.
    const needed = chosen && of && of.length > chosen.length ? of.length : takers.length;
    if (takers.length === 1 && needed === 1) return this.dispatchToOne(outboxId, takers[0]);
    if (takers.length === 0) return this.repo.markDone(outboxId);
    for (const consumer of takers) {
      await this.inTransaction(consumer, outboxId, async () => {
        const event = await this.repo.claimReceipt(consumer.name, outboxId);
        if (!event) return;
        await consumer.handle(event as AnyDomainEvent);
        // In the same commit as the effects: the event is done with its last consumer's.
        await this.repo.countConsumerDone(outboxId, needed);
      });
    }
  }

  private dispatchToOne(outboxId: string, consumer: OutboxConsumer): Promise<void> {
    return this.inTransaction(consumer, outboxId, async () => {
      // Locks the row until commit: a second delivery of the job waits, then finds it done.
      const event = await this.repo.claimUndone(outboxId);
      if (event) await consumer.handle(event as AnyDomainEvent);
    });
  }

  /** A consumer's work in one transaction; a failure is counted on the event after rollback. */
  private async inTransaction(
    consumer: OutboxConsumer,
    eventId: string,
    work: () => Promise<void>,
  ): Promise<void> {
    try {
      await this.tx.run(work);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.repo.recordFailure(eventId, `${consumer.name}: ${message}`);
      this.logger.warn(`consumer ${consumer.name} failed on event ${eventId}: ${message}`);
      throw error;
    }
  }
}
