import type { ConversationView, EventsPageView, FeedEvent } from '@sanad/contracts';
import { EventSequencer, type SequencerPort } from './event-sequencer';

function conversationEvent(seq: number, id = `c${seq}`, subject = `s${seq}`): FeedEvent {
  return {
    seq,
    type: 'conversation.updated',
    at: new Date(0).toISOString(),
    data: { mailboxId: 'm', conversation: { id, subject } as ConversationView },
  };
}

function memberEvent(seq: number): FeedEvent {
  return {
    seq,
    type: 'member.joined',
    at: new Date(0).toISOString(),
    data: { user: { id: `u${seq}` } as never },
  };
}

/** A feed over a fixed history; `hidden` seqs exist but are not for this member. */
class FakeFeed {
  calls: number[] = [];
  constructor(
    public history: FeedEvent[],
    public head: number,
  ) {}

  async fetchAfter(after: number, limit: number): Promise<EventsPageView> {
    this.calls.push(after);
    const events = this.history.filter((e) => e.seq > after).slice(0, limit);
    return {
      events,
      lastSeq: events.length === limit ? events[events.length - 1].seq : Math.max(after, this.head),
    };
  }
}

function setup(feed: FakeFeed, options = {}) {
  const applied: number[] = [];
  const resync = jest.fn(async () => undefined);
  const port: SequencerPort = {
    fetchAfter: (after, limit) => feed.fetchAfter(after, limit),
    apply: (event) => applied.push(event.seq),
    resync,
  };
  const sequencer = new EventSequencer(port, options);
  return { sequencer, applied, resync };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

describe('EventSequencer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('starts at the first event and moves on with consecutive ones, dropping duplicates', () => {
    const { sequencer, applied } = setup(new FakeFeed([], 0));
    sequencer.receive(conversationEvent(7));
    sequencer.receive(conversationEvent(8));
    sequencer.receive(conversationEvent(8));
    sequencer.receive(conversationEvent(7));
    expect(applied).toEqual([7, 8]);
    expect(sequencer.lastSeq).toBe(8);
    expect(sequencer.behind).toBe(false);
  });

  it('applies an event after a gap at once, and asks the feed after the gap delay', async () => {
    const feed = new FakeFeed([conversationEvent(2), conversationEvent(3)], 4);
    const { sequencer, applied } = setup(feed);
    sequencer.receive(conversationEvent(1));
    sequencer.receive(conversationEvent(4));
    expect(applied).toEqual([1, 4]);
    expect(sequencer.lastSeq).toBe(1);
    jest.advanceTimersByTime(499);
    expect(feed.calls).toEqual([]);
    jest.advanceTimersByTime(1);
    await flush();
    expect(feed.calls).toEqual([1]);
    expect(applied).toEqual([1, 4, 2, 3]);
    expect(sequencer.lastSeq).toBe(4);
  });

  it('closes a gap without the feed when the missing event arrives late', async () => {
    const feed = new FakeFeed([], 3);
    const { sequencer, applied } = setup(feed);
    sequencer.receive(conversationEvent(1));
    sequencer.receive(conversationEvent(3));
    sequencer.receive(conversationEvent(2));
    jest.advanceTimersByTime(1000);
    await flush();
    expect(feed.calls).toEqual([]);
    expect(applied).toEqual([1, 3, 2]);
    expect(sequencer.lastSeq).toBe(3);
  });

  it("moves past events of other mailboxes with the feed's lastSeq", async () => {
    // 2 and 3 are in a mailbox this agent cannot see: the feed returns nothing but its head.
    const feed = new FakeFeed([], 4);
    const { sequencer, applied } = setup(feed);
    sequencer.receive(conversationEvent(1));
    sequencer.receive(conversationEvent(4));
    await jest.advanceTimersByTimeAsync(500);
    expect(applied).toEqual([1, 4]);
    expect(sequencer.lastSeq).toBe(4);
    sequencer.receive(conversationEvent(5));
    expect(sequencer.lastSeq).toBe(5);
    expect(feed.calls).toEqual([1]);
  });

  it('never puts back an older snapshot of a conversation replayed after a newer one', async () => {
    const feed = new FakeFeed([conversationEvent(2, 'same', 'old')], 3);
    const subjects: string[] = [];
    const sequencer = new EventSequencer({
      fetchAfter: (after, limit) => feed.fetchAfter(after, limit),
      apply: (event) => {
        if (event.type === 'conversation.updated') subjects.push(event.data.conversation.subject);
      },
      resync: async () => undefined,
    });
    sequencer.receive(conversationEvent(1, 'other'));
    sequencer.receive(conversationEvent(3, 'same', 'new'));
    await jest.advanceTimersByTimeAsync(500);
    expect(subjects).toEqual(['s1', 'new']);
    expect(sequencer.lastSeq).toBe(3);
  });

  it('catches up at once on reconnect, page after page while pages are full', async () => {
    const history = Array.from({ length: 450 }, (_, i) => memberEvent(i + 11));
    const feed = new FakeFeed(history, 460);
    const { sequencer, applied, resync } = setup(feed);
    sequencer.receive(memberEvent(10));
    await sequencer.reconnected();
    expect(feed.calls).toEqual([10, 210, 410]);
    expect(applied).toHaveLength(451);
    expect(applied).toEqual([...applied].sort((a, b) => a - b));
    expect(sequencer.lastSeq).toBe(460);
    expect(resync).not.toHaveBeenCalled();
  });

  it('reloads instead of replaying when more than five full pages behind', async () => {
    const history = Array.from({ length: 1200 }, (_, i) => memberEvent(i + 2));
    const feed = new FakeFeed(history, 1201);
    const { sequencer, applied, resync } = setup(feed);
    sequencer.receive(memberEvent(1));
    await sequencer.reconnected();
    expect(feed.calls).toHaveLength(5);
    expect(applied).toEqual([1]);
    expect(resync).toHaveBeenCalledTimes(1);
    // The position starts again from the next event.
    expect(sequencer.lastSeq).toBeNull();
    sequencer.receive(memberEvent(1300));
    expect(sequencer.lastSeq).toBe(1300);
  });

  it('reloads on reconnect when it never had a position', async () => {
    const { sequencer, resync } = setup(new FakeFeed([], 0));
    await sequencer.reconnected();
    expect(resync).toHaveBeenCalledTimes(1);
  });

  it('keeps socket events that arrive during a catch-up and does not apply them twice', async () => {
    const feed = new FakeFeed([conversationEvent(2), conversationEvent(3)], 3);
    const { sequencer, applied } = setup(feed);
    sequencer.receive(conversationEvent(1));
    const run = sequencer.reconnected();
    sequencer.receive(conversationEvent(3));
    await run;
    expect(applied).toEqual([1, 3, 2]);
    expect(sequencer.lastSeq).toBe(3);
  });

  it('retries a failed catch-up later', async () => {
    const feed = new FakeFeed([conversationEvent(2)], 2);
    let fail = true;
    const applied: number[] = [];
    const sequencer = new EventSequencer({
      fetchAfter: async (after, limit) => {
        if (fail) throw new Error('offline');
        return feed.fetchAfter(after, limit);
      },
      apply: (event) => applied.push(event.seq),
      resync: async () => undefined,
    });
    sequencer.receive(conversationEvent(1));
    await sequencer.reconnected();
    expect(applied).toEqual([1]);
    fail = false;
    await jest.advanceTimersByTimeAsync(2000);
    expect(applied).toEqual([1, 2]);
    expect(sequencer.lastSeq).toBe(2);
  });

  it('forgets everything on reset', () => {
    const { sequencer, applied } = setup(new FakeFeed([], 0));
    sequencer.receive(conversationEvent(5));
    sequencer.reset();
    expect(sequencer.lastSeq).toBeNull();
    sequencer.receive(conversationEvent(5));
    expect(applied).toEqual([5, 5]);
  });
});
