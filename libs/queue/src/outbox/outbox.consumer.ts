import type { EntityManager } from 'typeorm';

export interface OutboxEventView {
  id: string;
  workspaceId: string | null;
  seq: number | null;
  type: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** Earlier deliveries of this event that failed or died, so poison events can give up. */
  failures: number;
}

/**
 * Something that reacts to outbox events (realtime broadcast, webhooks, ...). `handle` runs inside
 * a transaction holding this consumer's receipt for the event: database effects made through
 * `manager` happen exactly once; other effects happen at least once and must tolerate repeats.
 */
export interface OutboxConsumer {
  readonly name: string;
  /**
   * Best-effort hints (socket events): handed over by the relay the moment it sees the committed
   * event, with no queue hop and no receipt. They may repeat after a redelivery and are lost if
   * the relay dies in between; clients close such gaps by sequence number over REST.
   */
  readonly hint?: boolean;
  accepts(type: string): boolean;
  handle(event: OutboxEventView, manager: EntityManager): Promise<void>;
}
