import type { ConversationView, Role, ViewName } from '@sanad/contracts';

/**
 * What one conversation list shows: a view and the filters of GET /conversations. The store
 * keys its lists by it, and decides on the client whether a changed conversation belongs to a
 * list with the same rules as the server (libs/conversations … repository `list`).
 */
export interface ConversationQuery {
  view: ViewName;
  mailboxId?: string;
  /** One status or several, comma-separated (open,pending). */
  status?: string;
  channel?: string;
  /** A member id, or "none" for unassigned. */
  assigneeId?: string;
  /** Matched case-insensitively. */
  tag?: string;
  priority?: string;
  teamId?: string;
  contactId?: string;
  contactCategoryId?: string;
  companyId?: string;
  /** Created at or after / before these instants (ISO): the conversations behind a report's number. */
  from?: string;
  to?: string;
  /** Full-text search: the server decides what matches, the client never inserts. */
  q?: string;
}

/** Who is looking: `mine` and `following` are about them, and agents may see some mailboxes only. */
export interface Viewer {
  userId: string;
  role: Role;
  mailboxIds: string[] | null;
}

export interface MatchContext {
  viewer: Viewer;
  /** Conversations here are left out of every list without a mailbox (or contact) filter. */
  spamMailboxIds: ReadonlySet<string>;
}

const FILTERS = [
  'mailboxId',
  'status',
  'channel',
  'assigneeId',
  'tag',
  'priority',
  'teamId',
  'contactId',
  'contactCategoryId',
  'companyId',
  'from',
  'to',
  'q',
] as const;

/** Drops empty filters and trims text, so the same list always has the same key. */
export function normaliseQuery(query: ConversationQuery): ConversationQuery {
  const clean: ConversationQuery = { view: query.view };
  for (const name of FILTERS) {
    const value = query[name]?.trim();
    if (value) clean[name] = value;
  }
  return clean;
}

export function queryKey(query: ConversationQuery): string {
  const clean = normaliseQuery(query);
  return JSON.stringify([clean.view, ...FILTERS.map((name) => clean[name] ?? null)]);
}

export function canSee(viewer: Viewer, mailboxId: string): boolean {
  return viewer.role !== 'agent' || viewer.mailboxIds === null
    ? true
    : viewer.mailboxIds.includes(mailboxId);
}

function matchesView(view: ViewName, c: ConversationView, userId: string): boolean {
  const notClosed = c.status !== 'closed';
  switch (view) {
    case 'all':
      return true;
    case 'ongoing':
      return notClosed;
    case 'unanswered':
      return notClosed && c.lastPublicFrom === 'contact';
    case 'mine':
      return notClosed && c.assignee?.id === userId;
    case 'following':
      return notClosed && c.followers.includes(userId);
    case 'unassigned':
      return notClosed && !c.assignee;
  }
}

/** Whether the conversation belongs in this list (the search text aside: the server decides it). */
export function matchesQuery(
  query: ConversationQuery,
  c: ConversationView,
  context: MatchContext,
): boolean {
  if (!canSee(context.viewer, c.mailboxId)) return false;
  if (query.mailboxId) {
    if (c.mailboxId !== query.mailboxId) return false;
  } else if (!query.contactId && context.spamMailboxIds.has(c.mailboxId)) return false;
  if (query.contactId && c.contact?.id !== query.contactId) return false;
  if (query.contactCategoryId && c.contact?.categoryId !== query.contactCategoryId) return false;
  if (query.companyId && c.contact?.companyId !== query.companyId) return false;
  if (!matchesView(query.view, c, context.viewer.userId)) return false;
  if (query.status && !query.status.split(',').includes(c.status)) return false;
  if (query.channel && c.channel !== query.channel) return false;
  if (query.assigneeId) {
    if (query.assigneeId.toLowerCase() === 'none') {
      if (c.assignee) return false;
    } else if (c.assignee?.id.toLowerCase() !== query.assigneeId.toLowerCase()) return false;
  }
  if (query.priority && c.priority !== query.priority) return false;
  const created = Date.parse(c.createdAt);
  if (query.from && !(created >= Date.parse(query.from))) return false;
  if (query.to && !(created < Date.parse(query.to))) return false;
  if (query.teamId && c.team?.id !== query.teamId) return false;
  if (query.tag) {
    const tag = query.tag.toLowerCase();
    if (!c.tags.some((t) => t.toLowerCase() === tag)) return false;
  }
  return true;
}

/** Where a conversation sorts: newest activity first, then id descending (the server's keyset). */
export interface SortKey {
  lastMessageAt: string;
  id: string;
}

export function sortKey(c: SortKey): SortKey {
  return { lastMessageAt: c.lastMessageAt, id: c.id };
}

/** Negative when `a` comes before `b` in a list. */
export function compareConversations(a: SortKey, b: SortKey): number {
  const at = Date.parse(a.lastMessageAt);
  const bt = Date.parse(b.lastMessageAt);
  if (at !== bt) return bt - at;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/**
 * Whether a conversation falls inside the part of the list that is loaded: anywhere when there
 * is no next page, else up to the last item of the last page fetched (the cursor's position).
 */
export function withinLoaded(c: SortKey, boundary: SortKey | null): boolean {
  return boundary === null || compareConversations(c, boundary) <= 0;
}

/** A new array with the conversation at its place (the array is assumed sorted). */
export function insertSorted<T extends SortKey>(items: readonly T[], item: T): T[] {
  let index = items.findIndex((other) => compareConversations(item, other) < 0);
  if (index === -1) index = items.length;
  return [...items.slice(0, index), item, ...items.slice(index)];
}
