import type { FeedEvent } from './realtime.contract';

/** Shapes of the shared inbox API. */

export const CONVERSATION_STATUSES = ['open', 'pending', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const CHANNELS = ['email', 'chat', 'form', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const VIEWS = ['all', 'ongoing', 'unanswered', 'mine', 'following', 'unassigned'] as const;
export type ViewName = (typeof VIEWS)[number];

export const MAILBOX_KINDS = ['inbox', 'spam', 'custom'] as const;
export type MailboxKind = (typeof MAILBOX_KINDS)[number];

/**
 * The names the two system mailboxes are created with. While one keeps its name, interfaces show
 * it in their own language (Inbox, Spam); a name an admin chose stays as written.
 */
export const SYSTEM_MAILBOX_NAMES = { inbox: 'الصندوق الوارد', spam: 'المزعج' } as const;

export interface MailboxView {
  id: string;
  name: string;
  slug: string;
  kind: MailboxKind;
  signature: string | null;
  archived: boolean;
}

export interface ContactSummaryView {
  id: string;
  name: string | null;
  emails: string[];
  phones: string[];
  externalId: string | null;
  /** The person's contact category and company (the inbox filters by them). */
  categoryId: string | null;
  companyId: string | null;
}

export interface PersonRefView {
  id: string;
  name: string;
}

/** A piece of a search snippet; `match` pieces are shown highlighted. Never HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface ConversationView {
  id: string;
  number: number;
  subject: string;
  status: ConversationStatus;
  channel: Channel;
  mailboxId: string;
  contact: ContactSummaryView | null;
  assignee: PersonRefView | null;
  team: PersonRefView | null;
  priority: Priority;
  tags: string[];
  /** Ids of the members following the conversation. */
  followers: string[];
  lastPublicFrom: 'contact' | 'user' | null;
  lastMessageAt: string;
  createdAt: string;
  /** Last change of the conversation itself (receivers order snapshots by it). */
  updatedAt: string;
  firstAgentReplyAt: string | null;
  lastCustomerMessageAt: string | null;
  lastAgentReplyAt: string | null;
  closedAt: string | null;
  reopenedAt: string | null;
  /** Snoozed (مؤجلة) until then; the conversation reopens by itself. */
  snoozedUntil: string | null;
  snippet?: SnippetPart[];
}

export const MESSAGE_KINDS = ['reply', 'note', 'activity'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageView {
  id: string;
  conversationId: string;
  kind: MessageKind;
  author: { type: 'contact' | 'user' | 'system'; id: string | null; name: string | null };
  text: string;
  html: string | null;
  /** For activity entries: what changed (e.g. { action: 'status', from: 'open', to: 'closed' }). */
  data: Record<string, unknown>;
  attachments: AttachmentView[];
  /** Members @mentioned in a note. */
  mentions: PersonRefView[];
  /** A reply on its way to the customer by email: its state and, when failed, why. */
  delivery: { status: DeliveryStatus; error: string | null } | null;
  createdAt: string;
}

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Download URL (same-origin, session or token authenticated). */
  url: string;
  /** Raster images and PDFs the thread may preview inline. */
  inlineSafe: boolean;
  /** For images inside an email's HTML (`cid:` links). */
  contentId: string | null;
}

/** Sent to a member's own sockets when a note @mentions them. */
export interface MentionView {
  conversationId: string;
  conversationNumber: number;
  subject: string;
  messageId: string;
  by: PersonRefView;
  text: string;
}

export interface ConversationDetailView {
  conversation: ConversationView;
  messages: MessageView[];
}

export interface PageView<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ViewCountsView {
  views: Record<ViewName, number>;
  mailboxes: Record<string, number>;
}

/** GET /api/v1/events?after=seq: what a reconnecting client missed. */
export interface EventsPageView {
  events: FeedEvent[];
  lastSeq: number;
}

export interface SavedReplyView {
  id: string;
  name: string;
  body: string;
  shared: boolean;
  /** Whether the caller may edit or delete it. */
  editable: boolean;
}

export interface TagView {
  id: string;
  name: string;
  /** Conversations carrying the tag. */
  count: number;
}

export interface TeamView {
  id: string;
  name: string;
  memberIds: string[];
}

/** POST /conversations/bulk: what changed and what could not (unknown ids count as not found). */
export interface BulkResultView {
  updated: string[];
  failed: Array<{ id: string; code: string }>;
}
