import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import type { AppConfig } from '@sanad/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullQueue } from './bull.driver';
import { InProcessQueue } from './in-process.driver';
import { JobQueue } from './queue.port';
import { JobReceipt } from './outbox/job-receipt.entity';
import { OutboxDispatcher } from './outbox/outbox.dispatcher';
import { OutboxEvent } from './outbox/outbox.entity';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';

export function createJobQueue(redisUrl: string | null, prefix: string): JobQueue {
  if (redisUrl) return new BullQueue(redisUrl, prefix);
  const logger = new Logger('InProcessQueue');
  return new InProcessQueue((error, job) =>
    logger.warn(
      `job ${job.name} ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
}

/** The queue port (Bull or in-process by REDIS_URL) and the transactional outbox. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: QueueModule,
      imports: [TypeOrmModule.forFeature([OutboxEvent, JobReceipt])],
      providers: [
        {
          provide: JobQueue,
          useFactory: () => createJobQueue(config.redisUrl, config.redisPrefix),
        },
        OutboxWriter,
        OutboxRelay,
        OutboxDispatcher,
      ],
      exports: [JobQueue, OutboxWriter, OutboxRelay, OutboxDispatcher],
    };
  }
}
