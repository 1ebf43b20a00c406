import { onBeforeUnmount, ref, type Ref } from 'vue';

/**
 * Where a dragged row lands: the number of other rows whose middle (`middles`, in page order)
 * is above the pointer. Pure, so the rule is tested apart from the pointer events.
 */
export function landingIndex(middles: readonly number[], from: number, y: number): number {
  return middles.filter((middle, j) => j !== from && middle < y).length;
}

/**
 * Reordering a list by dragging a grip with the pointer (mouse, pen or touch alike, which the
 * HTML drag events are not): `dragging` is the row held, `target` where it would land; on
 * release `drop(from, to)` runs. `middles()` measures the rows at each move.
 */
export function useRowDrag(options: {
  middles: () => number[];
  drop: (from: number, to: number) => void;
}): {
  dragging: Ref<number | null>;
  target: Ref<number | null>;
  start: (event: PointerEvent, index: number) => void;
} {
  const dragging = ref<number | null>(null);
  const target = ref<number | null>(null);

  function onMove(event: PointerEvent): void {
    if (dragging.value !== null)
      target.value = landingIndex(options.middles(), dragging.value, event.clientY);
  }

  function end(): void {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', end);
    dragging.value = target.value = null;
  }

  function onUp(): void {
    const from = dragging.value;
    const to = target.value;
    end();
    if (from !== null && to !== null && from !== to) options.drop(from, to);
  }

  function start(event: PointerEvent, index: number): void {
    if (event.button !== 0) return;
    // No text selection or page scroll while the row is held.
    event.preventDefault();
    dragging.value = index;
    target.value = index;
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', end);
  }

  onBeforeUnmount(end);
  return { dragging, target, start };
}
