/**
 * NPS (صافي نقاط الترويج): surveys an admin sends by email to a segment of people, the 0–10
 * answers they give on the public page, and the score: promoters (9–10) minus detractors (0–6),
 * in percent of the responses, −100…+100.
 */

import type { ReportPeriodView } from './reports.contract';

/** Days a person is not surveyed again after an NPS email (the workspace may choose 1..730). */
export const NPS_DEFAULT_MIN_DAYS = 90;
export const NPS_MAX_MIN_DAYS = 730;
/** Emails a workspace's surveys send per minute at most (1..1000). */
export const NPS_DEFAULT_SEND_PER_MINUTE = 60;
export const NPS_MAX_SEND_PER_MINUTE = 1000;
/** The email's score links work this long after it was sent. */
export const NPS_LINK_DAYS = 30;
/** An answer can be changed this long after it was first given. */
export const NPS_CHANGE_DAYS = 7;
export const NPS_COMMENT_MAX = 2000;
export const NPS_NAME_MAX = 120;
export const NPS_QUESTION_MAX = 300;

export const NPS_SURVEY_STATUSES = ['sending', 'sent', 'cancelled'] as const;
export type NpsSurveyStatus = (typeof NPS_SURVEY_STATUSES)[number];
export const NPS_GROUPS = ['promoters', 'passives', 'detractors'] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];
export const NPS_RECIPIENT_STATUSES = ['pending', 'sent', 'skipped', 'failed'] as const;
export type NpsRecipientStatus = (typeof NPS_RECIPIENT_STATUSES)[number];

/** GET/PUT /api/v1/nps/settings. */
export interface NpsSettingsView {
  minDaysBetweenSurveys: number;
  sendPerMinute: number;
}

/** Who a survey goes to: people matching every given filter (the people list's filters). */
export interface NpsSegment {
  categoryId?: string | null;
  companyId?: string | null;
  registered?: boolean;
  /** ISO dates: a date alone is that whole local day of the workspace. */
  lastContactFrom?: string;
  lastContactTo?: string;
}

export interface NpsPreviewView {
  matched: number;
  eligible: number;
  excluded: { noEmail: number; recentlySurveyed: number };
}

export interface NpsTotals {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number | null;
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
  score: number | null;
  /** Responses per sent email (0..1), null before any was sent. */
  responseRate: number | null;
}

export interface NpsSurveyDetailView extends NpsSurveyView {
  /** Responses per score 0..10. */
  distribution: number[];
}

export interface NpsResponseView {
  id: string;
  score: number;
  comment: string | null;
  respondedAt: string;
  updatedAt: string;
  person: { id: string; name: string } | null;
}

/** GET /api/v1/reports/nps. */
export interface NpsReportView {
  /** The period as every report shows it (dates, zone, bucket, the previous period). */
  period: ReportPeriodView;
  current: NpsTotals;
  previous: NpsTotals | null;
  series: Array<{ bucket: string; score: number | null; responses: number }>;
  surveys: Array<{ id: string; name: string; responses: number; score: number | null }>;
}

/** What `nps.responded` carries (webhooks, sockets, the events feed). */
export interface NpsResponseEventView extends NpsResponseView {
  surveyId: string;
}
export interface NpsRespondedFacts {
  surveyId: string;
  responseId: string;
}
export interface NpsRespondedData {
  survey: { id: string; name: string };
  response: NpsResponseEventView;
}
