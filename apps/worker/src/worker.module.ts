import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { OutboxDispatcher, OutboxRelay } from '@sanad/queue';
import { DATABASE_URL } from './worker.tokens';

/** Background work: relays the outbox to the queue and runs its consumers. */
@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.dispatcher.listen();
    await this.relay.start(this.databaseUrl);
    this.logger.log('outbox relay and dispatcher running');
  }
}
