/**
 * Reports, the dashboard and satisfaction (التقارير، لوحة التحكم، التقييم): the shapes the API, the
 * SPA and the satisfaction library share. Durations are whole seconds; instants are ISO strings;
 * a period's dates are the workspace's local dates (`YYYY-MM-DD`, `to` inclusive).
 */
import type { WeekStart } from './branding.contract';
import type { Channel, PersonRefView } from './conversations.contract';

/** today, آخر أسبوع (7 days), آخر شهر (30 days), آخر سنة (365 days), or a custom range. */
export const REPORT_PRESETS = ['today', 'week', 'month', 'year', 'custom'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

export const REPORT_BUCKETS = ['hour', 'day', 'week', 'month'] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];

/** The longest custom range a report covers. */
export const REPORT_MAX_YEARS = 5;

/** What every report can be narrowed to (all optional; ids are the workspace's own). */
export interface ReportFilters {
  mailboxId?: string;
  teamId?: string;
  agentId?: string;
  tagId?: string;
  channel?: Channel;
  categoryId?: string;
}

/**
 * A resolved period: the instants it covers (`from` inclusive, `to` exclusive), the local dates
 * it was asked as, the bucket its series use, and the period before it of the same length.
 */
export interface ReportPeriodView {
  preset: ReportPreset;
  fromDate: string;
  toDate: string;
  from: string;
  to: string;
  timeZone: string;
  bucket: ReportBucket;
  previous: { fromDate: string; toDate: string; from: string; to: string };
}

/**
 * What other libraries (satisfaction) are asked for: the period's instants, the workspace's time
 * zone for bucketing, and the filters. Agents' own dashboards come with `agentId` set.
 */
export interface ReportWindow {
  workspaceId: string;
  from: string;
  to: string;
  timeZone: string;
  /** Where weeks start (week buckets), the workspace's setting. */
  weekStart: WeekStart;
  bucket: ReportBucket;
  filters: ReportFilters;
}

/** A number with the same number for the previous period; `change` is (value − previous) / previous. */
export interface ReportNumberView {
  value: number | null;
  previous: number | null;
  change: number | null;
}

/** Median, average and 90th percentile of durations in seconds; nulls when `count` is 0. */
export interface DurationStatsView {
  count: number;
  median: number | null;
  average: number | null;
  p90: number | null;
}

/** Busiest hours: `cells[weekday][hour]`, weekday 0 = Sunday … 6 = Saturday, local hours 0–23. */
export interface BusiestHoursView {
  cells: number[][];
  max: number;
}

export interface ConversationSeriesPoint {
  /** The bucket's first local instant, ISO with the zone's offset applied (an instant). */
  start: string;
  new: number;
  closed: number;
  reopened: number;
  firstResponseMedian: number | null;
}

/** The four satisfaction dimensions (التقييم), each 1–5, and the overall stars of the email. */
export const RATING_DIMENSIONS = ['manner', 'speed', 'clarity', 'happiness'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

export interface RatingSummaryView {
  count: number;
  /** Average of the overall stars (1–5). */
  average: number | null;
  dimensions: Record<RatingDimension, number | null>;
}

/** Ratings of one group (a contact category, mailbox, team, tag or agent). */
export interface RatingGroupView extends RatingSummaryView {
  key: string | null;
  name: string | null;
}

export type RatingGroupBy = 'category' | 'mailbox' | 'team' | 'tag' | 'agent';

export interface DashboardView {
  period: ReportPeriodView;
  /** `mine` for agents: their own conversations and ratings. */
  scope: 'workspace' | 'mine';
  /** الجارية: open or pending at the end of the period (now, for periods that end now). */
  ongoing: ReportNumberView;
  /** المُغلقة: conversations closed in the period. */
  closed: ReportNumberView;
  /** معدّل التقييم: average overall rating in the period. */
  ratingAverage: ReportNumberView;
  /** سرعة الاستجابة: median first response time (seconds) of conversations started in the period. */
  responseSpeed: ReportNumberView;
  series: ConversationSeriesPoint[];
  busiestHours: BusiestHoursView;
}

export interface ConversationsReportView {
  period: ReportPeriodView;
  new: ReportNumberView;
  closed: ReportNumberView;
  reopened: ReportNumberView;
  firstResponse: DurationStatsView & { previous: DurationStatsView };
  replyTime: DurationStatsView & { previous: DurationStatsView };
  resolutionTime: DurationStatsView & { previous: DurationStatsView };
  series: ConversationSeriesPoint[];
  busiestHours: BusiestHoursView;
  ratings: Record<Exclude<RatingGroupBy, 'agent'>, RatingGroupView[]>;
}

export interface AgentReportRow {
  agent: PersonRefView;
  /** Conversations where the agent sent a public reply in the period. */
  handled: number;
  replies: number;
  firstResponse: DurationStatsView;
  replyTime: DurationStatsView;
  resolutionTime: DurationStatsView;
  ratings: RatingSummaryView;
}

export interface AgentsReportView {
  period: ReportPeriodView;
  agents: AgentReportRow[];
}

export interface ContactsReportView {
  period: ReportPeriodView;
  /** People with an email, phone or external id (registered) and the others, as of now. */
  registered: number;
  unregistered: number;
  newPeople: ReportNumberView;
  /** People who started a conversation in the period. */
  startedConversations: ReportNumberView;
  newCompanies: ReportNumberView;
  byCategory: Array<{ category: PersonRefView | null; people: number; conversations: number }>;
  series: Array<{ start: string; newPeople: number }>;
}

/** One comment left with a rating (customer text: shown inert, `dir="auto"`). */
export interface RatingCommentView {
  ratingId: string;
  conversationId: string;
  conversationNumber: number;
  score: number;
  comment: string;
  contact: PersonRefView | null;
  agent: PersonRefView | null;
  ratedAt: string;
}

export interface SatisfactionReportView {
  period: ReportPeriodView;
  summary: RatingSummaryView & { previous: RatingSummaryView };
  /** Counts of 1…5 (index 0 = one star) for the overall stars and each dimension. */
  distribution: Record<'overall' | RatingDimension, number[]>;
  comments: RatingCommentView[];
  nextCursor: string | null;
}
