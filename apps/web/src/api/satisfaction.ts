import type { SatisfactionSettingsView } from '@sanad/contracts';
import { request } from './client';

/** التقييم settings: members read them, admins change them (only what changed is sent). */
export const satisfactionApi = {
  settings: () => request<SatisfactionSettingsView>('GET', '/satisfaction/settings'),
  update: (input: Partial<SatisfactionSettingsView>) =>
    request<SatisfactionSettingsView>('PATCH', '/satisfaction/settings', input),
};
