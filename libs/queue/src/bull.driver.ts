import Bull from 'bull';
import type { JobHandler, JobName, JobOptions } from './queue.port';
import { JobQueue } from './queue.port';

/** Bull queues on Redis, one per job name, shared by every process of the installation. */
export class BullQueue extends JobQueue {
  readonly driver = 'bull' as const;
  private readonly queues = new Map<JobName, Bull.Queue>();

  constructor(
    private readonly redisUrl: string,
    private readonly prefix = 'sanad',
  ) {
    super();
  }

  private queue(name: JobName): Bull.Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Bull(name, this.redisUrl, {
        prefix: this.prefix,
        settings: { stalledInterval: 15000, maxStalledCount: 5 },
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<T>(name: JobName, data: T, options: JobOptions): Promise<void> {
    await this.queue(name).add(data, bullOptions(options));
  }

  async addMany<T>(name: JobName, jobs: Array<{ data: T; options: JobOptions }>): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(name).addBulk(
      jobs.map((j) => ({ data: j.data, opts: bullOptions(j.options) })),
    );
  }

  process<T>(name: JobName, concurrency: number, handler: JobHandler<T>): void {
    void this.queue(name).process(concurrency, async (job: Bull.Job<T>) => {
      await handler(job.data, job.attemptsMade + 1);
    });
  }

  async healthy(): Promise<boolean> {
    const ping = this.queue('outbox.dispatch')
      .client.ping()
      .then((answer) => answer === 'PONG')
      .catch(() => false);
    const timeout = new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(false), 1000).unref(),
    );
    return Promise.race([ping, timeout]);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}

function bullOptions(options: JobOptions): Bull.JobOptions {
  return {
    jobId: options.jobId,
    attempts: options.attempts ?? 5,
    backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
    removeOnComplete: true,
    removeOnFail: 1000,
  };
}
