/**
 * Which API tokens are due a last-used write in this process: at most one per token per
 * interval, so steady traffic on a token costs one UPDATE a minute, not one per request.
 */
export class LastUseMarks {
  private readonly marks = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** True (and marked) when the token was not marked within the interval before `nowMs`. */
  due(tokenId: string, nowMs: number): boolean {
    const last = this.marks.get(tokenId);
    if (last !== undefined && last > nowMs - this.intervalMs) return false;
    if (last === undefined && this.marks.size >= this.maxEntries) this.prune(nowMs);
    this.marks.set(tokenId, nowMs);
    return true;
  }

  /** Drops marks that are no longer recent; when all are recent, forgets them all. */
  private prune(nowMs: number): void {
    for (const [id, at] of this.marks) if (at <= nowMs - this.intervalMs) this.marks.delete(id);
    if (this.marks.size >= this.maxEntries) this.marks.clear();
  }

  get size(): number {
    return this.marks.size;
  }
}
