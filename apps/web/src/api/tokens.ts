import type { ApiTokenScope, ApiTokenView, CreatedApiTokenView, ListView } from '@sanad/contracts';
import { request } from './client';

export const tokensApi = {
  list: () => request<ListView<ApiTokenView>>('GET', '/tokens'),
  create: (name: string, scope: ApiTokenScope) =>
    request<CreatedApiTokenView>('POST', '/tokens', { name, scope }),
  revoke: (id: string) => request<void>('DELETE', `/tokens/${id}`),
};
