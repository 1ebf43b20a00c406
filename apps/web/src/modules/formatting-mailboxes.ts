import { SYSTEM_MAILBOX_NAMES, type MailboxKind, type MailboxView } from '@sanad/contracts';

/**
 * `inbox` or `spam` when a system mailbox still has the name it was created with (the SPA shows
 * it in the interface language), else null: a name an admin chose stays as written.
 */
export function systemMailboxName(
  mailbox: Pick<MailboxView, 'kind' | 'name'>,
): Exclude<MailboxKind, 'custom'> | null {
  if (mailbox.kind === 'custom') return null;
  return mailbox.name.trim() === SYSTEM_MAILBOX_NAMES[mailbox.kind] ? mailbox.kind : null;
}
