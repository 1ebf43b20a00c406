import type {
  FormSummaryView,
  FormVersionView,
  ListView,
  PageView,
  SubmissionState,
  SubmissionSummaryView,
  SubmissionView,
  UpdateSubmissionInput,
} from '@sanad/contracts';
import { request } from './client';
import { queryString } from './query-string';

/** Query of GET /form-submissions; days are calendar days (`YYYY-MM-DD`) on the workspace's clock. */
export interface SubmissionsQuery {
  formId?: string;
  /** Without it: the inbox of submissions (`new` and `read`); `new` alone: the unread. */
  state?: SubmissionState;
  from?: string;
  to?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export const formSubmissionsApi = {
  list: (query: SubmissionsQuery = {}) =>
    request<PageView<SubmissionSummaryView>>(
      'GET',
      `/form-submissions${queryString({ ...query })}`,
    ),
  get: (id: string) => request<SubmissionView>('GET', `/form-submissions/${id}`),
  /** A state change, or corrected answers (audited). */
  update: (id: string, input: UpdateSubmissionInput) =>
    request<SubmissionView>('PATCH', `/form-submissions/${id}`, input),
  /** The CSV of one form's submissions, with the list's filters (a plain download link). */
  exportUrl: (query: Omit<SubmissionsQuery, 'cursor' | 'limit'> & { formId: string }) =>
    `/api/v1/form-submissions/export.csv${queryString({ ...query })}`,
  /** The forms, for the list's filter (every member may read them). */
  forms: () => request<ListView<FormSummaryView>>('GET', '/forms'),
  /** The version a submission was made against: its fields' options, for editing answers. */
  version: (formId: string, number: number) =>
    request<FormVersionView>('GET', `/forms/${formId}/versions/${number}`),
};
