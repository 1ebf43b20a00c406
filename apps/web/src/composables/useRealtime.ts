import { onBeforeUnmount } from 'vue';
import type { RealtimeEnvelope, RealtimeEventType } from '@sanad/contracts';
import { subscribe } from '@/modules/realtime';

/** Calls `handler` for these events while the component is mounted. */
export function useRealtimeEvents(
  types: RealtimeEventType[],
  handler: (envelope: RealtimeEnvelope) => void,
): void {
  const unsubscribe = subscribe(types, handler);
  onBeforeUnmount(unsubscribe);
}
