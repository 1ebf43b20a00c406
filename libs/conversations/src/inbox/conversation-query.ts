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
  /** Customers of this contact category or company (contacts' `contacts_in_segment`). */
  contactCategoryId?: string;
  companyId?: string;
  statuses?: ConversationStatus[];
  channel?: Channel;
  /** A member id, or 'none' for unassigned. */
  assigneeId?: string;
  tag?: string;
  priority?: Priority;
  createdFrom?: Date;
  createdTo?: Date;
  /**
   * Full-text search: rows whose vector matches `match` (a tsquery) and not `exclude` (the
   * tiers above this one, already listed).
   */
  search?: { match: string; exclude: string | null };
  cursor?: { lastMessageAt: string; id: string };
  limit: number;
}
