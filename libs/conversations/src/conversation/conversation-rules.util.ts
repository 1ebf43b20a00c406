import type { ConversationStatus } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import type { Conversation } from '../entities/conversation.entity';

/** A timeline entry describing one change (stored as an activity message's data). */
export type Activity = Record<string, unknown> & { action: string };

type Timestamps = Pick<
  Conversation,
  | 'status'
  | 'closedAt'
  | 'reopenedAt'
  | 'snoozedUntil'
  | 'lastPublicFrom'
  | 'lastMessageAt'
  | 'lastCustomerMessageAt'
  | 'lastAgentReplyAt'
  | 'firstAgentReplyAt'
>;

/** Moves to `status`; closing stamps closedAt, leaving closed stamps reopenedAt. */
export function applyStatus(c: Timestamps, status: ConversationStatus, now: Date): Activity {
  const change = { action: 'status', from: c.status, to: status };
  if (status === 'closed') c.closedAt = now;
  if (c.status === 'closed' && status !== 'closed') c.reopenedAt = now;
  c.status = status;
  return change;
}

/**
 * Snoozing makes the conversation pending until then (a time in the past is refused); null
 * wakes it. Returns the timeline entries.
 */
export function applySnooze(c: Timestamps, until: string | null, now: Date): Activity[] {
  if (until === null) {
    if (!c.snoozedUntil) return [];
    c.snoozedUntil = null;
    return [{ action: 'unsnooze' }];
  }
  const at = new Date(until);
  if (at.getTime() <= now.getTime()) throw new DomainError('conversation/snooze_in_past');
  const changes = c.status !== 'pending' ? [applyStatus(c, 'pending', now)] : [];
  c.snoozedUntil = at;
  return [...changes, { action: 'snooze', until: at.toISOString() }];
}

/**
 * A status change from a PATCH with its snooze: an explicit snooze wins; moving to any status
 * but pending ends a snooze.
 */
export function applyStatusAndSnooze(
  c: Timestamps,
  change: { status?: ConversationStatus; snoozedUntil?: string | null },
  now: Date,
): Activity[] {
  const entries: Activity[] = [];
  if (change.status !== undefined && change.status !== c.status)
    entries.push(applyStatus(c, change.status, now));
  if (change.snoozedUntil !== undefined) entries.push(...applySnooze(c, change.snoozedUntil, now));
  else if (change.status !== undefined && change.status !== 'pending' && c.snoozedUntil)
    entries.push(...applySnooze(c, null, now));
  return entries;
}

/** The customer wrote: it is theirs to answer now, a snooze ends and it reopens if needed. */
export function customerWrote(c: Timestamps, now: Date): Activity | null {
  c.lastPublicFrom = 'contact';
  c.lastCustomerMessageAt = now;
  c.lastMessageAt = now;
  c.snoozedUntil = null;
  return c.status !== 'open' ? applyStatus(c, 'open', now) : null;
}

/** An agent replied in public (optionally changing the status in the same step). */
export function agentReplied(
  c: Timestamps,
  now: Date,
  status?: ConversationStatus,
): Activity | null {
  c.lastPublicFrom = 'user';
  c.lastAgentReplyAt = now;
  c.firstAgentReplyAt ??= now;
  c.lastMessageAt = now;
  return status && status !== c.status ? applyStatus(c, status, now) : null;
}

/** A snooze that ended: awake, and open again unless it already is. */
export function snoozeEnded(c: Timestamps, now: Date): Activity[] {
  c.snoozedUntil = null;
  const change = c.status !== 'open' ? applyStatus(c, 'open', now) : null;
  return [{ action: 'snooze_ended' }, ...(change ? [change] : [])];
}

/** Tag names cleaned and de-duplicated case-insensitively; the first spelling given wins. */
export function normaliseTagNames(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags.map((t) => cleanText(t)).filter(Boolean))
    if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

/** Bulk tag edits on top of the current tags (case-insensitive removal). */
export function editTags(current: string[], add: string[] = [], remove: string[] = []): string[] {
  const removed = new Set(remove.map((t) => cleanText(t).toLowerCase()));
  return [...current, ...add].filter((t) => !removed.has(cleanText(t).toLowerCase()));
}

/** The later of two merged conversations' activity timestamps. */
export function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
