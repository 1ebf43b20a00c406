import type { SatisfactionFacts } from '@sanad/conversations';
import { DEFAULT_SATISFACTION_SETTINGS } from '../settings/satisfaction-settings.repository';
import { closedBy, customerLanguage, dueAt, ineligible } from './request-rules.util';

const closed: SatisfactionFacts = {
  id: 'c',
  workspaceId: 'w',
  number: 7,
  status: 'closed',
  channel: 'email',
  mailboxId: 'm',
  mailboxKind: 'inbox',
  contactId: 'p',
  assigneeId: null,
  teamId: null,
  closedAt: new Date('2026-12-03T10:00:00Z'),
  tagIds: [],
  closeEntryId: 'e',
};
const on = DEFAULT_SATISFACTION_SETTINGS;
const emails = ['customer@example.com'];

describe('rating request rules', () => {
  it('sees a close in the changes of a conversation event', () => {
    expect(closedBy([{ action: 'status', from: 'open', to: 'closed' }])).toBe(true);
    expect(closedBy([{ action: 'status', from: 'closed', to: 'open' }])).toBe(false);
    expect(closedBy([{ action: 'tags' }])).toBe(false);
    expect(closedBy(undefined)).toBe(false);
  });

  it('asks the customer of a closed conversation with an email', () => {
    expect(ineligible(on, closed, emails)).toBeNull();
  });

  it('skips spam, merged away (gone), reopened, no email and a disabled workspace', () => {
    expect(ineligible(on, { ...closed, mailboxKind: 'spam' }, emails)).toBe('spam');
    expect(ineligible(on, null, emails)).toBe('gone');
    expect(ineligible(on, { ...closed, status: 'open' }, emails)).toBe('not_closed');
    expect(ineligible(on, closed, [])).toBe('no_email');
    expect(ineligible({ ...on, enabled: false }, closed, emails)).toBe('disabled');
  });

  it('skips API conversations unless the workspace includes them', () => {
    const api = { ...closed, channel: 'api' as const };
    expect(ineligible(on, api, emails)).toBe('api_channel');
    expect(ineligible({ ...on, includeApiChannel: true }, api, emails)).toBeNull();
  });

  it('speaks the contact’s language, else the workspace’s', () => {
    expect(customerLanguage('en', 'ar')).toBe('en');
    expect(customerLanguage(null, 'en')).toBe('en');
    expect(customerLanguage(null, null)).toBe('ar');
  });

  it('is due the delay after the close (5 minutes by default)', () => {
    expect(on.delayMinutes).toBe(5);
    expect(dueAt(closed.closedAt as Date, 5).toISOString()).toBe('2026-12-03T10:05:00.000Z');
    expect(dueAt(closed.closedAt as Date, 0).toISOString()).toBe('2026-12-03T10:00:00.000Z');
  });
});
