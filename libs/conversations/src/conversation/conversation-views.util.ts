import type {
  AttachmentView,
  ContactSummaryView,
  ConversationView,
  MailboxView,
  MessageView,
  PersonRefView,
} from '@sanad/contracts';
import { downloadContentType } from '@sanad/core';
import type { Attachment } from '../entities/attachment.entity';
import type { Conversation } from '../entities/conversation.entity';
import type { Mailbox } from '../entities/mailbox.entity';
import type { Message } from '../entities/message.entity';

/** A conversation with what list views show next to it. */
export interface ConversationRow {
  conversation: Conversation;
  contact: ContactSummaryView | null;
  assignee: PersonRefView | null;
  team: PersonRefView | null;
  tags: string[];
  followers: string[];
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toMailboxView(mailbox: Mailbox): MailboxView {
  return {
    id: mailbox.id,
    name: mailbox.name,
    slug: mailbox.slug,
    kind: mailbox.kind,
    signature: mailbox.signature,
    archived: mailbox.archivedAt !== null,
  };
}

export function toConversationView(row: ConversationRow): ConversationView {
  const c = row.conversation;
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    status: c.status,
    channel: c.channel,
    mailboxId: c.mailboxId,
    contact: row.contact,
    assignee: row.assignee,
    team: row.team,
    priority: c.priority,
    tags: row.tags,
    followers: row.followers,
    lastPublicFrom: c.lastPublicFrom,
    lastMessageAt: c.lastMessageAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
    updatedAt: (c.updatedAt ?? c.createdAt).toISOString(),
    firstAgentReplyAt: iso(c.firstAgentReplyAt),
    lastCustomerMessageAt: iso(c.lastCustomerMessageAt),
    lastAgentReplyAt: iso(c.lastAgentReplyAt),
    closedAt: iso(c.closedAt),
    reopenedAt: iso(c.reopenedAt),
    snoozedUntil: iso(c.snoozedUntil),
  };
}

export function toAttachmentView(attachment: Attachment): AttachmentView {
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    url: `/api/v1/attachments/${attachment.id}`,
    inlineSafe: downloadContentType(attachment.contentType).inlineSafe,
    contentId: attachment.contentId,
  };
}

/**
 * A message's data as the team and integrators see it: without `emailChoices`, the customer's
 * own one-click links (a rating request's stars), which only the outgoing email carries.
 */
function shownData(data: Record<string, unknown>): Record<string, unknown> {
  if (!('emailChoices' in data)) return data;
  const shown = { ...data };
  delete shown.emailChoices;
  return shown;
}

export function toMessageView(
  message: Message,
  names: { users: Map<string, string>; contactName: string | null },
  attachments: Attachment[] = [],
): MessageView {
  const mentionIds = Array.isArray(message.data.mentions)
    ? (message.data.mentions as string[])
    : [];
  const mentions: PersonRefView[] = mentionIds.map((mentionId) => ({
    id: mentionId,
    name: names.users.get(mentionId) ?? '',
  }));
  const id =
    message.authorType === 'user'
      ? message.authorUserId
      : message.authorType === 'contact'
        ? message.authorContactId
        : null;
  const name =
    message.authorType === 'user'
      ? (names.users.get(message.authorUserId ?? '') ?? null)
      : message.authorType === 'contact'
        ? names.contactName
        : null;
  return {
    id: message.id,
    conversationId: message.conversationId,
    kind: message.kind,
    author: { type: message.authorType, id, name },
    text: message.bodyText,
    html: message.bodyHtml,
    delivery: message.deliveryStatus
      ? { status: message.deliveryStatus, error: message.deliveryError }
      : null,
    data: shownData(message.data),
    attachments: attachments.map(toAttachmentView),
    mentions,
    createdAt: message.createdAt.toISOString(),
  };
}

/** How a customer is named in the thread: their name, else their email or phone. */
export function displayName(
  contact: { name: string | null; emails: string[]; phones: string[] } | null | undefined,
): string | null {
  if (!contact) return null;
  return contact.name ?? contact.emails[0] ?? contact.phones[0] ?? null;
}

/** What makes a conversation findable before any message: its subject and its contact. */
export function headerText(
  subject: string,
  contact: { name: string | null; emails: string[]; phones: string[] },
): string {
  return [subject, contact.name ?? '', ...contact.emails, ...contact.phones].join(' ');
}
