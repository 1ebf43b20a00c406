import { onBeforeUnmount } from 'vue';

/**
 * Looks again every `ms` while `active()` holds (deliveries on their way, an attempt that was
 * asked for): `schedule()` after each change of what is shown; it stops by itself once
 * `active()` is false, and for good when the component goes away. `tick` handles its own errors.
 */
export function usePoll(tick: () => Promise<unknown>, active: () => boolean, ms = 2000) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || !active()) return;
    timer = setTimeout(async () => {
      try {
        await tick();
      } finally {
        schedule();
      }
    }, ms);
  }

  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
  });

  return { schedule };
}
