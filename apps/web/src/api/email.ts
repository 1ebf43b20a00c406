import type {
  BlockedSenderView,
  ListView,
  MailboxEmailSettingsView,
  TestEmailResultView,
} from '@sanad/contracts';
import { request } from './client';

export interface EmailSettingsInput {
  smtpHost?: string | null;
  smtpPort?: number | null;
  smtpSecurity?: 'tls' | 'starttls' | 'none';
  smtpUser?: string | null;
  smtpPassword?: string | null;
  fromName?: string | null;
  fromAddress?: string | null;
  autoAckEnabled?: boolean;
  autoAckAr?: string | null;
  autoAckEn?: string | null;
}

export const emailApi = {
  settings: (mailboxId: string) =>
    request<MailboxEmailSettingsView>('GET', `/mailboxes/${mailboxId}/email`),
  update: (mailboxId: string, input: EmailSettingsInput) =>
    request<MailboxEmailSettingsView>('PATCH', `/mailboxes/${mailboxId}/email`, input),
  addAddress: (mailboxId: string, address: string) =>
    request<MailboxEmailSettingsView>('POST', `/mailboxes/${mailboxId}/email/addresses`, {
      address,
    }),
  removeAddress: (mailboxId: string, address: string) =>
    request<MailboxEmailSettingsView>(
      'DELETE',
      `/mailboxes/${mailboxId}/email/addresses/${encodeURIComponent(address)}`,
    ),
  test: (mailboxId: string, to: string) =>
    request<TestEmailResultView>('POST', `/mailboxes/${mailboxId}/email/test`, { to }),
  blocked: () => request<ListView<BlockedSenderView>>('GET', '/blocked-senders'),
  block: (pattern: string) => request<BlockedSenderView>('POST', '/blocked-senders', { pattern }),
  unblock: (id: string) => request<void>('DELETE', `/blocked-senders/${id}`),
};
