import type { Digits, Language, MeView } from '@sanad/contracts';
import { request } from './client';

export const meApi = {
  get: () => request<MeView>('GET', '/me'),
  update: (input: { name?: string; language?: Language; digits?: Digits | null }) =>
    request<MeView>('PATCH', '/me', input),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/me/password', { currentPassword, newPassword }),
};
