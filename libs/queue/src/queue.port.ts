/** Typed job names: one per kind of background work. */
export const JOB_NAMES = [
  'outbox.dispatch',
  'webhooks.fanout',
  'email.send',
  'contacts.import',
  'contacts.erase',
  'forms.process',
  'reports.facts',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobOptions {
  /** Same id = same job: a second add with an id still queued is ignored. */
  jobId: string;
  attempts?: number;
  /** First retry delay; doubles each attempt. */
  backoffMs?: number;
}

export type JobHandler<T> = (data: T, attempt: number) => Promise<void>;

/**
 * The queue port. Two drivers: Bull on Redis (REDIS_URL) and an in-process driver for the
 * single-process mode. Both are at-least-once; handlers must be idempotent (R5).
 */
export abstract class JobQueue {
  abstract readonly driver: 'bull' | 'in-process';
  abstract add<T>(name: JobName, data: T, options: JobOptions): Promise<void>;
  /** Several jobs of one queue in one round trip (the relay hands over batches). */
  abstract addMany<T>(name: JobName, jobs: Array<{ data: T; options: JobOptions }>): Promise<void>;
  abstract process<T>(name: JobName, concurrency: number, handler: JobHandler<T>): void;
  abstract healthy(): Promise<boolean>;
  abstract close(): Promise<void>;

  /** Nest calls this on shutdown for the instance the factory returned. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
