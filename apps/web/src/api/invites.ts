import type { CreatedInviteView, InviteView, ListView } from '@sanad/contracts';
import { request } from './client';

export const invitesApi = {
  list: () => request<ListView<InviteView>>('GET', '/invites'),
  create: (email: string, role: 'admin' | 'agent') =>
    request<CreatedInviteView>('POST', '/invites', { email, role }),
  revoke: (id: string) => request<void>('DELETE', `/invites/${id}`),
};
