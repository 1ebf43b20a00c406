import type { PageView, ReportBucket, ReportPeriodView } from '@sanad/contracts';
import { npsReportPath, type NpsReportQuery } from '@/features/reports/nps/nps-query';
import { request } from './client';
import { idempotencyKey } from './idempotency-key';
import { queryString } from './query-string';

/**
 * صافي نقاط الترويج (NPS): surveys sent by email to a segment of contacts, their responses, the
 * report over time and the settings. Admins only. The views follow the NPS contract field by field
 * (the server's own types are not in @sanad/contracts yet).
 */

export type NpsSurveyStatus = 'sending' | 'sent' | 'cancelled';
export type NpsGroup = 'promoters' | 'passives' | 'detractors';

export interface NpsSettingsView {
  /** A person gets at most one survey in this many days (1..730). */
  minDaysBetweenSurveys: number;
  /** Throttle of the sending worker (1..1000). */
  sendPerMinute: number;
}

/** Who a survey goes to; every part optional (all people when empty). Dates are `YYYY-MM-DD`. */
export interface NpsSegment {
  categoryId?: string | null;
  companyId?: string | null;
  registered?: boolean;
  lastContactFrom?: string;
  lastContactTo?: string;
}

export interface NpsPreviewView {
  /** People matching the segment. */
  matched: number;
  /** Who would get the survey. */
  eligible: number;
  /** Why the others would not. */
  excluded: { noEmail: number; recentlySurveyed: number };
}

export interface NpsSurveyInput {
  name: string;
  segment: NpsSegment;
  question?: { ar?: string; en?: string };
}

export interface NpsSurveyView {
  id: string;
  name: string;
  status: NpsSurveyStatus;
  segment: NpsSegment;
  question: { ar: string; en: string };
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  recipients: number;
  sent: number;
  skipped: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100..100; null without responses. */
  score: number | null;
  /** 0..1 of the sent emails; null before any was sent. */
  responseRate: number | null;
}

export interface NpsSurveyDetailView extends NpsSurveyView {
  /** Responses per score, 0..10 (eleven numbers). */
  distribution: number[];
}

export interface NpsResponseView {
  id: string;
  score: number;
  /** Customer text: shown inert, `dir="auto"`. */
  comment: string | null;
  respondedAt: string;
  updatedAt: string;
  person: { id: string; name: string } | null;
}

export interface NpsTotals {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number | null;
}

export interface NpsSeriesPoint {
  /** The bucket's start (ISO instant, bucketed in the workspace's time zone). */
  bucket: string;
  score: number | null;
  responses: number;
}

export interface NpsReportView {
  /** At least `from`, `to` and `bucket`; the report's usual period fields when the server sends them. */
  period: Pick<ReportPeriodView, 'from' | 'to'> & { bucket: ReportBucket } & Partial<
      Omit<ReportPeriodView, 'from' | 'to' | 'bucket'>
    >;
  current: NpsTotals;
  previous: NpsTotals | null;
  series: NpsSeriesPoint[];
  surveys: Array<{ id: string; name: string; responses: number; score: number | null }>;
}

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
