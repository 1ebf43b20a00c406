/**
 * A bounded in-memory map whose entries expire. Loads go through `read`, which refuses to keep a
 * value read while the cache was told of a change (`forget`, `clear`): such a value may predate
 * the change, so it is returned to its caller but not kept.
 */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();
  private generation = 0;

  /**
   * `keepWhile`: while it answers false nothing is read from or kept in memory (a cache whose
   * change notices cannot arrive must not trust what it holds).
   */
  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly options: { now?: () => number; keepWhile?: () => boolean } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get active(): boolean {
    return this.ttlMs > 0 && (this.options.keepWhile?.() ?? true);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The kept value, else `load()`'s. A null or undefined result is not kept (unknown keys, such
   * as guessed tokens, must not fill the cache). `expiresAt` (ms) may shorten the entry's life.
   */
  async read(
    key: K,
    load: () => Promise<V | null | undefined>,
    expiresAt?: (value: V) => number,
  ): Promise<V | null> {
    if (!this.active) return (await load()) ?? null;
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > this.now()) return kept.value;
    if (kept) this.entries.delete(key);
    const generation = this.generation;
    const value = await load();
    if (value === null || value === undefined) return null;
    if (generation === this.generation) this.keep(key, value, expiresAt?.(value));
    return value;
  }

  /**
   * The kept values of these keys, the others from one `loadMissing` call (which answers with
   * the values it found); kept like `read` keeps them.
   */
  async readMany(keys: K[], loadMissing: (missing: K[]) => Promise<Map<K, V>>): Promise<Map<K, V>> {
    const found = new Map<K, V>();
    const missing: K[] = [];
    const now = this.now();
    const active = this.active;
    for (const key of new Set(keys)) {
      const kept = active ? this.entries.get(key) : undefined;
      if (kept && kept.expiresAt > now) found.set(key, kept.value);
      else missing.push(key);
    }
    if (missing.length === 0) return found;
    const generation = this.generation;
    const loaded = await loadMissing(missing);
    for (const [key, value] of loaded) {
      found.set(key, value);
      if (active && generation === this.generation) this.keep(key, value);
    }
    return found;
  }

  /** Drops entries whose key or value matches. */
  forget(matches: (value: V, key: K) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.entries)
      if (matches(entry.value, key)) this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private keep(key: K, value: V, until?: number): void {
    const expiresAt = Math.min(this.now() + this.ttlMs, until ?? Infinity);
    if (expiresAt <= this.now()) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    // Oldest first: Map keeps insertion order.
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as K);
  }
}
