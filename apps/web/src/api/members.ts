import type { ListView, Role, UserView } from '@sanad/contracts';
import { request } from './client';

export const membersApi = {
  list: () => request<ListView<UserView>>('GET', '/members'),
  changeRole: (id: string, role: Role) => request<UserView>('PATCH', `/members/${id}`, { role }),
  deactivate: (id: string) => request<UserView>('POST', `/members/${id}/deactivate`),
  reactivate: (id: string) => request<UserView>('POST', `/members/${id}/reactivate`),
  setMailboxes: (id: string, mailboxIds: string[] | null) =>
    request<UserView>('PUT', `/members/${id}/mailboxes`, { mailboxIds }),
};
