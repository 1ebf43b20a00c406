import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PgNotices } from '@sanad/database';
import {
  ENDPOINTS_CHANNEL,
  WebhookEndpointsRepository,
} from '../endpoints/webhook-endpoints.repository';

/**
 * Which event types each workspace's endpoints take, kept in memory so the outbox relay can
 * skip the fan-out job for events no endpoint wants (most installations have no endpoint, and
 * most endpoints take a few types). Every endpoint change NOTIFYs; until the set is read again — and whenever notices are
 * not arriving — every workspace counts as having one, so nothing is skipped on a guess. An
 * event committed in the few milliseconds between a new endpoint's commit and its notice
 * reaching the relay may be skipped for it.
 */
@Injectable()
export class WebhookWorkspaces implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookWorkspaces');
  /** Workspace → the types its endpoints take (`all` when one takes every type). */
  private known: Map<string, Set<string> | 'all'> | null = null;
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

  /** False only when surely no endpoint of the workspace takes any of these types. */
  mayWant(workspaceId: string | null, types: readonly string[]): boolean {
    if (!workspaceId) return false;
    if (!this.known || !this.notices.listening) return true;
    const taken = this.known.get(workspaceId);
    return taken === 'all' || (!!taken && types.some((type) => taken.has(type)));
  }

  private reload(): void {
    const generation = ++this.generation;
    this.known = null;
    this.repo
      .subscriptions()
      .then((rows) => {
        // A change noticed meanwhile reads again; this answer may predate it.
        if (generation !== this.generation) return;
        const known = new Map<string, Set<string> | 'all'>();
        for (const { workspaceId, eventTypes } of rows) {
          const taken = known.get(workspaceId);
          if (taken === 'all') continue;
          if (eventTypes.length === 0) known.set(workspaceId, 'all');
          else known.set(workspaceId, new Set([...(taken ?? []), ...eventTypes]));
        }
        this.known = known;
      })
      .catch((error: Error) => this.logger.warn(`reading webhook workspaces: ${error.message}`));
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }
}
