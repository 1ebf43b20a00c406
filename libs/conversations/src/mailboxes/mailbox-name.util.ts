import { SYSTEM_MAILBOX_NAMES, type MailboxKind } from '@sanad/contracts';
import type { Language } from '@sanad/core';

/** The system mailboxes' names in each language; the Arabic ones are what they are created with. */
const SYSTEM_NAMES: Record<Exclude<MailboxKind, 'custom'>, Record<Language, string>> = {
  inbox: { ar: SYSTEM_MAILBOX_NAMES.inbox, en: 'Inbox' },
  spam: { ar: SYSTEM_MAILBOX_NAMES.spam, en: 'Spam' },
};

/**
 * A mailbox's name as a customer reads it in `language`: the inbox and spam under the name they
 * were created with are named in that language (Inbox, الصندوق الوارد); a name an admin chose
 * stays as written. The SPA's `systemMailboxName` follows the same rule.
 */
export function mailboxNameIn(
  mailbox: { kind: MailboxKind; name: string },
  language: Language,
): string {
  if (mailbox.kind === 'custom') return mailbox.name;
  const names = SYSTEM_NAMES[mailbox.kind];
  return mailbox.name.trim() === names.ar ? names[language] : mailbox.name;
}
