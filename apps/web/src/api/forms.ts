import type {
  FormDefinition,
  FormState,
  FormSummaryView,
  FormVersionSummary,
  FormVersionView,
  FormView,
  Language,
  ListView,
} from '@sanad/contracts';
import { request } from './client';
import { idempotencyKey } from './idempotency-key';

export interface FormChanges {
  name?: string;
  state?: FormState;
  /** Checked whole: every broken rule comes back at its path (`draft.fields.2.options`). */
  draft?: FormDefinition;
}

export const formsApi = {
  list: () => request<ListView<FormSummaryView>>('GET', '/forms'),
  create: (input: { name: string; language?: Language }, key: string = idempotencyKey()) =>
    request<FormView>('POST', '/forms', input, { headers: { 'Idempotency-Key': key } }),
  get: (id: string) => request<FormView>('GET', `/forms/${id}`),
  update: (id: string, changes: FormChanges) => request<FormView>('PATCH', `/forms/${id}`, changes),
  remove: (id: string) => request<void>('DELETE', `/forms/${id}`),
  publish: (id: string, note: string | null) =>
    request<FormView>('POST', `/forms/${id}/publish`, note ? { note } : {}),
  versions: (id: string) => request<ListView<FormVersionSummary>>('GET', `/forms/${id}/versions`),
  version: (id: string, number: number) =>
    request<FormVersionView>('GET', `/forms/${id}/versions/${number}`),
  /** The version back in the draft; publishing then rolls the form back. */
  restore: (id: string, number: number) =>
    request<FormView>('POST', `/forms/${id}/versions/${number}/restore`, {}),
};
