import type {
  NpsGroup,
  NpsPreviewView,
  NpsReportView,
  NpsResponseView,
  NpsSegment,
  NpsSettingsView,
  NpsSurveyDetailView,
  NpsSurveyView,
  PageView,
} from '@sanad/contracts';
import { npsReportPath, type NpsReportQuery } from '@/features/reports/nps/nps-query';
import { request } from './client';
import { idempotencyKey } from './idempotency-key';
import { queryString } from './query-string';

/**
 * صافي نقاط الترويج (NPS): surveys sent by email to a segment of contacts, their responses, the
 * report over time and the settings. Admins only. The views are the server's: import them from
 * @sanad/contracts.
 */

export interface NpsSurveyInput {
  name: string;
  segment: NpsSegment;
  question?: { ar?: string; en?: string };
}

/** A bucket of the report over time (its start, bucketed in the workspace's time zone). */
export type NpsSeriesPoint = NpsReportView['series'][number];

export interface NpsResponsesQuery {
  cursor?: string;
  limit?: number;
  group?: NpsGroup;
}

export const npsApi = {
  settings: () => request<NpsSettingsView>('GET', '/nps/settings'),
  updateSettings: (input: Partial<NpsSettingsView>) =>
    request<NpsSettingsView>('PUT', '/nps/settings', input),

  preview: (segment: NpsSegment) =>
    request<NpsPreviewView>('POST', '/nps/surveys/preview', { segment }),
  /** `key`: one per "Send" the admin confirmed, so a retried request sends one survey. */
  create: (input: NpsSurveyInput, key: string = idempotencyKey()) =>
    request<NpsSurveyView>('POST', '/nps/surveys', input, {
      headers: { 'Idempotency-Key': key },
    }),
  list: (query: { cursor?: string; limit?: number } = {}) =>
    request<PageView<NpsSurveyView>>('GET', `/nps/surveys${queryString({ ...query })}`),
  get: (id: string) => request<NpsSurveyDetailView>('GET', `/nps/surveys/${id}`),
  cancel: (id: string) => request<NpsSurveyView>('POST', `/nps/surveys/${id}/cancel`, {}),
  responses: (id: string, query: NpsResponsesQuery = {}) =>
    request<PageView<NpsResponseView>>(
      'GET',
      `/nps/surveys/${id}/responses${queryString({ ...query })}`,
    ),
  /** A plain link (the session cookie goes along). */
  responsesCsvUrl: (id: string) => `/api/v1/nps/surveys/${id}/responses/export.csv`,

  report: (query: NpsReportQuery) => request<NpsReportView>('GET', npsReportPath(query)),
};
