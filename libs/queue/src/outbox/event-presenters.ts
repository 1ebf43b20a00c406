import { Injectable } from '@nestjs/common';
import { PUBLIC_EVENTS, type EventData, type PublicEventName } from '@sanad/contracts';
import { ExpiringCache } from '@sanad/core';
import type { AnyDomainEvent, DomainEvent } from './outbox.consumer';

/** A public event as subscribers get it: its data built from the stored facts after commit. */
export interface PresentedEvent<K extends PublicEventName = PublicEventName> {
  id: string;
  seq: number;
  workspaceId: string;
  type: K;
  at: string;
  data: EventData<K>;
}
export type AnyPresentedEvent = { [K in PublicEventName]: PresentedEvent<K> }[PublicEventName];

/**
 * Builds the data of some event types from their facts, for a whole batch at once (a handful of
 * queries however many events). Null leaves an event out (its subject is gone: a merged
 * conversation's last update).
 */
export interface EventPresenter<K extends PublicEventName = PublicEventName> {
  readonly types: readonly K[];
  present(events: Array<AnyDomainEvent<K>>): Promise<Map<string, EventData<K> | null>>;
}

const PUBLIC = new Set<string>(PUBLIC_EVENTS);
/** How many views are kept, and for how long: enough for the relay's batches to reach fan-out. */
const RECENT_VIEWS = 5000;
const RECENT_VIEWS_MS = 5000;

/**
 * Where events become what sockets, the catch-up feed and (later) webhooks deliver. The lib that
 * owns an event registers its presenter; an event without one is delivered as stored.
 */
@Injectable()
export class EventPresenters {
  private readonly byType = new Map<PublicEventName, EventPresenter>();
  /**
   * Views built moments ago. The relay's socket broadcast and then the webhook fan-out present
   * the same events within milliseconds of each other; the second one reads them from here.
   */
  private readonly recent = new ExpiringCache<string, AnyPresentedEvent>(
    RECENT_VIEWS,
    RECENT_VIEWS_MS,
  );

  register<K extends PublicEventName>(presenter: EventPresenter<K>): void {
    for (const type of presenter.types) this.byType.set(type, presenter);
  }

  /** The public events among these, in their order, with their data. */
  async present(events: DomainEvent[]): Promise<AnyPresentedEvent[]> {
    const visible = events.filter(
      (e): e is AnyDomainEvent<PublicEventName> =>
        PUBLIC.has(e.type) && e.workspaceId !== null && e.seq !== null,
    );
    const byId = new Map(visible.map((e) => [e.id, e]));
    const views = await this.recent.readMany([...byId.keys()], (missing) =>
      this.build(missing.map((id) => byId.get(id) as AnyDomainEvent<PublicEventName>)),
    );
    return visible.flatMap((event) => views.get(event.id) ?? []);
  }

  private async build(
    events: Array<AnyDomainEvent<PublicEventName>>,
  ): Promise<Map<string, AnyPresentedEvent>> {
    const groups = new Map<EventPresenter, Array<AnyDomainEvent<PublicEventName>>>();
    for (const event of events) {
      const presenter = this.byType.get(event.type);
      if (!presenter) continue;
      groups.set(presenter, [...(groups.get(presenter) ?? []), event]);
    }
    const data = new Map<string, unknown>();
    for (const [presenter, group] of groups)
      for (const [id, value] of await presenter.present(group)) data.set(id, value);
    const views = new Map<string, AnyPresentedEvent>();
    for (const event of events) {
      const value = this.byType.has(event.type) ? data.get(event.id) : event.payload;
      if (value === null || value === undefined) continue;
      views.set(event.id, {
        id: event.id,
        seq: event.seq as number,
        workspaceId: event.workspaceId as string,
        type: event.type,
        at: event.createdAt.toISOString(),
        data: value,
      } as AnyPresentedEvent);
    }
    return views;
  }
}
