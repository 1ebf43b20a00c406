import { computed, reactive, ref, type Ref } from 'vue';
import { ApiError, errorMessage } from '@/api/client';

/** An action that asks first (delete, revoke, deactivate): its words and what it does. */
export interface Confirmation {
  title: string;
  message: string;
  run: () => Promise<unknown>;
}

/** What the settings page shell needs of a list: its states, its error and its confirmation. */
export interface SettingsListState {
  items: unknown[] | null;
  loading: boolean;
  error: string | null;
  readonly empty: boolean;
  failure: string | null;
  open: boolean;
  confirming: Confirmation | null;
  confirmBusy: boolean;
  load(): Promise<void>;
  cancelConfirm(): void;
  runConfirmed(): Promise<void>;
}

/** The same list, with its add/edit dialog (`form`) as well. */
export interface SettingsList<T, F> extends SettingsListState {
  items: T[] | null;
  editing: T | null;
  form: F;
  busy: boolean;
  fieldErrors: ApiError | null;
  /** The dialog's error when no field is to blame. */
  readonly formError: string | null;
  edit(item: T | null): void;
  close(): void;
  /** Saves the dialog with the page's `save`; closes it and reads the list again on success. */
  save(): Promise<void>;
  /** Runs the dialog's work (busy, field errors); `keepOpen` for dialogs that show a result. */
  submit(work: () => Promise<unknown>, options?: { keepOpen?: boolean }): Promise<boolean>;
  /** A row action without a dialog (archive, unblock): its error shows above the list. */
  act(work: () => Promise<unknown>): Promise<void>;
  confirm(confirmation: Confirmation): void;
  field(name: string): string | undefined;
}

/**
 * Load a settings list with loading, empty and error states; add and edit in a dialog; delete
 * (or any action that asks first) with confirmation; one error message for each place.
 */
export function useSettingsList<T, F extends object = Record<string, never>>(options: {
  load: () => Promise<T[]>;
  blank?: () => F;
  fromItem?: (item: T) => F;
  save?: (form: F, editing: T | null) => Promise<unknown>;
}): SettingsList<T, F> {
  const blank = options.blank ?? (() => ({}) as F);
  const items = ref(null) as Ref<T[] | null>;
  const loading = ref(false);
  const error = ref<string | null>(null);
  const failure = ref<string | null>(null);
  const open = ref(false);
  const editing = ref(null) as Ref<T | null>;
  const form = ref(blank()) as Ref<F>;
  const busy = ref(false);
  const fieldErrors = ref<ApiError | null>(null);
  const formFailure = ref<string | null>(null);
  const confirming = ref<Confirmation | null>(null);
  const confirmBusy = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      items.value = await options.load();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  function edit(item: T | null): void {
    editing.value = item;
    form.value = item && options.fromItem ? options.fromItem(item) : blank();
    fieldErrors.value = null;
    formFailure.value = null;
    failure.value = null;
    open.value = true;
  }

  function close(): void {
    open.value = false;
  }

  async function submit(
    work: () => Promise<unknown>,
    opts: { keepOpen?: boolean } = {},
  ): Promise<boolean> {
    busy.value = true;
    fieldErrors.value = null;
    formFailure.value = null;
    try {
      await work();
      if (!opts.keepOpen) open.value = false;
      void load();
      return true;
    } catch (e) {
      fieldErrors.value = e instanceof ApiError ? e : null;
      formFailure.value = errorMessage(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function save(): Promise<void> {
    const run = options.save;
    if (run) await submit(() => run(form.value, editing.value));
  }

  async function act(work: () => Promise<unknown>): Promise<void> {
    failure.value = null;
    try {
      await work();
      await load();
    } catch (e) {
      failure.value = errorMessage(e);
    }
  }

  function confirm(confirmation: Confirmation): void {
    failure.value = null;
    confirming.value = confirmation;
  }

  function cancelConfirm(): void {
    confirming.value = null;
  }

  async function runConfirmed(): Promise<void> {
    const current = confirming.value;
    if (!current) return;
    confirmBusy.value = true;
    try {
      await act(current.run);
    } finally {
      confirmBusy.value = false;
      confirming.value = null;
    }
  }

  return reactive({
    items,
    loading,
    error,
    empty: computed(() => items.value?.length === 0),
    failure,
    open,
    editing,
    form,
    busy,
    fieldErrors,
    formError: computed(() => (fieldErrors.value?.fieldErrors.length ? null : formFailure.value)),
    confirming,
    confirmBusy,
    load,
    edit,
    close,
    save,
    submit,
    act,
    confirm,
    cancelConfirm,
    runConfirmed,
    field: (name: string) => fieldErrors.value?.field(name),
  }) as SettingsList<T, F>;
}
