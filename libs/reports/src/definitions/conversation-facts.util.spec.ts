import {
  deriveFacts,
  type TimelineConversation,
  type TimelineEntry,
} from './conversation-facts.util';

const T0 = new Date('2026-03-01T09:00:00Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

function conversation(overrides: Partial<TimelineConversation> = {}): TimelineConversation {
  return {
    id: 'c1',
    workspaceId: 'w1',
    startedAt: T0,
    channel: 'email',
    mailboxId: 'm1',
    spam: false,
    teamId: null,
    assigneeId: 'agent-a',
    contactId: 'p1',
    status: 'open',
    tagIds: ['t2', 't1'],
    ...overrides,
  };
}

let seq = 0;
const entry = (minutes: number, e: Partial<TimelineEntry>): TimelineEntry => ({
  id: `e${++seq}`,
  kind: 'reply',
  author: 'contact',
  userId: null,
  at: at(minutes),
  failed: false,
  action: null,
  to: null,
  ...e,
});
const customer = (m: number) => entry(m, {});
const reply = (m: number, userId = 'agent-a', failed = false) =>
  entry(m, { author: 'user', userId, failed });
const note = (m: number) => entry(m, { kind: 'note', author: 'user', userId: 'agent-a' });
const automatic = (m: number) => entry(m, { author: 'system' });
const status = (m: number, to: string, userId: string | null = 'agent-a') =>
  entry(m, {
    kind: 'activity',
    author: userId ? 'user' : 'system',
    userId,
    action: 'status',
    to,
  });

describe('report definitions', () => {
  it('first response: the first public agent reply after the start', () => {
    const f = deriveFacts(conversation(), [customer(0), reply(12), reply(30)], null);
    expect(f.conversation.firstResponseSeconds).toBe(12 * 60);
    expect(f.conversation.firstResponderId).toBe('agent-a');
    expect(f.conversation.firstResponseAt).toEqual(at(12));
  });

  it('notes, automatic messages and failed replies are not a first response', () => {
    const f = deriveFacts(
      conversation(),
      [customer(0), automatic(0), note(3), reply(5, 'agent-b', true), reply(20, 'agent-c')],
      null,
    );
    expect(f.conversation.firstResponseSeconds).toBe(20 * 60);
    expect(f.conversation.firstResponderId).toBe('agent-c');
    expect(f.agentReplies.map((r) => r.userId)).toEqual(['agent-c']);
  });

  it('a conversation with only a note has no response and its message waits', () => {
    const f = deriveFacts(conversation(), [customer(0), note(3)], null);
    expect(f.conversation.firstResponseAt).toBeNull();
    expect(f.replies).toEqual([expect.objectContaining({ answeredAt: null, seconds: null })]);
    expect(f.agentReplies).toEqual([]);
  });

  it('a conversation an agent started has no first response, but its later answers count', () => {
    const f = deriveFacts(conversation(), [reply(0), customer(10), reply(25)], null);
    expect(f.conversation.firstResponseAt).toBeNull();
    expect(f.replies.map((r) => r.seconds)).toEqual([15 * 60]);
    expect(f.agentReplies).toHaveLength(2);
  });

  it('reply time: each customer message to the next public agent reply', () => {
    const f = deriveFacts(
      conversation(),
      [customer(0), customer(4), reply(10), customer(60), reply(90, 'agent-b'), customer(100)],
      null,
    );
    expect(f.replies.map((r) => [r.seconds, r.answeredBy])).toEqual([
      [600, 'agent-a'],
      [360, 'agent-a'],
      [1800, 'agent-b'],
      [null, null],
    ]);
  });

  it('a reopen does not inflate the first response, and the resolution is the last close', () => {
    const f = deriveFacts(
      conversation({ status: 'closed' }),
      [
        customer(0),
        reply(10),
        status(20, 'closed'),
        customer(60),
        status(60, 'open', null),
        reply(70, 'agent-b'),
        status(80, 'closed', 'agent-b'),
      ],
      null,
    );
    expect(f.conversation.firstResponseSeconds).toBe(600);
    expect(f.conversation.resolvedAt).toEqual(at(80));
    expect(f.conversation.resolutionSeconds).toBe(80 * 60);
    expect(f.statuses.map((s) => [s.kind, s.byAgent])).toEqual([
      ['closed', true],
      ['reopened', false],
      ['closed', true],
    ]);
    expect(f.replies.map((r) => r.seconds)).toEqual([600, 600]);
    expect(f.statuses.map((s) => s.until)).toEqual([at(60), null, null]);
  });

  it('an agent reopening counts once; a conversation open now has no resolution', () => {
    const f = deriveFacts(
      conversation({ status: 'open' }),
      [customer(0), status(5, 'closed'), status(9, 'open'), status(9, 'pending')],
      null,
    );
    expect(f.statuses.map((s) => [s.kind, s.byAgent])).toEqual([
      ['closed', true],
      ['reopened', true],
    ]);
    expect(f.conversation.resolvedAt).toBeNull();
    expect(f.conversation.resolutionSeconds).toBeNull();
  });

  it('a customer writing to a closed conversation reopens it once, whichever entry is first', () => {
    const messageFirst = deriveFacts(
      conversation(),
      [customer(0), status(5, 'closed'), customer(30), status(30, 'open', null)],
      null,
    );
    const statusFirst = deriveFacts(
      conversation(),
      [customer(0), status(5, 'closed'), status(30, 'open', null), customer(30)],
      null,
    );
    for (const f of [messageFirst, statusFirst])
      expect(f.statuses.filter((s) => s.kind === 'reopened')).toHaveLength(1);
  });

  it('closing twice in a row is one close', () => {
    const f = deriveFacts(
      conversation({ status: 'closed' }),
      [customer(0), status(5, 'closed'), status(6, 'closed')],
      null,
    );
    expect(f.statuses).toHaveLength(1);
    expect(f.conversation.resolvedAt).toEqual(at(5));
  });

  it('entries stored out of order are read in time order', () => {
    const f = deriveFacts(conversation(), [reply(10), customer(0)], null);
    expect(f.conversation.firstResponseSeconds).toBe(600);
  });

  it('spam is excluded; the tags and category are kept for filters', () => {
    const f = deriveFacts(conversation({ spam: true }), [customer(0)], 'cat-1');
    expect(f.conversation.excluded).toBe(true);
    expect(f.conversation.tagIds).toEqual(['t1', 't2']);
    expect(f.conversation.categoryId).toBe('cat-1');
  });
});
