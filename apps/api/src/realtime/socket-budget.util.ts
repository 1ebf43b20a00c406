/**
 * A token bucket per socket for what clients send: `capacity` events at once, refilled at
 * `perSecond`. A socket that keeps sending past it is told to go (flood).
 */
export class SocketBudget {
  private tokens: number;
  private last: number;
  private refused = 0;

  constructor(
    private readonly capacity = 20,
    private readonly perSecond = 5,
    /** Refusals after which the socket is disconnected. */
    private readonly patience = 100,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** 'ok' to handle the event, 'drop' to ignore it, 'disconnect' when it will not stop. */
  take(): 'ok' | 'drop' | 'disconnect' {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.last) / 1000) * this.perSecond,
    );
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refused = Math.max(0, this.refused - 1);
      return 'ok';
    }
    return ++this.refused > this.patience ? 'disconnect' : 'drop';
  }
}

/** Presence relayed per conversation: a change at once, the same state at most once a second. */
export class PresenceCoalescer {
  private readonly last = new Map<string, { state: string; at: number }>();

  constructor(
    private readonly minGapMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  shouldRelay(conversationId: string, state: string): boolean {
    const now = this.now();
    const previous = this.last.get(conversationId);
    if (previous && previous.state === state && now - previous.at < this.minGapMs) return false;
    if (this.last.size > 200) this.last.clear();
    this.last.set(conversationId, { state, at: now });
    return true;
  }
}
