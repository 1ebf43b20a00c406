import type { Channel, ConversationStatus, Priority, ViewName } from '@sanad/contracts';

/** A validated list request: the repository turns it into one parameterised SQL query. */
export interface ConversationQuery {
  view: ViewName;
  /** The member's mailbox limit; null = every mailbox. */
  mailboxIds: string[] | null;
  mailboxId?: string;
  teamId?: string;
  number?: number;
  contactId?: string;
  statuses?: ConversationStatus[];
  channel?: Channel;
  /** A member id, or 'none' for unassigned. */
  assigneeId?: string;
  tag?: string;
  priority?: Priority;
  createdFrom?: Date;
  createdTo?: Date;
  search?: { simple: string; english: string };
  cursor?: { lastMessageAt: string; id: string };
  limit: number;
}
