import type { InvitePreviewView, Language, MeView, SetupStatusView } from '@sanad/contracts';
import { request } from './client';

export interface CreateWorkspaceInput {
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  language: Language;
}

export const authApi = {
  setupStatus: () => request<SetupStatusView>('GET', '/setup/status'),
  setup: (input: CreateWorkspaceInput) => request<MeView>('POST', '/setup', input),
  signup: (input: CreateWorkspaceInput) => request<MeView>('POST', '/auth/signup', input),
  login: (email: string, password: string) =>
    request<MeView>('POST', '/auth/login', { email, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  previewInvite: (token: string) =>
    request<InvitePreviewView>('GET', `/auth/invites/${encodeURIComponent(token)}`),
  acceptInvite: (token: string, input: { name: string; password: string; language: Language }) =>
    request<MeView>('POST', `/auth/invites/${encodeURIComponent(token)}/accept`, input),
};
