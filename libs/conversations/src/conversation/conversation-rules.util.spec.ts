import { aConversation } from '@sanad/testing';
import {
  agentReplied,
  applySnooze,
  applyStatus,
  applyStatusAndSnooze,
  customerWrote,
  editTags,
  later,
  normaliseTagNames,
  snoozeEnded,
} from './conversation-rules.util';

const now = new Date('2026-12-01T10:00:00.000Z');
const tomorrow = '2026-12-02T10:00:00.000Z';

describe('conversation rules', () => {
  describe('status transitions', () => {
    it.each([
      ['open', 'closed', { closedAt: now, reopenedAt: null }],
      ['pending', 'closed', { closedAt: now, reopenedAt: null }],
      ['closed', 'open', { closedAt: null, reopenedAt: now }],
      ['closed', 'pending', { closedAt: null, reopenedAt: now }],
      ['open', 'pending', { closedAt: null, reopenedAt: null }],
    ] as const)('%s → %s stamps %j', (from, to, stamps) => {
      const c = aConversation({ status: from });
      expect(applyStatus(c, to, now)).toEqual({ action: 'status', from, to });
      expect(c).toMatchObject({ status: to, ...stamps });
    });
  });

  describe('snooze', () => {
    it('makes an open conversation pending until then', () => {
      const c = aConversation({ status: 'open' });
      expect(applySnooze(c, tomorrow, now)).toEqual([
        { action: 'status', from: 'open', to: 'pending' },
        { action: 'snooze', until: tomorrow },
      ]);
      expect(c).toMatchObject({ status: 'pending', snoozedUntil: new Date(tomorrow) });
    });

    it('refuses a time that has passed', () => {
      expect(() => applySnooze(aConversation(), '2026-11-30T00:00:00.000Z', now)).toThrow(
        'conversation/snooze_in_past',
      );
    });

    it.each([
      ['null on a snoozed one wakes it', new Date(tomorrow), [{ action: 'unsnooze' }]],
      ['null on one not snoozed does nothing', null, []],
    ])('%s', (_name, snoozedUntil, entries) => {
      const c = aConversation({ status: 'pending', snoozedUntil });
      expect(applySnooze(c, null, now)).toEqual(entries);
      expect(c.snoozedUntil).toBeNull();
    });

    it.each([
      ['closing ends the snooze', { status: 'closed' as const }, ['status', 'unsnooze']],
      ['pending keeps it', { status: 'pending' as const }, []],
      [
        'an explicit snooze wins',
        { status: 'open' as const, snoozedUntil: tomorrow },
        ['status', 'status', 'snooze'],
      ],
    ])('with a PATCH: %s', (_name, change, actions) => {
      const c = aConversation({ status: 'pending', snoozedUntil: new Date(tomorrow) });
      expect(applyStatusAndSnooze(c, change, now).map((e) => e.action)).toEqual(actions);
    });

    it('ends by itself: awake and open again', () => {
      const c = aConversation({ status: 'pending', snoozedUntil: now });
      expect(snoozeEnded(c, now)).toEqual([
        { action: 'snooze_ended' },
        { action: 'status', from: 'pending', to: 'open' },
      ]);
      expect(snoozeEnded(aConversation({ status: 'open' }), now)).toEqual([
        { action: 'snooze_ended' },
      ]);
    });
  });

  describe('who writes', () => {
    it.each([
      ['open', null],
      ['pending', { action: 'status', from: 'pending', to: 'open' }],
      ['closed', { action: 'status', from: 'closed', to: 'open' }],
    ] as const)('a customer message on a %s conversation reopens it: %j', (status, entry) => {
      const c = aConversation({ status, lastPublicFrom: 'user', snoozedUntil: new Date(tomorrow) });
      expect(customerWrote(c, now)).toEqual(entry);
      expect(c).toMatchObject({
        status: 'open',
        lastPublicFrom: 'contact',
        lastCustomerMessageAt: now,
        lastMessageAt: now,
        snoozedUntil: null,
      });
    });

    it('an agent reply answers it and keeps the first reply time', () => {
      const first = new Date('2026-11-30T12:00:00.000Z');
      const c = aConversation({ firstAgentReplyAt: first });
      expect(agentReplied(c, now)).toBeNull();
      expect(c).toMatchObject({
        lastPublicFrom: 'user',
        lastAgentReplyAt: now,
        firstAgentReplyAt: first,
        lastMessageAt: now,
      });
      expect(agentReplied(aConversation(), now, 'closed')).toEqual({
        action: 'status',
        from: 'open',
        to: 'closed',
      });
      expect(agentReplied(aConversation({ status: 'closed' }), now, 'closed')).toBeNull();
    });
  });

  describe('tags', () => {
    it.each([
      [
        ['Refund', 'refund', ' شحن ', ''],
        ['Refund', 'شحن'],
      ],
      [['a\u0000b'], ['ab']],
      [[], []],
    ])('%j are kept as %j', (given, kept) => {
      expect(normaliseTagNames(given)).toEqual(kept);
    });

    it('adds and removes case-insensitively', () => {
      expect(editTags(['VIP', 'refund'], ['urgent'], ['Refund'])).toEqual(['VIP', 'urgent']);
    });
  });

  it('takes the later of two timestamps', () => {
    const a = new Date('2026-01-01T00:00:00Z');
    const b = new Date('2026-02-01T00:00:00Z');
    expect([later(a, b), later(b, a), later(null, a), later(a, null), later(null, null)]).toEqual([
      b,
      b,
      a,
      a,
      null,
    ]);
  });
});
