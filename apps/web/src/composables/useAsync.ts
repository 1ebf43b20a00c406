import { ref } from 'vue';
import { errorMessage } from '@/api/client';

/** Loading and error state around one async loader, for lists and pages. */
export function useAsync<T>(loader: () => Promise<T>) {
  const data = ref<T | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function run(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await loader();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  return { data, loading, error, run };
}
