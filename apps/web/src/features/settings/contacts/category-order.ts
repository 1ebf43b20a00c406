/** Colours a new category starts with: the first one no category of the list uses yet. */
export const CATEGORY_COLORS = [
  '#45b97c',
  '#3b82f6',
  '#f59e0b',
  '#8b5cf6',
  '#ef4444',
  '#14b8a6',
  '#ec4899',
  '#64748b',
] as const;

export function nextColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return CATEGORY_COLORS.find((c) => !taken.has(c)) ?? CATEGORY_COLORS[used.length % 8];
}

/**
 * The ids with `id` moved `delta` places (−1 up, +1 down); null when it cannot move (already
 * first or last, or not in the list), so no request is sent for nothing.
 */
export function moveId(ids: readonly string[], id: string, delta: number): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from === -1 || delta === 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** The items in the order of `ids` (what the screen shows while the reorder is saved). */
export function inOrder<T extends { id: string }>(
  items: readonly T[],
  ids: readonly string[],
): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}
