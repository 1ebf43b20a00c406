import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { ApiError, errorMessage } from '@/api/client';
import { onConnection, onSignal } from '@/modules/realtime';
import {
  customRangeProblem,
  readReportState,
  reportParams,
  type ReportState,
} from './report-query';

/** How long after the last `reports.updated` the report is read again (changes come in bursts). */
export const LIVE_DEBOUNCE_MS = 1000;

/**
 * One report page's data: the period and filters from the address, the report read for them,
 * and read again (without a spinner) a moment after the server says the numbers changed.
 * `keep`: parameters of the address only this page has (NPS: `surveyId`); a change of one reads
 * the report again, and a new period or filter keeps them.
 */
export function useReport<T>(
  load: (state: ReportState) => Promise<T>,
  options: { keep?: readonly string[] } = {},
) {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => readReportState(route.query));
  const kept = computed(() => {
    const out: Record<string, string> = {};
    for (const name of options.keep ?? []) {
      const value = route.query[name];
      const one = Array.isArray(value) ? value[0] : value;
      if (typeof one === 'string' && one) out[name] = one;
    }
    return out;
  });
  const key = computed(() => JSON.stringify([reportParams(state.value), kept.value]));
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** Field errors of a refused period or filter (`preset`, `from`, `to`, `mailboxId`, ...). */
  const fieldErrors = ref<Record<string, string>>({});
  let generation = 0;

  async function fetch(options: { quiet?: boolean } = {}): Promise<void> {
    const current = state.value;
    if (customRangeProblem(current)) {
      data.value = null;
      error.value = null;
      return;
    }
    const mine = ++generation;
    if (!options.quiet) loading.value = true;
    try {
      const result = await load(current);
      if (mine !== generation) return;
      data.value = result;
      error.value = null;
      fieldErrors.value = {};
    } catch (e) {
      if (mine !== generation) return;
      // A live refresh that fails keeps the numbers shown; the next change tries again.
      if (options.quiet && data.value) return;
      error.value = errorMessage(e);
      fieldErrors.value =
        e instanceof ApiError
          ? Object.fromEntries(e.fieldErrors.map((field) => [field.field, field.message]))
          : {};
      data.value = null;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(key, () => void fetch(), { immediate: true });

  let timer: ReturnType<typeof setTimeout> | null = null;
  function refreshSoon(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void fetch({ quiet: true });
    }, LIVE_DEBOUNCE_MS);
  }
  const stopSignal = onSignal('reports.updated', refreshSoon);
  // Hints missed while the socket was down: read again once it is back.
  const stopConnection = onConnection((event) => event === 'reconnected' && refreshSoon());
  onBeforeUnmount(() => {
    stopSignal();
    stopConnection();
    if (timer) clearTimeout(timer);
    generation += 1;
  });

  /** A new period or filter: into the address (one history entry each), which reads the report. */
  function update(next: ReportState): void {
    void router.replace({ path: route.path, query: { ...reportParams(next), ...kept.value } });
  }

  return { state, data, loading, error, fieldErrors, reload: () => fetch(), update };
}
