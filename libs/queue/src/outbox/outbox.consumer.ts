import type { EventFacts, EventName } from '@sanad/contracts';

/** A committed domain event as consumers see it: its stored facts, typed by its name. */
export interface DomainEvent<K extends EventName = EventName> {
  id: string;
  workspaceId: string | null;
  seq: number | null;
  type: K;
  payload: EventFacts<K>;
  createdAt: Date;
  /** Earlier deliveries of this event that failed or died, so poison events can give up. */
  failures: number;
}

/** An event of any of these names, narrowed by `type`. */
export type AnyDomainEvent<K extends EventName = EventName> = { [T in K]: DomainEvent<T> }[K];

/**
 * Something that reacts to outbox events (the inbound email processor, outbound mail, later
 * webhooks). `handle` runs inside a transaction holding this consumer's receipt for the event:
 * database effects made through repositories happen exactly once; other effects happen at least
 * once and must tolerate repeats.
 */
export interface OutboxConsumer<K extends EventName = EventName> {
  readonly name: string;
  readonly types: readonly K[];
  handle(event: AnyDomainEvent<K>): Promise<void>;
  /**
   * True when this consumer certainly has nothing to do with the event (webhooks: its workspace
   * has no endpoint). When every consumer of an event says so, the relay marks it done instead
   * of queueing a job. Must answer at once, from memory; false whenever unsure.
   */
  skips?(event: DomainEvent): boolean;
}

/**
 * A best-effort listener (socket broadcasts): the relay hands it each batch of events the moment
 * the batch is committed as dispatched, with no queue hop and no receipt. Events may repeat after
 * a redelivery and are lost if the relay dies in between; clients close such gaps by sequence
 * number over REST.
 */
export interface OutboxHint<K extends EventName = EventName> {
  readonly name: string;
  readonly types: readonly K[];
  handle(events: Array<AnyDomainEvent<K>>): Promise<void>;
}
