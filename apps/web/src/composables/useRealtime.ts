import { onBeforeUnmount } from 'vue';
import type { RealtimeEventType } from '@sanad/contracts';
import { useEventStreamStore, type FeedEventOf } from '@/stores/event-stream';

/**
 * Calls `handler` for these events while the component is mounted: in order and once each,
 * including the ones a reconnect catches up on.
 */
export function useRealtimeEvents<K extends RealtimeEventType>(
  types: K[],
  handler: (event: FeedEventOf<K>) => void,
): void {
  const unsubscribe = useEventStreamStore().on(types, handler);
  onBeforeUnmount(unsubscribe);
}
