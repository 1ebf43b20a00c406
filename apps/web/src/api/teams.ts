import type { ListView, TeamView } from '@sanad/contracts';
import { request } from './client';

export const teamsApi = {
  list: () => request<ListView<TeamView>>('GET', '/teams'),
  create: (input: { name: string; memberIds: string[] }) =>
    request<TeamView>('POST', '/teams', input),
  update: (id: string, input: { name: string; memberIds: string[] }) =>
    request<TeamView>('PATCH', `/teams/${id}`, input),
  remove: (id: string) => request<void>('DELETE', `/teams/${id}`),
};
