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

export function encodeCursor(lastMessageAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([lastMessageAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { lastMessageAt: string; id: string } | null {
  try {
    const [lastMessageAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    if (Number.isNaN(Date.parse(lastMessageAt)) || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { lastMessageAt, id };
  } catch {
    return null;
  }
}
