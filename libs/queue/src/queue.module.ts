import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import type { AppConfig } from '@sanad/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullQueue } from './bull.driver';
import { InProcessQueue } from './in-process.driver';
import { JobQueue } from './queue.port';
import { JobReceipt } from './outbox/job-receipt.entity';
import { OutboxDispatcher } from './outbox/outbox.dispatcher';
import { OutboxEntry } from './outbox/outbox-entry.entity';
import { OutboxRepository } from './outbox/outbox.repository';
import { EventPresenters } from './outbox/event-presenters';
import { EventLog } from './outbox/event-log.service';
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
      imports: [TypeOrmModule.forFeature([OutboxEntry, JobReceipt])],
      providers: [
        {
          provide: JobQueue,
          useFactory: () => createJobQueue(config.redisUrl, config.redisPrefix),
        },
        OutboxRepository,
        OutboxWriter,
        OutboxRelay,
        OutboxDispatcher,
        EventPresenters,
        EventLog,
      ],
      exports: [JobQueue, OutboxWriter, OutboxRelay, OutboxDispatcher, EventPresenters, EventLog],
    };
  }
}
