import type {
  BusiestHoursView,
  ConversationSeriesPoint,
  ReportBucket,
  ReportNumberView,
  ReportPeriodView,
  WeekStart,
} from '@sanad/contracts';
import { weekDays, type Formatter } from '../../modules/formatting';

/**
 * Pure helpers of the report pages: what a change means, the busiest-hours grid, chart data and
 * the period's label. Formatting always goes through the workspace's Formatter.
 */

/** Whether more is better (closed, ratings), less is better (response times) or neither. */
export type Polarity = 'higher' | 'lower' | 'neutral';
export type Trend = 'up' | 'down' | 'flat';
export type Meaning = 'better' | 'worse' | 'neutral';

export interface ChangeView {
  trend: Trend;
  meaning: Meaning;
  /** |change| as a fraction (0.25 = 25 %), null when there is nothing to compare with. */
  magnitude: number | null;
}

/** How a number moved against the previous period; null when either side is missing. */
export function changeOf(number: ReportNumberView, polarity: Polarity): ChangeView | null {
  const { value, previous } = number;
  if (value === null || previous === null) return null;
  const trend: Trend = value > previous ? 'up' : value < previous ? 'down' : 'flat';
  const change = number.change ?? (previous === 0 ? null : (value - previous) / Math.abs(previous));
  let meaning: Meaning = 'neutral';
  if (trend !== 'flat' && polarity !== 'neutral')
    meaning = (trend === 'up') === (polarity === 'higher') ? 'better' : 'worse';
  return { trend, meaning, magnitude: change === null ? null : Math.abs(change) };
}

/** A number of the previous period as `ReportNumberView` from two plain values. */
export function numberOf(value: number | null, previous: number | null): ReportNumberView {
  const change =
    value === null || previous === null || previous === 0
      ? null
      : (value - previous) / Math.abs(previous);
  return { value, previous, change };
}

/** Five shades for the busiest hours: 0 for none, 1–4 by the share of the busiest cell. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}

export interface HeatRow {
  weekday: number;
  cells: Array<{ hour: number; count: number; level: 0 | 1 | 2 | 3 | 4 }>;
  total: number;
}

/** The grid's rows from the week's first day (weekday 0 = Sunday in the view), hours 0–23. */
export function heatmapRows(view: BusiestHoursView, weekStart: WeekStart): HeatRow[] {
  const max = view.max || Math.max(0, ...view.cells.flat());
  return weekDays(weekStart).map((weekday) => {
    const counts = view.cells[weekday] ?? [];
    const cells = Array.from({ length: 24 }, (_, hour) => {
      const count = counts[hour] ?? 0;
      return { hour, count, level: heatLevel(count, max) };
    });
    return { weekday, cells, total: cells.reduce((sum, cell) => sum + cell.count, 0) };
  });
}

/** The bucket's label along the time axis (hours for today, days, weeks, months). */
export function bucketLabels(
  points: ReadonlyArray<{ start: string }>,
  bucket: ReportBucket,
  format: Formatter,
): string[] {
  return points.map((point) => format.bucket(point.start, bucket));
}

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  colour: string;
}

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
}

export const CHART_COLOURS = {
  new: '#1f7a5c',
  closed: '#5b6ee1',
  reopened: '#b7791f',
  firstResponse: '#b42318',
  people: '#1f7a5c',
} as const;

/** New and closed conversations per bucket. */
export function conversationsChart(
  points: readonly ConversationSeriesPoint[],
  bucket: ReportBucket,
  format: Formatter,
  names: { new: string; closed: string; reopened?: string },
): ChartData {
  const series: ChartSeries[] = [
    { label: names.new, values: points.map((p) => p.new), colour: CHART_COLOURS.new },
    { label: names.closed, values: points.map((p) => p.closed), colour: CHART_COLOURS.closed },
  ];
  if (names.reopened)
    series.push({
      label: names.reopened,
      values: points.map((p) => p.reopened),
      colour: CHART_COLOURS.reopened,
    });
  return { labels: bucketLabels(points, bucket, format), series };
}

/** The median first response per bucket, in minutes (gaps where nothing was answered). */
export function firstResponseChart(
  points: readonly ConversationSeriesPoint[],
  bucket: ReportBucket,
  format: Formatter,
  name: string,
): ChartData {
  return {
    labels: bucketLabels(points, bucket, format),
    series: [
      {
        label: name,
        values: points.map((p) =>
          p.firstResponseMedian === null ? null : Math.round(p.firstResponseMedian / 6) / 10,
        ),
        colour: CHART_COLOURS.firstResponse,
      },
    ],
  };
}

/** "٢٧ نوفمبر ٢٠٢٦ – ٣ ديسمبر ٢٠٢٦", or one day. */
export function periodLabel(
  period: Pick<ReportPeriodView, 'fromDate' | 'toDate'>,
  format: Formatter,
): string {
  const from = format.day(period.fromDate, { hijri: false, long: true });
  if (period.fromDate === period.toDate) return from;
  return `${from} – ${format.day(period.toDate, { hijri: false, long: true })}`;
}

/** The share of each count in a distribution (1…5 stars), as fractions. */
export function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  return counts.map((n) => (total ? n / total : 0));
}
