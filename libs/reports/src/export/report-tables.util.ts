import {
  RATING_DIMENSIONS,
  type AgentsReportView,
  type ContactsReportView,
  type ConversationsReportView,
  type DashboardView,
  type DurationStatsView,
  type Language,
  type RatingSummaryView,
  type SatisfactionReportView,
} from '@sanad/contracts';
import { neutralise } from '@sanad/contacts';
import { localTimestamp } from '@sanad/core';

/** Each report's tables, as the CSV export names them. */
export const REPORT_TABLES = {
  dashboard: ['series'],
  conversations: ['series', 'busiest-hours', 'ratings'],
  agents: ['agents'],
  contacts: ['categories', 'series'],
  satisfaction: ['distribution', 'comments'],
} as const;
export type ReportName = keyof typeof REPORT_TABLES;
export const REPORT_NAMES = Object.keys(REPORT_TABLES) as ReportName[];

export interface ReportViews {
  dashboard: DashboardView;
  conversations: ConversationsReportView;
  agents: AgentsReportView;
  contacts: ContactsReportView;
  satisfaction: SatisfactionReportView;
}

type Labels = Record<string, { ar: string; en: string }>;

const L: Labels = {
  start: { ar: 'بداية الفترة', en: 'Period start' },
  new: { ar: 'جديدة', en: 'New' },
  closed: { ar: 'مغلقة', en: 'Closed' },
  reopened: { ar: 'أعيد فتحها', en: 'Reopened' },
  frtMedian: { ar: 'وسيط سرعة الاستجابة (ثانية)', en: 'Median first response (s)' },
  weekday: { ar: 'اليوم', en: 'Weekday' },
  group: { ar: 'المجموعة', en: 'Group' },
  name: { ar: 'الاسم', en: 'Name' },
  ratings: { ar: 'عدد التقييمات', en: 'Ratings' },
  average: { ar: 'معدّل التقييم', en: 'Average rating' },
  agent: { ar: 'الموظف', en: 'Agent' },
  handled: { ar: 'محادثات تعامل معها', en: 'Handled' },
  replies: { ar: 'الردود', en: 'Replies' },
  category: { ar: 'الفئة', en: 'Category' },
  people: { ar: 'جهات الاتصال', en: 'People' },
  conversations: { ar: 'المحادثات', en: 'Conversations' },
  newPeople: { ar: 'جهات اتصال جديدة', en: 'New people' },
  dimension: { ar: 'البُعد', en: 'Dimension' },
  ratedAt: { ar: 'وقت التقييم', en: 'Rated at' },
  conversation: { ar: 'المحادثة', en: 'Conversation' },
  score: { ar: 'التقييم', en: 'Score' },
  comment: { ar: 'التعليق', en: 'Comment' },
  contact: { ar: 'جهة الاتصال', en: 'Contact' },
  none: { ar: 'بدون', en: 'None' },
  overall: { ar: 'التقييم العام', en: 'Overall' },
  manner: { ar: 'الأسلوب والتعامل', en: 'Manner' },
  speed: { ar: 'سرعة الرد', en: 'Speed' },
  clarity: { ar: 'وضوح الردود', en: 'Clarity' },
  happiness: { ar: 'مستوى السعادة', en: 'Happiness' },
  firstResponse: { ar: 'سرعة الاستجابة', en: 'First response' },
  replyTime: { ar: 'وقت الرد', en: 'Reply time' },
  resolutionTime: { ar: 'وقت الحل', en: 'Resolution time' },
  median: { ar: 'الوسيط (ثانية)', en: 'median (s)' },
  avg: { ar: 'المتوسط (ثانية)', en: 'average (s)' },
  p90: { ar: 'المئين ٩٠ (ثانية)', en: 'p90 (s)' },
  mailbox: { ar: 'صندوق البريد', en: 'Mailbox' },
  team: { ar: 'الفريق', en: 'Team' },
  tag: { ar: 'الوسم', en: 'Tag' },
};

const WEEKDAYS = {
  ar: ['الأحد', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const FILE_TITLES: Record<ReportName, { ar: string; en: string }> = {
  dashboard: { ar: 'لوحة-التحكم', en: 'dashboard' },
  conversations: { ar: 'تقرير-المحادثات', en: 'conversations-report' },
  agents: { ar: 'تقرير-الموظفين', en: 'agents-report' },
  contacts: { ar: 'تقرير-جهات-الاتصال', en: 'contacts-report' },
  satisfaction: { ar: 'تقرير-التقييم', en: 'satisfaction-report' },
};

const cell = (v: number | string | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

/**
 * One table of a report as CSV rows (header first), in the member's language: instants on the
 * workspace's clock, durations in whole seconds, Latin digits so numbers stay numbers.
 */
export function reportTable<R extends ReportName>(
  name: R,
  table: (typeof REPORT_TABLES)[R][number],
  view: ReportViews[R],
  language: Language,
  timeZone: string,
): { fileName: string; rows: string[][] } {
  const t = (key: string) => L[key][language];
  const at = (iso: string) => localTimestamp(new Date(iso), timeZone);
  const rows = ((): Array<Array<string | number | null>> => {
    switch (`${name}:${table}`) {
      case 'dashboard:series':
      case 'conversations:series': {
        const series = (view as DashboardView | ConversationsReportView).series;
        return [
          [t('start'), t('new'), t('closed'), t('reopened'), t('frtMedian')],
          ...series.map((p) => [at(p.start), p.new, p.closed, p.reopened, p.firstResponseMedian]),
        ];
      }
      case 'conversations:busiest-hours': {
        const { cells } = (view as ConversationsReportView).busiestHours;
        return [
          [
            t('weekday'),
            ...Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`),
          ],
          ...cells.map((hours, dow) => [WEEKDAYS[language][dow], ...hours]),
        ];
      }
      case 'conversations:ratings': {
        const { ratings } = view as ConversationsReportView;
        return [
          [t('group'), t('name'), t('ratings'), t('average'), ...RATING_DIMENSIONS.map(t)],
          ...(['category', 'mailbox', 'team', 'tag'] as const).flatMap((group) =>
            ratings[group].map((r) => [
              group === 'category' ? t('category') : t(group),
              r.name ?? t('none'),
              ...ratingCells(r),
            ]),
          ),
        ];
      }
      case 'agents:agents': {
        const durations = ['firstResponse', 'replyTime', 'resolutionTime'] as const;
        return [
          [
            t('agent'),
            t('handled'),
            t('replies'),
            ...durations.flatMap((d) => [
              `${t(d)} ${t('median')}`,
              `${t(d)} ${t('avg')}`,
              `${t(d)} ${t('p90')}`,
            ]),
            t('ratings'),
            t('average'),
            ...RATING_DIMENSIONS.map(t),
          ],
          ...(view as AgentsReportView).agents.map((a) => [
            a.agent.name,
            a.handled,
            a.replies,
            ...durations.flatMap((d) => durationCells(a[d])),
            ...ratingCells(a.ratings),
          ]),
        ];
      }
      case 'contacts:categories':
        return [
          [t('category'), t('people'), t('conversations')],
          ...(view as ContactsReportView).byCategory.map((c) => [
            c.category?.name ?? t('none'),
            c.people,
            c.conversations,
          ]),
        ];
      case 'contacts:series':
        return [
          [t('start'), t('newPeople')],
          ...(view as ContactsReportView).series.map((p) => [at(p.start), p.newPeople]),
        ];
      case 'satisfaction:distribution': {
        const { distribution } = view as SatisfactionReportView;
        return [
          [t('dimension'), '1', '2', '3', '4', '5'],
          ...(['overall', ...RATING_DIMENSIONS] as const).map((d) => [t(d), ...distribution[d]]),
        ];
      }
      case 'satisfaction:comments':
        return [
          [t('ratedAt'), t('conversation'), t('score'), t('comment'), t('contact'), t('agent')],
          ...(view as SatisfactionReportView).comments.map((c) => [
            at(c.ratedAt),
            `#${c.conversationNumber}`,
            c.score,
            c.comment,
            c.contact?.name ?? '',
            c.agent?.name ?? '',
          ]),
        ];
      default:
        throw new Error(`no table ${table} in ${name}`);
    }
  })();
  const period = (view as { period: { fromDate: string; toDate: string } }).period;
  return {
    fileName: reportFileName(name, language, period, 'csv', table),
    rows: rows.map((row) => row.map((v) => neutralise(cell(v)))),
  };
}

/** `تقرير-المحادثات-series-2026-10-01_2026-11-30.csv`: the report, its table and its period. */
export function reportFileName(
  name: ReportName,
  language: Language,
  period: { fromDate: string; toDate: string },
  extension: 'csv' | 'pdf',
  table?: string,
): string {
  const parts = [FILE_TITLES[name][language], ...(table ? [table] : [])];
  return `${parts.join('-')}-${period.fromDate}_${period.toDate}.${extension}`;
}

function durationCells(d: DurationStatsView): Array<number | null> {
  return [d.median, d.average, d.p90];
}

function ratingCells(r: RatingSummaryView): Array<number | null> {
  return [r.count, r.average, ...RATING_DIMENSIONS.map((d) => r.dimensions[d])];
}
