import { mayWorkIn, type ActiveMember } from '@sanad/accounts';
import { DomainError } from '@sanad/core';

/**
 * The members a note @mentions (each once, in order): every one must be active and able to see
 * the conversation's mailbox, else the note is refused naming the mention.
 */
export function checkMentions(ids: string[], active: ActiveMember[], mailboxId: string): string[] {
  const unique = [...new Set(ids)];
  unique.forEach((id, index) => {
    const member = active.find((m) => m.id === id);
    if (!member || !mayWorkIn(member, mailboxId))
      throw new DomainError('request/validation', {}, [
        { field: `mentions.${index}`, code: 'unknownMention' },
      ]);
  });
  return unique;
}
