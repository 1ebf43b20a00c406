import type { EntityManager } from 'typeorm';

export interface OutboxEventView {
  id: string;
  workspaceId: string | null;
  seq: number | null;
  type: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Something that reacts to outbox events (realtime broadcast, webhooks, ...). `handle` runs inside
 * a transaction holding this consumer's receipt for the event: database effects made through
 * `manager` happen exactly once; other effects happen at least once and must tolerate repeats.
 */
export interface OutboxConsumer {
  readonly name: string;
  accepts(type: string): boolean;
  handle(event: OutboxEventView, manager: EntityManager): Promise<void>;
}
