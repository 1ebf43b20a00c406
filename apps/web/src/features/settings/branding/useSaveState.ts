import { ref } from 'vue';
import { ApiError, errorMessage } from '@/api/client';

/** A settings form's save: busy flag, the 400's field errors, a form-level error and a toast. */
export function useSaveState() {
  const busy = ref(false);
  const error = ref<ApiError | null>(null);
  const failure = ref<string | null>(null);
  const toast = ref<{ message: string | null; stamp: number }>({ message: null, stamp: 0 });

  async function run(work: () => Promise<unknown>, saved: string): Promise<boolean> {
    busy.value = true;
    error.value = null;
    failure.value = null;
    try {
      await work();
      toast.value = { message: saved, stamp: toast.value.stamp + 1 };
      return true;
    } catch (e) {
      error.value = e instanceof ApiError ? e : null;
      // Field errors show next to their fields; the summary says what went wrong overall.
      failure.value = errorMessage(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, failure, toast, run };
}
