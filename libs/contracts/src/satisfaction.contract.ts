/**
 * Satisfaction (التقييم): the workspace's settings, a rating as the API and webhooks show it, and
 * its events. The report shapes (summaries, groups, comments) are in reports.contract.ts.
 */
import type { Channel } from './conversations.contract';
import type { RatingDimension } from './reports.contract';

/** Minutes after a close the request waits (a quick reopen cancels it); 0 = at once. */
export const RATING_DEFAULT_DELAY_MINUTES = 5;
/** The longest delay an admin may choose: one week. */
export const RATING_MAX_DELAY_MINUTES = 7 * 24 * 60;
/** A rating can be changed this long after it was first given. */
export const RATING_CHANGE_DAYS = 7;
/** The email's star links work this long after it was sent. */
export const RATING_LINK_DAYS = 30;
/** The longest comment a customer may leave. */
export const RATING_COMMENT_MAX = 2000;

/** GET/PATCH /api/v1/satisfaction/settings. */
export interface SatisfactionSettingsView {
  /** Customers get a rating request when their conversation is closed (default on). */
  enabled: boolean;
  /** Minutes between the close and the email (default RATING_DEFAULT_DELAY_MINUTES). */
  delayMinutes: number;
  /** Conversations opened through the API get one too (by email, to the contact's address). */
  includeApiChannel: boolean;
}

/** One rating, attributed to the conversation as it was when the customer first rated it. */
export interface RatingView {
  id: string;
  conversationId: string;
  conversationNumber: number;
  contactId: string | null;
  agentId: string | null;
  teamId: string | null;
  mailboxId: string;
  channel: Channel;
  tagIds: string[];
  categoryId: string | null;
  /** The overall stars (1–5), from the email's one-click link or the page. */
  score: number;
  /** Each dimension 1–5, null until the customer gives it. */
  dimensions: Record<RatingDimension, number | null>;
  comment: string | null;
  firstRatedAt: string;
  updatedAt: string;
}

/** One bucket of the average rating over time (the bucket's first local instant, ISO). */
export interface RatingSeriesPoint {
  start: string;
  count: number;
  average: number | null;
  dimensions: Record<RatingDimension, number | null>;
}

export interface RatingEventFacts {
  ratingId: string;
  conversationId: string;
  /** The rated conversation's mailbox: the events feed shows it only to who may see that. */
  mailboxId: string;
}
export interface RatingEventData {
  rating: RatingView;
}
