import type { EventsPageView, FeedEvent } from '@sanad/contracts';

/** What the sequencer needs from the app: the catch-up feed, where events go, and a reload. */
export interface SequencerPort {
  /** GET /events?after=&limit= */
  fetchAfter(after: number, limit: number): Promise<EventsPageView>;
  /** One event, in seq order as far as the sequencer can tell, never twice. */
  apply(event: FeedEvent): void;
  /** Too far behind to replay (or nothing to replay from): reload what is shown. */
  resync(): Promise<unknown>;
}

export interface SequencerOptions {
  /** How long a gap may stay open (its events may still arrive) before the feed is asked. */
  gapDelayMs: number;
  pageSize: number;
  /** Feed pages replayed at most; more than that and the stores reload instead. */
  maxPages: number;
  retryDelayMs: number;
  maxRetries: number;
  /** How many applied seqs are remembered to drop duplicates. */
  memory: number;
  /** Told whenever the position (the last seq with nothing missing before it) moves. */
  onPosition?: (lastSeq: number | null) => void;
}

const DEFAULTS: SequencerOptions = {
  gapDelayMs: 500,
  pageSize: 200,
  maxPages: 5,
  retryDelayMs: 2000,
  maxRetries: 5,
  memory: 2000,
};

/**
 * The entity an event carries a full snapshot of. An event older than the last one applied to
 * the same entity is dropped, so events replayed from the feed after newer socket events (or
 * arriving out of order) never put an old state back.
 */
export function entityOf(event: FeedEvent): string | null {
  switch (event.type) {
    case 'conversation.created':
    case 'conversation.updated':
      return `conversation:${event.data.conversation.id}`;
    case 'conversation.merged':
      return `conversation:${event.data.sourceId}`;
    case 'message.created':
    case 'message.updated':
      return `message:${event.data.message.id}`;
    default:
      return null;
  }
}

/**
 * Orders a workspace's event stream from the socket and the catch-up feed.
 *
 * `lastSeq` is the position: every event up to it was applied or is one this member never
 * receives. An event at lastSeq + 1 moves it on; a later one is applied at once but leaves a gap,
 * and after `gapDelayMs` (the missing events may be on their way, or be of mailboxes this member
 * cannot see) the feed is asked for what follows lastSeq; its `lastSeq` moves the position past
 * events that were not for us. A reconnect asks the feed at once. More than `maxPages` full pages
 * behind, the stores reload instead and the position starts again from the next event.
 *
 * The position starts at the first event received (its seq - 1): the stores load only once the
 * socket is connected, so every event committed after their snapshot reaches the socket.
 */
export class EventSequencer {
  private last: number | null = null;
  /** Applied seqs above last + 1 (a gap below them). */
  private readonly ahead = new Set<number>();
  /** Recently applied seqs, oldest first. */
  private readonly applied = new Set<number>();
  private readonly entities = new Map<string, number>();
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private runToken: object | null = null;
  private again = false;
  private failures = 0;
  /** Bumped by reset(): answers to requests made before it are ignored. */
  private epoch = 0;
  private readonly options: SequencerOptions;

  constructor(
    private readonly port: SequencerPort,
    options: Partial<SequencerOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  get lastSeq(): number | null {
    return this.last;
  }

  /** Whether the sequencer waits for missing events (a gap, or a catch-up under way). */
  get behind(): boolean {
    return this.ahead.size > 0 || this.running !== null;
  }

  /** An envelope from the socket. */
  receive(event: FeedEvent): void {
    if (this.isDuplicate(event.seq)) return;
    if (this.last === null) this.moveTo(event.seq - 1);
    this.deliver(event);
    const last = this.last as number;
    if (event.seq === last + 1) {
      this.moveTo(event.seq);
      this.absorb();
    } else if (event.seq > last) {
      this.ahead.add(event.seq);
      this.scheduleGap(this.options.gapDelayMs);
    }
    // Below the position and never applied: a late event (applied above), nothing moves.
    if (this.ahead.size === 0) this.cancelGap();
  }

  /** The socket came back: ask for what was missed, or reload when there is no position. */
  reconnected(): Promise<unknown> {
    if (this.last === null) return this.port.resync();
    return this.catchUp();
  }

  /** Replays the feed after the position (one run at a time; a call during a run runs again). */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancelGap();
    const epoch = this.epoch;
    const token = {};
    this.runToken = token;
    const run = (async () => {
      let failed = false;
      try {
        do {
          this.again = false;
          await this.pass(epoch);
        } while (this.again && epoch === this.epoch);
        this.failures = 0;
      } catch {
        failed = true;
        this.failures += 1;
      } finally {
        if (this.runToken === token) {
          this.running = null;
          this.runToken = null;
        }
      }
      if (epoch !== this.epoch) return;
      if (failed) {
        if (this.failures <= this.options.maxRetries) this.scheduleGap(this.options.retryDelayMs);
      } else if (this.ahead.size > 0) {
        // Events that arrived beyond what the feed knew leave a gap of their own.
        this.scheduleGap(this.options.gapDelayMs);
      }
    })();
    if (this.runToken === token) this.running = run;
    return run;
  }

  /** Logged out (or another workspace): forget everything. */
  reset(): void {
    this.epoch += 1;
    this.cancelGap();
    this.ahead.clear();
    this.applied.clear();
    this.entities.clear();
    this.running = null;
    this.runToken = null;
    this.again = false;
    this.failures = 0;
    this.moveTo(null);
  }

  private async pass(epoch: number): Promise<void> {
    const start = this.last;
    if (start === null) return;
    const { pageSize, maxPages } = this.options;
    const events: FeedEvent[] = [];
    let after = start;
    let head = start;
    for (let page = 1; ; page += 1) {
      const result = await this.port.fetchAfter(after, pageSize);
      if (epoch !== this.epoch) return;
      events.push(...result.events);
      head = Math.max(head, result.lastSeq);
      if (result.events.length < pageSize) break;
      if (page >= maxPages) {
        // Too far behind: replaying would be slower than reading the lists again.
        this.ahead.clear();
        this.moveTo(null);
        await this.port.resync();
        return;
      }
      after = result.lastSeq;
    }
    for (const event of events) if (!this.isDuplicate(event.seq)) this.deliver(event);
    this.moveTo(Math.max(this.last ?? head, head));
    for (const seq of this.ahead) if (seq <= (this.last as number)) this.ahead.delete(seq);
    this.absorb();
  }

  private deliver(event: FeedEvent): void {
    this.remember(event.seq);
    const entity = entityOf(event);
    if (entity) {
      const newest = this.entities.get(entity);
      if (newest !== undefined && newest > event.seq) return;
      this.entities.delete(entity);
      this.entities.set(entity, event.seq);
      if (this.entities.size > this.options.memory) {
        const oldest = this.entities.keys().next().value;
        if (oldest !== undefined) this.entities.delete(oldest);
      }
    }
    this.port.apply(event);
  }

  private isDuplicate(seq: number): boolean {
    if (this.applied.has(seq)) return true;
    // Older than anything remembered: it was applied long ago (or never concerned us).
    return this.last !== null && seq <= this.last - this.options.memory;
  }

  private remember(seq: number): void {
    this.applied.add(seq);
    if (this.applied.size > this.options.memory) {
      const oldest = this.applied.values().next().value;
      if (oldest !== undefined) this.applied.delete(oldest);
    }
  }

  /** Moves the position over applied events that directly follow it. */
  private absorb(): void {
    let last = this.last as number;
    while (this.ahead.has(last + 1)) {
      this.ahead.delete(last + 1);
      last += 1;
    }
    this.moveTo(last);
  }

  private moveTo(seq: number | null): void {
    if (seq === this.last) return;
    this.last = seq;
    this.options.onPosition?.(seq);
  }

  private scheduleGap(delay: number): void {
    if (this.gapTimer || this.running) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      void this.catchUp();
    }, delay);
  }

  private cancelGap(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }
}
