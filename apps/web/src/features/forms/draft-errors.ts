import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue';
import { errorUnder } from './form-draft';

/**
 * The server's errors of the last save, placed by `placeErrors`: every input of the builder
 * asks for the one at its place, so an error shows next to what caused it.
 */
const KEY: InjectionKey<ComputedRef<Record<string, string>>> = Symbol('draft-errors');

export function provideDraftErrors(errors: () => Record<string, string>): void {
  provide(KEY, computed(errors));
}

export function useDraftErrors() {
  const errors = inject(
    KEY,
    computed(() => ({}) as Record<string, string>),
  );
  return {
    /** The error exactly at a place (`field:f3.label.ar`, `settings.mailboxId`). */
    at: (place: string): string | undefined => errors.value[place],
    /** The error at a place or anywhere under it (`field:f3` → any of the field's). */
    under: (place: string): string | undefined => errorUnder(errors.value, place),
  };
}
