import { AsyncResource } from 'node:async_hooks';
import type { JobHandler, JobName, JobOptions } from './queue.port';
import { JobQueue } from './queue.port';

interface PendingJob {
  name: JobName;
  data: unknown;
  options: Required<JobOptions>;
  attempt: number;
}

/**
 * Jobs run in this process with retries and exponential backoff. Nothing is kept across a
 * restart: durability comes from the outbox, which re-dispatches what was not confirmed.
 */
export class InProcessQueue extends JobQueue {
  readonly driver = 'in-process' as const;
  private readonly handlers = new Map<
    JobName,
    { handler: JobHandler<unknown>; concurrency: number }
  >();
  private readonly waiting = new Map<JobName, PendingJob[]>();
  private readonly running = new Map<JobName, number>();
  private readonly knownIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** Jobs run in the context the queue was made in, not in the one of whoever added them. */
  private readonly scope = new AsyncResource('InProcessQueue');

  constructor(
    private readonly onError: (error: unknown, job: { name: string; id: string }) => void = () =>
      undefined,
  ) {
    super();
  }

  async add<T>(name: JobName, data: T, options: JobOptions): Promise<void> {
    // Ids are per queue, as in Bull: one event may have a job on each of several queues.
    if (this.closed || this.knownIds.has(`${name} ${options.jobId}`)) return;
    this.knownIds.add(`${name} ${options.jobId}`);
    this.enqueue({ name, data, attempt: 1, options: { attempts: 5, backoffMs: 1000, ...options } });
  }

  async addMany<T>(name: JobName, jobs: Array<{ data: T; options: JobOptions }>): Promise<void> {
    for (const job of jobs) await this.add(name, job.data, job.options);
  }

  process<T>(name: JobName, concurrency: number, handler: JobHandler<T>): void {
    this.handlers.set(name, { handler: handler as JobHandler<unknown>, concurrency });
    this.pump(name);
  }

  async healthy(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const deadline = Date.now() + 5000;
    while ([...this.running.values()].some((n) => n > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private enqueue(job: PendingJob): void {
    const list = this.waiting.get(job.name) ?? [];
    list.push(job);
    this.waiting.set(job.name, list);
    this.pump(job.name);
  }

  private pump(name: JobName): void {
    const registered = this.handlers.get(name);
    const list = this.waiting.get(name);
    if (!registered || !list) return;
    while (
      !this.closed &&
      list.length > 0 &&
      (this.running.get(name) ?? 0) < registered.concurrency
    ) {
      const job = list.shift() as PendingJob;
      this.running.set(name, (this.running.get(name) ?? 0) + 1);
      void this.scope.runInAsyncScope(() => this.run(job, registered.handler));
    }
  }

  private async run(job: PendingJob, handler: JobHandler<unknown>): Promise<void> {
    try {
      await handler(job.data, job.attempt);
      this.knownIds.delete(`${job.name} ${job.options.jobId}`);
    } catch (error) {
      this.onError(error, { name: job.name, id: job.options.jobId });
      if (job.attempt < job.options.attempts && !this.closed) {
        const delay = job.options.backoffMs * 2 ** (job.attempt - 1);
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.enqueue({ ...job, attempt: job.attempt + 1 });
        }, delay);
        this.timers.add(timer);
      } else {
        this.knownIds.delete(`${job.name} ${job.options.jobId}`);
      }
    } finally {
      this.running.set(job.name, (this.running.get(job.name) ?? 1) - 1);
      this.pump(job.name);
    }
  }
}
