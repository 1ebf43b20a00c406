import { computed, onBeforeUnmount, ref, watch } from 'vue';
import { queryKey, type ConversationQuery } from '@/stores/conversation-query';
import { useConversationsStore } from '@/stores/conversations';

/**
 * A live conversation list for a component: the store keeps it (keyed by the query) while the
 * component shows it. When the query changes, the previous list stays on screen (and live) until
 * the new one has its first page, then it is let go.
 */
export function useConversationList(query: () => ConversationQuery) {
  const store = useConversationsStore();
  const key = ref<string | null>(null);
  /** The list still shown while `key`'s first page is on its way. */
  const previous = ref<string | null>(null);

  const settled = (k: string | null) => {
    const list = k ? store.lists[k] : undefined;
    return !!list && (list.loaded || !!list.error);
  };

  function letGo(k: string | null): void {
    if (k) store.release(k);
  }

  watch(
    () => queryKey(query()),
    () => {
      const next = store.acquire(query());
      if (key.value === next) {
        store.release(next);
        return;
      }
      if (settled(key.value)) {
        letGo(previous.value);
        previous.value = key.value;
      } else letGo(key.value);
      key.value = next;
    },
    { immediate: true },
  );

  watch(
    () => settled(key.value),
    (ready) => {
      if (!ready || !previous.value) return;
      letGo(previous.value);
      previous.value = null;
    },
  );

  onBeforeUnmount(() => {
    letGo(key.value);
    letGo(previous.value);
    key.value = null;
    previous.value = null;
  });

  const current = computed(() => (key.value ? store.lists[key.value] : undefined));
  const list = computed(() =>
    !settled(key.value) && previous.value ? store.lists[previous.value] : current.value,
  );
  /** A new query's first page is being read (the previous list is shown meanwhile). */
  const pending = computed(() => !settled(key.value) && !!previous.value);

  return {
    list,
    pending,
    loadMore: () => (key.value ? store.loadMore(key.value) : Promise.resolve()),
    reload: () => (key.value ? store.load(key.value) : Promise.resolve()),
  };
}
