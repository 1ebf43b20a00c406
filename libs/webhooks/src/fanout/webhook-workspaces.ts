import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PgNotices } from '@sanad/database';
import {
  ENDPOINTS_CHANNEL,
  WebhookEndpointsRepository,
} from '../endpoints/webhook-endpoints.repository';

/**
 * Which workspaces have an endpoint that can receive events, kept in memory so the outbox
 * relay can skip the fan-out job for every other workspace's events (most installations have
 * none). Every endpoint change NOTIFYs; until the set is read again — and whenever notices are
 * not arriving — every workspace counts as having one, so nothing is skipped on a guess. An
 * event committed in the few milliseconds between a new endpoint's commit and its notice
 * reaching the relay may be skipped for it.
 */
@Injectable()
export class WebhookWorkspaces implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookWorkspaces');
  private known: Set<string> | null = null;
  private generation = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly repo: WebhookEndpointsRepository,
    private readonly notices: PgNotices,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.notices
      .subscribe(ENDPOINTS_CHANNEL, {
        notice: () => this.reload(),
        reset: () => this.reload(),
      })
      .catch((error: Error) => {
        this.logger.warn(`not listening for endpoint changes: ${error.message}`);
        return null;
      });
    this.reload();
  }

  /** False only when the workspace surely has no endpoint taking events. */
  mayHave(workspaceId: string | null): boolean {
    if (!workspaceId) return false;
    return !this.known || !this.notices.listening || this.known.has(workspaceId);
  }

  private reload(): void {
    const generation = ++this.generation;
    this.known = null;
    this.repo
      .workspacesWithEndpoints()
      .then((ids) => {
        // A change noticed meanwhile reads again; this answer may predate it.
        if (generation === this.generation) this.known = new Set(ids);
      })
      .catch((error: Error) => this.logger.warn(`reading webhook workspaces: ${error.message}`));
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }
}
