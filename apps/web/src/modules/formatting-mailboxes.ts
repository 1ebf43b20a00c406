import type { MailboxKind, MailboxView } from '@sanad/contracts';

/**
 * The names the server gives the two system mailboxes when it creates them (libs/conversations
 * `SYSTEM_MAILBOX_NAMES`). While a system mailbox still has its default name the SPA shows it in
 * the interface language; a name an admin chose stays as written.
 */
export const SYSTEM_MAILBOX_DEFAULT_NAMES: Record<Exclude<MailboxKind, 'custom'>, string> = {
  inbox: 'الصندوق الوارد',
  spam: 'المزعج',
};

/** `inbox` or `spam` when the mailbox shows under its translated system name, else null. */
export function systemMailboxName(
  mailbox: Pick<MailboxView, 'kind' | 'name'>,
): Exclude<MailboxKind, 'custom'> | null {
  if (mailbox.kind === 'custom') return null;
  return mailbox.name.trim() === SYSTEM_MAILBOX_DEFAULT_NAMES[mailbox.kind] ? mailbox.kind : null;
}
