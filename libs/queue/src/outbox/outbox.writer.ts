import { Injectable } from '@nestjs/common';
import type { EventFacts, EventName } from '@sanad/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { OutboxRepository } from './outbox.repository';

/** An event to write with the change that causes it; its payload type follows its name. */
export type NewEvent<K extends EventName = EventName> = {
  [T in K]: {
    workspaceId: string | null;
    type: T;
    payload: EventFacts<T>;
    /** Same key = same event; a repeated write is ignored. Defaults to a fresh id. */
    idempotencyKey?: string;
  };
}[K];

export interface WrittenEvent {
  id: string;
  seq: number | null;
  created: boolean;
}

/**
 * Writes domain events into the outbox inside the transaction open around the call (R4): they
 * commit or roll back with the change. Payloads are facts (ids, what changed); subscribers get
 * views built from them after commit (EventPresenters).
 */
@Injectable()
export class OutboxWriter {
  // One store for every instance: a module may have its own writer, the transaction is one.
  // Work scheduled from inside (a timer, a new pooled connection's callbacks) inherits the
  // store after `holding` returned: `open` turns false then, so such writes go straight out.
  private static readonly held = new AsyncLocalStorage<{ events: NewEvent[]; open: boolean }>();
  private get held(): AsyncLocalStorage<{ events: NewEvent[]; open: boolean }> {
    return OutboxWriter.held;
  }

  constructor(private readonly repo: OutboxRepository) {}

  async write(event: NewEvent): Promise<WrittenEvent> {
    return (await this.writeAll([event]))[0];
  }

  /**
   * Runs `work` (inside a transaction) with its events held back and written together at its
   * end. Numbering an event locks the workspace's sequence row until commit; holding the events
   * keeps that lock to the last moment, so busy writers of one workspace (form submissions) do
   * not queue behind each other's whole transaction. Held writes report no seq.
   */
  async holding<T>(work: () => Promise<T>): Promise<T> {
    const store = { events: [] as NewEvent[], open: true };
    const { events } = store;
    let result: T;
    try {
      result = await this.held.run(store, work);
    } finally {
      store.open = false;
    }
    await this.held.exit(async () => {
      for (let i = 0; i < events.length;) {
        let j = i + 1;
        while (j < events.length && events[j].workspaceId === events[i].workspaceId) j++;
        await this.writeAll(events.slice(i, j));
        i = j;
      }
    });
    return result;
  }

  /** Events of one workspace (or of none), numbered in the order given. */
  async writeAll(events: NewEvent[]): Promise<WrittenEvent[]> {
    const held = this.held.getStore();
    if (held?.open) {
      held.events.push(...events);
      return events.map(() => ({ id: '', seq: null, created: true }));
    }
    const workspaceId = events[0]?.workspaceId ?? null;
    if (events.some((e) => e.workspaceId !== workspaceId))
      throw new Error('writeAll takes the events of one workspace');
    const existing = await this.repo.byIdempotencyKeys(
      events.flatMap((e) => (e.idempotencyKey ? [e.idempotencyKey] : [])),
    );
    const fresh = events
      .filter((e) => !e.idempotencyKey || !existing.has(e.idempotencyKey))
      .map((e) => ({ ...e, id: randomUUID() }));
    const inserted =
      fresh.length > 0
        ? await this.repo.insertEvents(
            workspaceId,
            fresh.map((e) => ({
              id: e.id,
              workspaceId,
              type: e.type,
              payload: e.payload,
              idempotencyKey: e.idempotencyKey ?? e.id,
            })),
          )
        : new Map<string, number | null>();
    let next = 0;
    return events.map((event) => {
      const known = event.idempotencyKey ? existing.get(event.idempotencyKey) : undefined;
      if (known) return { ...known, created: false };
      const { id } = fresh[next++];
      return { id, seq: inserted.get(id) ?? null, created: inserted.has(id) };
    });
  }

  /**
   * Rows and one internal work event per row in a single statement (SMTP ingress: atomic with
   * one round trip before every `250`). See OutboxRepository.insertWithEvents.
   */
  insertWithEvents<K extends EventName>(
    insert: { sql: string; params: unknown[] },
    event: { type: K; payloadKey: keyof EventFacts<K> & string },
  ): Promise<string[]> {
    return this.repo.insertWithEvents(insert, event);
  }
}
