import type { ListView, SavedReplyView } from '@sanad/contracts';
import { request } from './client';

export const savedRepliesApi = {
  list: (q = '') =>
    request<ListView<SavedReplyView>>(
      'GET',
      `/saved-replies${q ? `?q=${encodeURIComponent(q)}` : ''}`,
    ),
  create: (input: { name: string; body: string; shared: boolean }) =>
    request<SavedReplyView>('POST', '/saved-replies', input),
  update: (id: string, input: { name: string; body: string }) =>
    request<SavedReplyView>('PATCH', `/saved-replies/${id}`, input),
  remove: (id: string) => request<void>('DELETE', `/saved-replies/${id}`),
  render: (id: string, conversationId: string) =>
    request<{ text: string }>('POST', `/saved-replies/${id}/render`, { conversationId }),
};
