import { ref, shallowRef } from 'vue';
import type { PageView } from '@sanad/contracts';
import { errorMessage } from '@/api/client';

/**
 * A cursor-paged list: `reload` starts over (the previous rows stay until the first page is
 * in, so typing in the search box does not flash an empty list), `more` appends the next page.
 * An answer to an older request is dropped when a newer one was sent.
 */
export function usePagedList<T>(fetchPage: (cursor?: string) => Promise<PageView<T>>) {
  const items = shallowRef<T[]>([]);
  const cursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const moreError = ref<string | null>(null);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    moreError.value = null;
    try {
      const page = await fetchPage();
      if (mine !== generation) return;
      items.value = page.items;
      cursor.value = page.nextCursor;
      loaded.value = true;
    } catch (e) {
      if (mine === generation) error.value = errorMessage(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function more(): Promise<void> {
    if (!cursor.value || loadingMore.value || loading.value) return;
    const mine = generation;
    loadingMore.value = true;
    moreError.value = null;
    try {
      const page = await fetchPage(cursor.value);
      if (mine !== generation) return;
      items.value = [...items.value, ...page.items];
      cursor.value = page.nextCursor;
    } catch (e) {
      if (mine === generation) moreError.value = errorMessage(e);
    } finally {
      loadingMore.value = false;
    }
  }

  /** Drops one row (deleted, merged away) without reloading. */
  function remove(match: (item: T) => boolean): void {
    items.value = items.value.filter((item) => !match(item));
  }

  return { items, cursor, loading, loadingMore, loaded, error, moreError, reload, more, remove };
}
