import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { FeedEvent, RealtimeEventType } from '@sanad/contracts';
import { conversationsApi } from '@/api/conversations';
import { onConnection, onEnvelope, whenConnected } from '@/modules/realtime';
import { EventSequencer } from './event-sequencer';

export type FeedEventOf<K extends RealtimeEventType> = Extract<FeedEvent, { type: K }>;

/** A store that keeps data live: it applies events, and reloads when told it fell behind. */
export interface EventConsumer {
  apply(event: FeedEvent): void;
  resync(): Promise<unknown> | void;
  /** Logged out: drop what belonged to that session. */
  reset?(): void;
}

/** How long a load waits for the socket before it reads anyway (and reloads once connected). */
const CONNECT_WAIT_MS = 2000;

/**
 * The workspace's events, in order and once each, from the socket and (after a gap or a
 * reconnect) the catch-up feed `GET /events?after=`. Stores register as consumers; components
 * listen with `useRealtimeEvents`. Started in main.ts so it hears the socket from the first
 * event on.
 */
export const useEventStreamStore = defineStore('eventStream', () => {
  /** The last seq applied with nothing missing before it (null until the first event). */
  const lastSeq = ref<number | null>(null);
  const consumers = new Set<EventConsumer>();
  const listeners = new Map<RealtimeEventType, Set<(event: FeedEvent) => void>>();
  /** Something was read while the socket was down: it may lack events, reload once connected. */
  let readWhileOffline = false;

  const sequencer = new EventSequencer(
    {
      fetchAfter: (after, limit) => conversationsApi.events(after, limit),
      apply(event) {
        consumers.forEach((consumer) => consumer.apply(event));
        listeners.get(event.type)?.forEach((listener) => listener(event));
      },
      resync,
    },
    { onPosition: (seq) => (lastSeq.value = seq) },
  );

  onEnvelope((envelope) => sequencer.receive(envelope));
  onConnection((event) => {
    if (event === 'closed') {
      sequencer.reset();
      consumers.forEach((consumer) => consumer.reset?.());
      readWhileOffline = false;
    } else if (event === 'reconnected') {
      readWhileOffline = false;
      void sequencer.reconnected();
    } else if (readWhileOffline) {
      readWhileOffline = false;
      void resync();
    }
  });

  function resync(): Promise<unknown> {
    return Promise.all([...consumers].map((consumer) => consumer.resync()));
  }

  function register(consumer: EventConsumer): () => void {
    consumers.add(consumer);
    return () => consumers.delete(consumer);
  }

  function on<K extends RealtimeEventType>(
    types: K[],
    listener: (event: FeedEventOf<K>) => void,
  ): () => void {
    const handler = listener as (event: FeedEvent) => void;
    for (const type of types) {
      const set = listeners.get(type) ?? new Set();
      set.add(handler);
      listeners.set(type, set);
    }
    return () => types.forEach((type) => listeners.get(type)?.delete(handler));
  }

  /**
   * Call before reading data that events keep live: waits for the socket (so every event after
   * the read reaches us), or notes that the read must be redone once it connects.
   */
  async function ready(): Promise<void> {
    if (!(await whenConnected(CONNECT_WAIT_MS))) readWhileOffline = true;
  }

  return { lastSeq, register, on, ready, resync };
});
