import type { ListView, TagView } from '@sanad/contracts';
import { request } from './client';

export const tagsApi = {
  list: () => request<ListView<TagView>>('GET', '/tags'),
  rename: (id: string, name: string) => request<TagView>('PATCH', `/tags/${id}`, { name }),
  merge: (id: string, intoId: string) => request<TagView>('POST', `/tags/${id}/merge`, { intoId }),
  remove: (id: string) => request<void>('DELETE', `/tags/${id}`),
};
