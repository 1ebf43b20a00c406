import { onBeforeUnmount, onMounted } from 'vue';

/** Where typing goes to a field: single-key shortcuts stay out of the way there. */
const TYPING = 'input, textarea, select, [contenteditable="true"], dialog';

/**
 * Single-key shortcuts on the window while the component is mounted, ignored with a modifier
 * key or while typing. `keys` maps a key (lower case when `ignoreCase`) to its action.
 */
export function useShortcuts(
  keys: () => Record<string, () => void>,
  options: { enabled?: () => boolean; ignoreCase?: boolean } = {},
): void {
  function onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (event.ctrlKey || event.metaKey || event.altKey || target?.closest(TYPING)) return;
    if (options.enabled && !options.enabled()) return;
    const action = keys()[options.ignoreCase ? event.key.toLowerCase() : event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }
  onMounted(() => window.addEventListener('keydown', onKeydown));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown));
}
