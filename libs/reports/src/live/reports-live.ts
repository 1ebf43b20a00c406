import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PgNotices } from '@sanad/database';
import { RealtimeEmitter } from '@sanad/realtime';
import { REPORTS_CHANNEL, ReportFactsRepository } from '../facts/report-facts.repository';

/** At most one `reports.updated` per workspace this often (the first at once, then the last). */
const SIGNAL_EVERY_MS = 1000;

/**
 * Tells the workspace's open dashboards that numbers changed. Facts announce a change at commit
 * (NOTIFY, so whichever process holds the sockets hears it); the signal is throttled per
 * workspace, so a burst of replies is one re-fetch a second, not one per reply.
 */
@Injectable()
export class ReportsLive implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ReportsLive');
  private readonly last = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly facts: ReportFactsRepository,
    private readonly notices: PgNotices,
    private readonly emitter: RealtimeEmitter,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.notices
      .subscribe(REPORTS_CHANNEL, { notice: (id) => this.throttled(id), reset: () => undefined })
      .catch((error: Error) => {
        this.logger.warn(`dashboards will not update live: ${error.message}`);
        return null;
      });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  /** Inside the facts' transaction: announced when it commits. */
  changed(workspaceId: string): Promise<void> {
    return this.facts.announce(workspaceId);
  }

  private throttled(workspaceId: string): void {
    if (!this.emitter.mayReach(workspaceId) || this.pending.has(workspaceId)) return;
    const wait = (this.last.get(workspaceId) ?? 0) + SIGNAL_EVERY_MS - Date.now();
    if (wait <= 0) return this.send(workspaceId);
    this.pending.set(
      workspaceId,
      setTimeout(() => {
        this.pending.delete(workspaceId);
        this.send(workspaceId);
      }, wait),
    );
  }

  private send(workspaceId: string): void {
    this.last.set(workspaceId, Date.now());
    if (this.last.size > 10_000) this.last.clear();
    this.emitter.signal(workspaceId, 'reports.updated');
  }
}
