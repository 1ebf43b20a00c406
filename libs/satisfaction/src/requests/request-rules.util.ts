import type { ConversationChange, Language, SatisfactionSettingsView } from '@sanad/contracts';
import type { SatisfactionFacts } from '@sanad/conversations';

/** Whether a conversation event closed the conversation (its changes name status → closed). */
export function closedBy(changes: readonly ConversationChange[] | undefined): boolean {
  return (changes ?? []).some((c) => c.action === 'status' && c.to === 'closed');
}

export type Ineligible = 'disabled' | 'gone' | 'not_closed' | 'spam' | 'api_channel' | 'no_email';

/**
 * Whether a closed conversation's customer is asked for a rating: not in the spam mailbox, not
 * merged away (gone), not opened through the API unless the workspace includes those, and only
 * when its contact has an email address to ask.
 */
export function ineligible(
  settings: SatisfactionSettingsView,
  facts: SatisfactionFacts | null,
  contactEmails: readonly string[],
): Ineligible | null {
  if (!settings.enabled) return 'disabled';
  if (!facts) return 'gone';
  if (facts.status !== 'closed' || !facts.closeEntryId) return 'not_closed';
  if (facts.mailboxKind === 'spam') return 'spam';
  if (facts.channel === 'api' && !settings.includeApiChannel) return 'api_channel';
  if (contactEmails.length === 0) return 'no_email';
  return null;
}

/** The customer's language: the contact's when known, else the workspace's default. */
export function customerLanguage(contact: Language | null, workspace: Language | null): Language {
  return contact ?? workspace ?? 'ar';
}

/** When a request is due: the close plus the delay. */
export function dueAt(closedAt: Date, delayMinutes: number): Date {
  return new Date(closedAt.getTime() + delayMinutes * 60_000);
}
