import { computed, onBeforeUnmount, ref, watch } from 'vue';
import type { ContactImportView } from '@sanad/contracts';
import { contactImportsApi, type ContactImportChanges } from '@/api/contact-imports';
import { errorMessage } from '@/api/client';
import { useLocale } from '@/composables/useLocale';
import { useRealtimeEvents } from '@/composables/useRealtime';
import { useEventStreamStore } from '@/stores/event-stream';
import { isLive, isNewer } from './import-wizard';

/** The socket is the primary path; this poll covers a socket that is down or slow. */
const POLL_MS = 2000;

export type ImportAction = 'update' | 'check' | 'start' | 'cancel';

/**
 * One import on screen: loaded by id, kept live by `contact_import.updated` events and, while
 * background work runs, by polling; the wizard's actions answer the new view.
 */
export function useContactImport() {
  const stream = useEventStreamStore();
  const current = ref<ContactImportView | null>(null);
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const busy = ref<ImportAction | null>(null);
  const actionError = ref<string | null>(null);
  let loadingId: string | null = null;

  function receive(view: ContactImportView): void {
    if (!current.value || isNewer(current.value, view)) current.value = view;
  }

  /** A view the page already has (the upload's answer): no read needed. */
  function show(view: ContactImportView): void {
    current.value = view;
    loadError.value = null;
    actionError.value = null;
  }

  async function load(id: string): Promise<void> {
    loadingId = id;
    loading.value = true;
    loadError.value = null;
    actionError.value = null;
    if (current.value?.id !== id) current.value = null;
    try {
      // Read after the socket is up, so every event after this read reaches us.
      await stream.ready();
      const view = await contactImportsApi.get(id);
      if (loadingId === id) current.value = view;
    } catch (error) {
      if (loadingId === id) loadError.value = errorMessage(error);
    } finally {
      if (loadingId === id) loading.value = false;
    }
  }

  function clear(): void {
    loadingId = null;
    current.value = null;
    loading.value = false;
    loadError.value = null;
    actionError.value = null;
  }

  useRealtimeEvents(['contact_import.updated'], (event) => {
    if (event.data.import.id === current.value?.id) receive(event.data.import);
  });

  let timer: ReturnType<typeof setInterval> | null = null;
  const live = computed(() => (current.value ? isLive(current.value.status) : false));
  watch(
    live,
    (on) => {
      if (timer) clearInterval(timer);
      timer = null;
      if (!on) return;
      timer = setInterval(() => {
        const id = current.value?.id;
        if (!id) return;
        // A failed poll changes nothing: the next one (or an event) catches up.
        contactImportsApi.get(id).then(receive, () => undefined);
      }, POLL_MS);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
  });

  async function run(
    action: ImportAction,
    call: (id: string) => Promise<ContactImportView>,
  ): Promise<boolean> {
    const id = current.value?.id;
    if (!id) return false;
    busy.value = action;
    actionError.value = null;
    try {
      // The action's own answer always wins: it is what the server holds after it.
      current.value = await call(id);
      return true;
    } catch (error) {
      actionError.value = errorMessage(error);
      return false;
    } finally {
      if (busy.value === action) busy.value = null;
    }
  }

  /** Mapping changes go one after another, so the last one chosen is the one the server keeps. */
  let queue: Promise<unknown> = Promise.resolve();
  function update(changes: ContactImportChanges): Promise<boolean> {
    const next = queue.then(() => run('update', (id) => contactImportsApi.update(id, changes)));
    queue = next;
    return next;
  }

  return {
    current,
    loading,
    loadError,
    busy,
    actionError,
    load,
    show,
    clear,
    update,
    check: () => run('check', contactImportsApi.check),
    start: () => run('start', contactImportsApi.start),
    cancel: () => run('cancel', contactImportsApi.cancel),
  };
}

/** Counts and percentages in the reader's language and chosen digits. */
export function useImportNumbers() {
  const { formatter } = useLocale();
  return {
    count: (value: number) => formatter.value.integer(value),
    percent: (value: number) =>
      formatter.value.number(value / 100, { style: 'percent', maximumFractionDigits: 0 }),
  };
}
