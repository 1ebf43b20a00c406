import type { Channel, ConversationStatus } from '@sanad/contracts';

/**
 * The report definitions, written once (docs/reports.md says the same in words). Everything a
 * report shows is derived here from a conversation's stored timeline; SQL only adds facts up.
 *
 * - first response = the first public agent reply − the conversation's start. Notes, automatic
 *   messages (written by the system) and replies that failed to send do not count. A
 *   conversation an agent started (its first public message is theirs) has no first response.
 * - reply time = each customer message → the next public agent reply after it.
 * - resolution = the last close − the start, for conversations closed now.
 * - reopened = a closed conversation opened again, by an agent or by a customer's message.
 * - handled by an agent = conversations where they sent a public reply (the reply facts).
 * - spam (a conversation in the spam mailbox) is excluded; merged-away conversations are gone.
 * Business hours come later: a second set of seconds beside each of these is the seam.
 */

/** A conversation as the conversations library keeps it, reduced to what reports need. */
export interface TimelineConversation {
  id: string;
  workspaceId: string;
  startedAt: Date;
  channel: Channel;
  mailboxId: string;
  spam: boolean;
  teamId: string | null;
  assigneeId: string | null;
  contactId: string | null;
  status: ConversationStatus;
  tagIds: string[];
}

/** One timeline entry: a reply, a note, or an activity entry (status changes among them). */
export interface TimelineEntry {
  id: string;
  kind: 'reply' | 'note' | 'activity';
  author: 'contact' | 'user' | 'system';
  userId: string | null;
  at: Date;
  failed: boolean;
  /** Activity entries: what changed (`status`, with `to`). */
  action: string | null;
  to: string | null;
}

export interface ConversationFacts {
  conversationId: string;
  workspaceId: string;
  startedAt: Date;
  channel: Channel;
  mailboxId: string;
  teamId: string | null;
  assigneeId: string | null;
  contactId: string | null;
  categoryId: string | null;
  tagIds: string[];
  status: ConversationStatus;
  excluded: boolean;
  firstResponseAt: Date | null;
  firstResponseSeconds: number | null;
  firstResponderId: string | null;
  resolvedAt: Date | null;
  resolutionSeconds: number | null;
}

/** A customer message and the public agent reply that answered it (if one has). */
export interface ReplyFact {
  messageId: string;
  askedAt: Date;
  answeredAt: Date | null;
  answeredBy: string | null;
  seconds: number | null;
}

/** A public agent reply (handled, replies per agent). */
export interface AgentReplyFact {
  messageId: string;
  userId: string;
  at: Date;
}

/**
 * A close or a reopen; `byAgent` false for a reopen by the customer's message. A close has
 * `until`: the reopen that ended it (null while it stays closed), so "closed at time T" is one
 * range count.
 */
export interface StatusFact {
  id: string;
  kind: 'closed' | 'reopened';
  at: Date;
  userId: string | null;
  byAgent: boolean;
  until: Date | null;
}

export interface DerivedFacts {
  conversation: ConversationFacts;
  replies: ReplyFact[];
  agentReplies: AgentReplyFact[];
  statuses: StatusFact[];
}

const seconds = (from: Date, to: Date): number =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

const isAgentReply = (e: TimelineEntry): boolean =>
  e.kind === 'reply' && e.author === 'user' && e.userId !== null && !e.failed;

const isCustomerMessage = (e: TimelineEntry): boolean =>
  e.kind === 'reply' && e.author === 'contact';

/** Entries in the order they happened (ties keep the stored order). */
function chronological(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index)
    .map((x) => x.entry);
}

/** Every fact reports keep about one conversation, from its timeline. */
export function deriveFacts(
  c: TimelineConversation,
  timeline: TimelineEntry[],
  categoryId: string | null,
): DerivedFacts {
  const entries = chronological(timeline);
  const replies: ReplyFact[] = [];
  const agentReplies: AgentReplyFact[] = [];
  const statuses: StatusFact[] = [];
  let waiting: ReplyFact[] = [];
  let firstPublicByAgent: boolean | null = null;
  let firstResponse: TimelineEntry | null = null;
  let state: string = 'open';
  let lastClose: Date | null = null;
  const reopen = (fact: StatusFact): void => {
    const close = statuses[statuses.length - 1];
    if (close?.kind === 'closed') close.until = fact.at;
    statuses.push(fact);
  };

  for (const e of entries) {
    if (isCustomerMessage(e)) {
      firstPublicByAgent ??= false;
      if (state === 'closed') {
        reopen({ id: e.id, kind: 'reopened', at: e.at, userId: null, byAgent: false, until: null });
        state = 'open';
      }
      const fact: ReplyFact = {
        messageId: e.id,
        askedAt: e.at,
        answeredAt: null,
        answeredBy: null,
        seconds: null,
      };
      replies.push(fact);
      waiting.push(fact);
    } else if (isAgentReply(e)) {
      firstPublicByAgent ??= true;
      if (!firstResponse && !firstPublicByAgent) firstResponse = e;
      agentReplies.push({ messageId: e.id, userId: e.userId as string, at: e.at });
      for (const fact of waiting) {
        fact.answeredAt = e.at;
        fact.answeredBy = e.userId;
        fact.seconds = seconds(fact.askedAt, e.at);
      }
      waiting = [];
    } else if (e.kind === 'activity' && e.action === 'status' && e.to) {
      if (e.to === 'closed' && state !== 'closed') {
        statuses.push({
          id: e.id,
          kind: 'closed',
          at: e.at,
          userId: e.userId,
          byAgent: true,
          until: null,
        });
        lastClose = e.at;
      } else if (e.to !== 'closed' && state === 'closed') {
        reopen({
          id: e.id,
          kind: 'reopened',
          at: e.at,
          userId: e.userId,
          byAgent: e.author === 'user',
          until: null,
        });
      }
      state = e.to;
    }
  }

  const resolvedAt = c.status === 'closed' && lastClose ? lastClose : null;
  return {
    conversation: {
      conversationId: c.id,
      workspaceId: c.workspaceId,
      startedAt: c.startedAt,
      channel: c.channel,
      mailboxId: c.mailboxId,
      teamId: c.teamId,
      assigneeId: c.assigneeId,
      contactId: c.contactId,
      categoryId,
      tagIds: [...c.tagIds].sort(),
      status: c.status,
      excluded: c.spam,
      firstResponseAt: firstResponse?.at ?? null,
      firstResponseSeconds: firstResponse ? seconds(c.startedAt, firstResponse.at) : null,
      firstResponderId: firstResponse?.userId ?? null,
      resolvedAt,
      resolutionSeconds: resolvedAt ? seconds(c.startedAt, resolvedAt) : null,
    },
    replies,
    agentReplies,
    statuses,
  };
}
