import type { ListView, MailboxView } from '@sanad/contracts';
import { request } from './client';

export interface MailboxInput {
  name?: string;
  slug?: string;
  signature?: string;
  archived?: boolean;
}

export const mailboxesApi = {
  list: () => request<ListView<MailboxView>>('GET', '/mailboxes'),
  create: (input: MailboxInput) => request<MailboxView>('POST', '/mailboxes', input),
  update: (id: string, input: MailboxInput) =>
    request<MailboxView>('PATCH', `/mailboxes/${id}`, input),
};
