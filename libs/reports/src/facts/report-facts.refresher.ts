import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ReportsLive } from '../live/reports-live';
import { ReportFactsService } from './report-facts.service';

/** Conversations derived per transaction. */
const BATCH = 500;
/** How long a queued conversation waits for others to join its batch. */
const GATHER_MS = 100;
/** The sweep for conversations queued in another process, or whose wake-up was lost. */
const SWEEP_EVERY_MS = 1000;

/**
 * Derives the conversations the facts consumer queued, in batches (worker role): woken by the
 * consumer and swept every second, it drains the queue a batch per transaction. A burst of
 * events on one conversation is one derivation, and a burst of mail a few statements per batch.
 */
@Injectable()
export class ReportFactsRefresher implements OnModuleDestroy {
  private readonly logger = new Logger('ReportFacts');
  private wake: NodeJS.Timeout | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly facts: ReportFactsService,
    private readonly live: ReportsLive,
  ) {}

  start(): void {
    this.sweep = setInterval(() => void this.drain(), SWEEP_EVERY_MS);
    this.sweep.unref();
  }

  /** A conversation was queued (its transaction commits shortly): drain after a short gather. */
  soon(): void {
    if (this.wake) return;
    this.wake = setTimeout(() => {
      this.wake = null;
      void this.drain();
    }, GATHER_MS);
    this.wake.unref();
  }

  /** Drains the queue; a call while draining drains once more after (what came meanwhile). */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        for (;;) {
          const taken = await this.facts.refreshQueued(BATCH, (workspaceIds) =>
            Promise.all(workspaceIds.map((id) => this.live.changed(id))).then(() => undefined),
          );
          if (taken < BATCH) break;
        }
      } while (this.again);
    })()
      .catch((error: Error) => this.logger.warn(`report facts not derived yet: ${error.message}`))
      .finally(() => (this.draining = null));
    return this.draining;
  }

  onModuleDestroy(): void {
    if (this.wake) clearTimeout(this.wake);
    if (this.sweep) clearInterval(this.sweep);
  }
}
