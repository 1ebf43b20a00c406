import type { ApiTokenView, CreatedApiTokenView, ListView } from '@sanad/contracts';
import { request } from './client';

export const tokensApi = {
  list: () => request<ListView<ApiTokenView>>('GET', '/tokens'),
  create: (name: string) => request<CreatedApiTokenView>('POST', '/tokens', { name }),
  revoke: (id: string) => request<void>('DELETE', `/tokens/${id}`),
};
