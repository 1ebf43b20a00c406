import type { ConversationView } from '@sanad/contracts';
import {
  compareConversations,
  insertSorted,
  matchesQuery,
  queryKey,
  withinLoaded,
  type MatchContext,
} from './conversation-query';

const ME = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER = 'aaaaaaaa-0000-4000-8000-000000000002';

function conversation(patch: Partial<ConversationView> = {}): ConversationView {
  return {
    id: 'c1',
    number: 1,
    subject: 'x',
    status: 'open',
    channel: 'api',
    mailboxId: 'inbox',
    contact: { id: 'contact', name: null, emails: [], phones: [], externalId: null },
    assignee: null,
    team: null,
    priority: 'normal',
    tags: [],
    followers: [],
    lastPublicFrom: 'contact',
    lastMessageAt: '2024-01-01T10:00:00.000Z',
    createdAt: '2024-01-01T10:00:00.000Z',
    firstAgentReplyAt: null,
    lastCustomerMessageAt: null,
    lastAgentReplyAt: null,
    closedAt: null,
    reopenedAt: null,
    snoozedUntil: null,
    ...patch,
  };
}

const admin: MatchContext = {
  viewer: { userId: ME, role: 'admin', mailboxIds: null },
  spamMailboxIds: new Set(['spam']),
};

describe('conversation lists on the client', () => {
  it('decide the views as the server does', () => {
    const closed = conversation({ status: 'closed' });
    const answered = conversation({ lastPublicFrom: 'user' });
    const mine = conversation({ assignee: { id: ME, name: 'Me' } });
    const followed = conversation({ followers: [ME], assignee: { id: OTHER, name: 'O' } });
    expect(matchesQuery({ view: 'all' }, closed, admin)).toBe(true);
    expect(matchesQuery({ view: 'ongoing' }, closed, admin)).toBe(false);
    expect(matchesQuery({ view: 'unanswered' }, answered, admin)).toBe(false);
    expect(matchesQuery({ view: 'unanswered' }, conversation(), admin)).toBe(true);
    expect(matchesQuery({ view: 'mine' }, mine, admin)).toBe(true);
    expect(matchesQuery({ view: 'mine' }, followed, admin)).toBe(false);
    expect(matchesQuery({ view: 'following' }, followed, admin)).toBe(true);
    expect(matchesQuery({ view: 'unassigned' }, mine, admin)).toBe(false);
    expect(matchesQuery({ view: 'unassigned' }, conversation(), admin)).toBe(true);
  });

  it('leave spam out unless the list is of a mailbox or a contact', () => {
    const spam = conversation({ mailboxId: 'spam' });
    expect(matchesQuery({ view: 'all' }, spam, admin)).toBe(false);
    expect(matchesQuery({ view: 'ongoing' }, spam, admin)).toBe(false);
    expect(matchesQuery({ view: 'all', mailboxId: 'spam' }, spam, admin)).toBe(true);
    expect(matchesQuery({ view: 'all', mailboxId: 'inbox' }, spam, admin)).toBe(false);
    expect(matchesQuery({ view: 'all', contactId: 'contact' }, spam, admin)).toBe(true);
  });

  it('apply the filters, tags case-insensitively and "none" for no assignee', () => {
    const c = conversation({
      tags: ['Billing'],
      priority: 'high',
      team: { id: 't', name: 'T' },
      channel: 'email',
    });
    expect(matchesQuery({ view: 'all', tag: 'billing' }, c, admin)).toBe(true);
    expect(matchesQuery({ view: 'all', tag: 'shipping' }, c, admin)).toBe(false);
    expect(matchesQuery({ view: 'all', status: 'pending,open' }, c, admin)).toBe(true);
    expect(matchesQuery({ view: 'all', status: 'closed' }, c, admin)).toBe(false);
    expect(matchesQuery({ view: 'all', priority: 'high', teamId: 't' }, c, admin)).toBe(true);
    expect(matchesQuery({ view: 'all', channel: 'chat' }, c, admin)).toBe(false);
    expect(matchesQuery({ view: 'all', assigneeId: 'none' }, c, admin)).toBe(true);
    expect(matchesQuery({ view: 'all', assigneeId: ME }, c, admin)).toBe(false);
    expect(matchesQuery({ view: 'all', contactId: 'someone-else' }, c, admin)).toBe(false);
  });

  it("apply the created range of a report's drill-down (from inclusive, to exclusive)", () => {
    const c = conversation({ createdAt: '2024-01-01T10:00:00.000Z' });
    const range = (from?: string, to?: string) => matchesQuery({ view: 'all', from, to }, c, admin);
    expect(range('2024-01-01T10:00:00.000Z', '2024-01-02T00:00:00.000Z')).toBe(true);
    expect(range('2024-01-01T10:00:00.001Z')).toBe(false);
    expect(range(undefined, '2024-01-01T10:00:00.000Z')).toBe(false);
    expect(range(undefined, '2024-01-01T10:00:00.001Z')).toBe(true);
  });

  it('keep out mailboxes an agent may not see', () => {
    const agent: MatchContext = {
      viewer: { userId: ME, role: 'agent', mailboxIds: ['billing'] },
      spamMailboxIds: new Set(),
    };
    expect(matchesQuery({ view: 'all' }, conversation(), agent)).toBe(false);
    expect(matchesQuery({ view: 'all' }, conversation({ mailboxId: 'billing' }), agent)).toBe(true);
  });

  it('sort newest activity first, then by id, and insert in place', () => {
    const a = conversation({ id: 'a', lastMessageAt: '2024-01-01T10:00:00.000Z' });
    const b = conversation({ id: 'b', lastMessageAt: '2024-01-01T10:00:00.000Z' });
    const c = conversation({ id: 'c', lastMessageAt: '2024-01-02T10:00:00.000Z' });
    expect(compareConversations(b, a)).toBeLessThan(0);
    expect(compareConversations(c, b)).toBeLessThan(0);
    expect(insertSorted([c, a], b).map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(insertSorted([b, a], c).map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(insertSorted([c, b], a).map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(withinLoaded(a, b)).toBe(false);
    expect(withinLoaded(c, b)).toBe(true);
    expect(withinLoaded(b, b)).toBe(true);
    expect(withinLoaded(a, null)).toBe(true);
  });

  it('key lists by their query without empty filters', () => {
    expect(queryKey({ view: 'all', status: '', q: ' ' })).toBe(queryKey({ view: 'all' }));
    expect(queryKey({ view: 'all', q: 'x' })).not.toBe(queryKey({ view: 'all' }));
  });
});
