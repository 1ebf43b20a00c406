import { Injectable } from '@nestjs/common';
import { PUBLIC_EVENTS, type EventData, type PublicEventName } from '@sanad/contracts';
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

/**
 * Where events become what sockets, the catch-up feed and (later) webhooks deliver. The lib that
 * owns an event registers its presenter; an event without one is delivered as stored.
 */
@Injectable()
export class EventPresenters {
  private readonly byType = new Map<PublicEventName, EventPresenter>();

  register<K extends PublicEventName>(presenter: EventPresenter<K>): void {
    for (const type of presenter.types) this.byType.set(type, presenter);
  }

  /** The public events among these, in their order, with their data. */
  async present(events: DomainEvent[]): Promise<AnyPresentedEvent[]> {
    const visible = events.filter(
      (e): e is AnyDomainEvent<PublicEventName> =>
        PUBLIC.has(e.type) && e.workspaceId !== null && e.seq !== null,
    );
    const groups = new Map<EventPresenter, Array<AnyDomainEvent<PublicEventName>>>();
    for (const event of visible) {
      const presenter = this.byType.get(event.type);
      if (!presenter) continue;
      groups.set(presenter, [...(groups.get(presenter) ?? []), event]);
    }
    const data = new Map<string, unknown>();
    for (const [presenter, group] of groups)
      for (const [id, value] of await presenter.present(group)) data.set(id, value);
    return visible.flatMap((event) => {
      const value = this.byType.has(event.type) ? data.get(event.id) : event.payload;
      if (value === null || value === undefined) return [];
      return [
        {
          id: event.id,
          seq: event.seq as number,
          workspaceId: event.workspaceId as string,
          type: event.type,
          at: event.createdAt.toISOString(),
          data: value,
        } as AnyPresentedEvent,
      ];
    });
  }
}
