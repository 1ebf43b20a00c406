import type { InviteView, UserView, WorkspaceView } from './auth.contract';
import type {
  CompanyDeletedData,
  CompanyEventData,
  CompanyMergedData,
  ContactDeletedData,
  ContactErasureFacts,
  ContactEventData,
  ContactMergedData,
} from './contacts.contract';
import type { ContactImportEventData } from './contact-imports.contract';
import type { SubmissionView } from './forms.contract';
import type { RatingEventData, RatingEventFacts } from './satisfaction.contract';
import type { NpsRespondedData, NpsRespondedFacts } from './nps.contract';
import type { ConversationView, MentionView, MessageView } from './conversations.contract';
import type { WebhookDisabledReason } from './webhooks.contract';

/**
 * Every domain event, declared once: its name, what the outbox stores with the change that
 * caused it (`facts`: ids and what changed, written in the writer's transaction), and what
 * subscribers receive (`data`: views built after commit from the facts). Sockets, the events
 * feed and (later) webhooks deliver `data` under the same names. Events whose `data` is `never`
 * stay inside the server (consumers only).
 */
export interface EventMap {
  'member.updated': { facts: MemberUpdatedData; data: MemberUpdatedData };
  'member.invited': { facts: MemberInvitedData; data: MemberInvitedData };
  'member.joined': { facts: MemberJoinedData; data: MemberJoinedData };
  /** Basic settings or the brand changed: every member's SPA applies the new workspace. */
  'workspace.updated': { facts: WorkspaceUpdatedData; data: WorkspaceUpdatedData };
  'conversation.created': { facts: ConversationFacts; data: ConversationEventData };
  'conversation.updated': { facts: ConversationFacts; data: ConversationEventData };
  'conversation.merged': { facts: ConversationMergedData; data: ConversationMergedData };
  'message.created': { facts: MessageFacts; data: MessageEventData };
  'message.updated': { facts: MessageFacts; data: MessageEventData };
  'mention.created': { facts: MentionFacts; data: MentionEventData };
  'contact.created': { facts: ContactFacts; data: ContactEventData };
  'contact.updated': { facts: ContactFacts; data: ContactEventData };
  'contact.merged': { facts: ContactMergedFacts; data: ContactMergedData };
  'contact.deleted': { facts: ContactDeletedData; data: ContactDeletedData };
  'company.created': { facts: CompanyFacts; data: CompanyEventData };
  'company.updated': { facts: CompanyFacts; data: CompanyEventData };
  'company.merged': { facts: CompanyMergedFacts; data: CompanyMergedData };
  'company.deleted': { facts: CompanyDeletedData; data: CompanyDeletedData };
  /** A CSV import moved on (checked, a batch imported, finished): its screen follows it. */
  'contact_import.updated': { facts: { importId: string }; data: ContactImportEventData };
  /** A form submission was accepted (or released from spam): its contact and conversation exist. */
  'form.submitted': { facts: FormSubmittedFacts; data: FormSubmittedData };
  /** A customer rated a closed conversation (the email's star, then the page's answers). */
  'rating.created': { facts: RatingEventFacts; data: RatingEventData };
  /** A customer changed their rating (within RATING_CHANGE_DAYS) or added its dimensions. */
  'rating.updated': { facts: RatingEventFacts; data: RatingEventData };
  /** A customer answered an NPS survey (0–10 and a comment), or changed the answer. */
  'nps.responded': { facts: NpsRespondedFacts; data: NpsRespondedData };
  /** Sessions or API tokens ended (logout, revocation, password change): their sockets close. */
  'credentials.revoked': { facts: { credentialIds: string[] }; data: never };
  /** A stored inbound email waits for the processor. */
  'email.received': { facts: { inboundEmailId: string }; data: never };
  /** A reply was queued for email (again): its consumer puts the send job on the queue. */
  'email.queued': { facts: { messageId: string; generation: number }; data: never };
  /** Sanad disabled a webhook endpoint (410 Gone, or failing for days): admins are told by email. */
  'webhook.disabled': { facts: WebhookDisabledFacts; data: never };
  /**
   * A submission was stored and accepted: its consumer makes its person and conversation. Written
   * without a workspace (no sequence lock: a form takes many at once); the payload names it.
   */
  'form.received': { facts: { submissionId: string; workspaceId: string }; data: never };
  /** An admin asked to erase a person: its consumer puts the `contacts.erase` job on the queue. */
  'contact.erasure_requested': { facts: ContactErasureFacts; data: never };
}

export type EventName = keyof EventMap;
export type EventFacts<K extends EventName> = EventMap[K]['facts'];
export type EventData<K extends EventName> = EventMap[K]['data'];

/** Events subscribers (agents' sockets, the events feed, later webhooks) receive. */
export type PublicEventName = {
  [K in EventName]: EventMap[K]['data'] extends never ? never : K;
}[EventName];

export const PUBLIC_EVENTS = [
  'member.updated',
  'member.invited',
  'member.joined',
  'workspace.updated',
  'conversation.created',
  'conversation.updated',
  'conversation.merged',
  'message.created',
  'message.updated',
  'mention.created',
  'contact.created',
  'contact.updated',
  'contact.merged',
  'contact.deleted',
  'company.created',
  'company.updated',
  'company.merged',
  'company.deleted',
  'contact_import.updated',
  'form.submitted',
  'rating.created',
  'rating.updated',
  'nps.responded',
] as const satisfies readonly PublicEventName[];

/** Compile-time check that PUBLIC_EVENTS lists every public event. */
type MissingPublicEvent = Exclude<PublicEventName, (typeof PUBLIC_EVENTS)[number]>;
export const PUBLIC_EVENTS_COMPLETE: MissingPublicEvent extends never ? true : never = true;

export const MEMBER_ACTIONS = [
  'member.role_changed',
  'member.deactivated',
  'member.reactivated',
  'member.mailboxes_changed',
] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

export interface MemberUpdatedData {
  user: UserView;
  /** Absent when the member changed their own profile. */
  action?: MemberAction;
}
export interface MemberInvitedData {
  invite: InviteView;
}
export interface MemberJoinedData {
  user: UserView;
}
export interface FormSubmittedFacts {
  submissionId: string;
  formId: string;
}
export interface FormSubmittedData {
  submission: SubmissionView;
}

export interface WorkspaceUpdatedData {
  workspace: WorkspaceView;
  /** What changed: basic settings' field names, or `brand`. */
  changed: string[];
}

/** Stored with a conversation change: where it is (and was), and the new message if any. */
export interface ConversationFacts {
  conversationId: string;
  mailboxId: string;
  /** The mailbox it left (moved, marked spam or merged). */
  previousMailboxId?: string;
  /** What changed, as the timeline recorded it (absent when only messages were added). */
  changes?: ConversationChange[];
}
/** One change of a conversation: the timeline entry's action (status, assignee, tags, ...). */
export interface ConversationChange {
  action: string;
  from?: unknown;
  to?: unknown;
}
export interface ConversationEventData {
  mailboxId: string;
  previousMailboxId?: string;
  conversation: ConversationView;
  changes?: ConversationChange[];
}

export interface MessageFacts {
  conversationId: string;
  mailboxId: string;
  messageId: string;
}
export interface MessageEventData {
  mailboxId: string;
  conversationId: string;
  /** A note: seen by the team only, never sent to the customer. */
  private: boolean;
  message: MessageView;
}

/** `sourceId` is gone: its messages, tags and followers are now in `targetId`. */
export interface ConversationMergedData {
  mailboxId: string;
  previousMailboxId: string;
  sourceId: string;
  targetId: string;
}

export interface MentionFacts {
  mailboxId: string;
  conversationId: string;
  messageId: string;
  /** The mentioned member (the event goes to their sockets only). */
  userId: string;
  byUserId: string;
}
export interface MentionEventData {
  mailboxId: string;
  userId: string;
  mention: MentionView;
}

/** Stored with a change of a person: who, and which of their fields changed. */
export interface ContactFacts {
  contactId: string;
  changed?: string[];
}
export interface ContactMergedFacts {
  sourceId: string;
  targetId: string;
}
export interface CompanyFacts {
  companyId: string;
  changed?: string[];
}
export interface CompanyMergedFacts {
  sourceId: string;
  targetId: string;
}

export interface WebhookDisabledFacts {
  endpointId: string;
  url: string;
  reason: WebhookDisabledReason;
}
