import type { Principal, User } from '@sanad/accounts';
import type { Contact } from '@sanad/contacts';
import { Attachment, Conversation, Mailbox, Message } from '@sanad/conversations';
import { randomUUID } from 'node:crypto';

/**
 * In-memory entities for unit specs, each in one line: `aConversation({ status: 'closed' })`.
 * Defaults are a plausible open email conversation of one workspace.
 */
export const WORKSPACE_ID = '00000000-0000-4000-8000-000000000001';
export const INBOX_ID = '00000000-0000-4000-8000-0000000000a1';

export function aPrincipal(overrides: Partial<Principal> = {}): Principal {
  return {
    userId: randomUUID(),
    workspaceId: WORKSPACE_ID,
    role: 'agent',
    language: 'ar',
    via: 'session',
    sessionId: randomUUID(),
    mailboxIds: null,
    ...overrides,
  };
}

export function aConversation(overrides: Partial<Conversation> = {}): Conversation {
  const now = new Date('2026-11-30T09:00:00.000Z');
  return Object.assign(new Conversation(), {
    id: randomUUID(),
    workspaceId: WORKSPACE_ID,
    number: 1,
    subject: 'مشكلة في الطلب',
    status: 'open',
    channel: 'email',
    mailboxId: INBOX_ID,
    contactId: randomUUID(),
    assigneeId: null,
    teamId: null,
    priority: 'normal',
    snoozedUntil: null,
    lastPublicFrom: 'contact',
    lastMessageAt: now,
    firstAgentReplyAt: null,
    lastCustomerMessageAt: now,
    lastAgentReplyAt: null,
    closedAt: null,
    reopenedAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  } satisfies Partial<Conversation>);
}

export function aMessage(overrides: Partial<Message> = {}): Message {
  return Object.assign(new Message(), {
    id: randomUUID(),
    workspaceId: WORKSPACE_ID,
    conversationId: randomUUID(),
    kind: 'reply',
    authorType: 'contact',
    authorUserId: null,
    authorContactId: null,
    bodyText: 'مرحباً',
    bodyHtml: null,
    emailMessageId: null,
    deliveryStatus: null,
    deliveryError: null,
    data: {},
    createdAt: new Date('2026-11-30T09:00:00.000Z'),
    ...overrides,
  } satisfies Partial<Message>);
}

export function aMailbox(overrides: Partial<Mailbox> = {}): Mailbox {
  return Object.assign(new Mailbox(), {
    id: INBOX_ID,
    workspaceId: WORKSPACE_ID,
    name: 'الصندوق الوارد',
    slug: 'inbox',
    kind: 'inbox',
    signature: null,
    archivedAt: null,
    ...overrides,
  });
}

export function aContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: randomUUID(),
    workspaceId: WORKSPACE_ID,
    name: 'سارة',
    emails: ['sara@example.test'],
    phones: [],
    externalId: null,
    companyId: null,
    companyLink: null,
    companyDomainOptOut: false,
    categoryId: null,
    customFields: {},
    notes: null,
    language: null,
    identityVerifiedAt: null,
    lastSeenAt: null,
    lastConversationAt: null,
    sortName: 'ساره',
    searchText: 'ساره | sara@example.test',
    registered: true,
    createdAt: new Date('2026-11-30T09:00:00.000Z'),
    updatedAt: new Date('2026-11-30T09:00:00.000Z'),
    ...overrides,
  };
}

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: randomUUID(),
    workspaceId: WORKSPACE_ID,
    name: 'ليلى',
    email: `agent-${randomUUID().slice(0, 8)}@example.test`,
    passwordHash: 'x',
    role: 'agent',
    language: 'ar',
    digits: null,
    active: true,
    mailboxIds: null,
    deactivatedAt: null,
    createdAt: new Date('2026-11-30T09:00:00.000Z'),
    updatedAt: new Date('2026-11-30T09:00:00.000Z'),
    ...overrides,
  };
}

export function anAttachment(overrides: Partial<Attachment> = {}): Attachment {
  const id = randomUUID();
  return Object.assign(new Attachment(), {
    id,
    workspaceId: WORKSPACE_ID,
    conversationId: null,
    messageId: null,
    uploadedBy: null,
    fileName: 'فاتورة.pdf',
    contentType: 'application/pdf',
    size: 1024,
    storageKey: `attachments/2026/11/${id}`,
    contentId: null,
    createdAt: new Date('2026-11-30T09:00:00.000Z'),
    ...overrides,
  });
}
