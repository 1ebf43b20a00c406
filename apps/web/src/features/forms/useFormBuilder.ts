import { computed, ref } from 'vue';
import type { FormState, FormView } from '@sanad/contracts';
import { ApiError, errorMessage } from '@/api/client';
import { formsApi } from '@/api/forms';
import { placeErrors, toDraft, toState, type DraftState } from './form-draft';

/**
 * One form in the builder: the draft as edited (with its name and open/closed state), what was
 * last saved, the server's errors placed at their inputs, and saving, publishing, restoring.
 */
export function useFormBuilder(id: string) {
  const form = ref<FormView | null>(null);
  const draft = ref<DraftState | null>(null);
  const name = ref('');
  const state = ref<FormState>('open');
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const saving = ref(false);
  const errors = ref<Record<string, string>>({});
  /** An error no input is to blame for (or a summary when some are). */
  const failure = ref<string | null>(null);
  const notice = ref<string | null>(null);
  const savedSnapshot = ref('');

  function snapshot(): string {
    return draft.value
      ? JSON.stringify([name.value.trim(), state.value, toDraft(draft.value)])
      : '';
  }

  function take(view: FormView): void {
    form.value = view;
    draft.value = toState(view.draft);
    name.value = view.name;
    state.value = view.state;
    savedSnapshot.value = snapshot();
  }

  const dirty = computed(() => !!draft.value && snapshot() !== savedSnapshot.value);

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      take(await formsApi.get(id));
    } catch (e) {
      loadError.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  function fail(e: unknown, uids: string[]): void {
    errors.value = e instanceof ApiError ? placeErrors(e.fieldErrors, uids) : {};
    failure.value = errorMessage(e);
  }

  /** Saves name, state and draft in one PATCH; false (errors placed) when refused. */
  async function save(): Promise<boolean> {
    if (!draft.value) return false;
    const uids = draft.value.fields.map((f) => f.uid);
    saving.value = true;
    notice.value = null;
    failure.value = null;
    try {
      const view = await formsApi.update(id, {
        name: name.value.trim(),
        state: state.value,
        draft: toDraft(draft.value),
      });
      errors.value = {};
      // Keep the builder's field ids (the selection and focus stay where they are).
      form.value = view;
      savedSnapshot.value = snapshot();
      return true;
    } catch (e) {
      fail(e, uids);
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** Saves what is unsaved first, then publishes it as the next version. */
  async function publish(note: string): Promise<boolean> {
    if (dirty.value && !(await save())) return false;
    try {
      take(await formsApi.publish(id, note.trim() || null));
      failure.value = null;
      return true;
    } catch (e) {
      failure.value = errorMessage(e);
      return false;
    }
  }

  async function restore(number: number): Promise<void> {
    take(await formsApi.restore(id, number));
    errors.value = {};
    failure.value = null;
  }

  return {
    form,
    draft,
    name,
    state,
    loading,
    loadError,
    saving,
    errors,
    failure,
    notice,
    dirty,
    load,
    save,
    publish,
    restore,
  };
}

export type FormBuilder = ReturnType<typeof useFormBuilder>;
