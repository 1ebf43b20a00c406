import type {
  AttachmentView,
  BulkResultView,
  ConversationDetailView,
  ConversationView,
  EventsPageView,
  ListView,
  MailboxView,
  MessageView,
  PageView,
  ViewCountsView,
} from '@sanad/contracts';
import { request } from './client';

export interface ConversationFilters {
  view?: string;
  mailboxId?: string;
  contactId?: string;
  teamId?: string;
  status?: string;
  priority?: string;
  channel?: string;
  assigneeId?: string;
  tag?: string;
  contactCategoryId?: string;
  companyId?: string;
  /** Created at or after / before (ISO). */
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  number?: string;
}

export interface ConversationChanges {
  status?: string;
  priority?: string;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
  snoozedUntil?: string | null;
  spam?: boolean;
  /** Another person of the workspace becomes the customer. */
  contactId?: string;
}

export interface MessageBody {
  text: string;
  attachmentIds?: string[];
}

function query(filters: ConversationFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const conversationsApi = {
  list: (filters: ConversationFilters) =>
    request<PageView<ConversationView>>('GET', `/conversations${query(filters)}`),
  counts: () => request<ViewCountsView>('GET', '/conversations/counts'),
  get: (id: string) => request<ConversationDetailView>('GET', `/conversations/${id}`),
  update: (id: string, changes: ConversationChanges) =>
    request<ConversationView>('PATCH', `/conversations/${id}`, changes),
  reply: (id: string, body: MessageBody, lastSeenMessageId: string | undefined, force = false) =>
    request<MessageView>('POST', `/conversations/${id}/replies`, {
      ...body,
      lastSeenMessageId,
      force,
    }),
  note: (id: string, body: MessageBody & { mentions?: string[] }) =>
    request<MessageView>('POST', `/conversations/${id}/notes`, body),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<AttachmentView>('POST', '/attachments', form);
  },
  follow: (id: string, follow: boolean) =>
    request<ConversationView>(follow ? 'PUT' : 'DELETE', `/conversations/${id}/follow`),
  bulk: (ids: string[], changes: ConversationChanges) =>
    request<BulkResultView>('POST', '/conversations/bulk', { ids, changes }),
  merge: (id: string, intoId: string) =>
    request<ConversationDetailView>('POST', `/conversations/${id}/merge`, { intoId }),
  retryDelivery: (id: string, messageId: string) =>
    request<MessageView>('POST', `/conversations/${id}/messages/${messageId}/retry`),
  mailboxes: () => request<ListView<MailboxView>>('GET', '/mailboxes'),
  events: (after: number, limit = 200) =>
    request<EventsPageView>('GET', `/events?after=${after}&limit=${limit}`),
};
