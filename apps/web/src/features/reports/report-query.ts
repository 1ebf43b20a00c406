import {
  CHANNELS,
  REPORT_PRESETS,
  type Channel,
  type ReportFilters,
  type ReportPeriodView,
  type ReportPreset,
} from '@sanad/contracts';

/**
 * What a report shows, kept in the page's address (so a report can be shared, and the back button
 * from a drill-down returns to it): the period and the filters. Pure: the pages read it from the
 * route, and these helpers build the API's and the exports' addresses and the inbox's query.
 */
export type ReportName = 'dashboard' | 'conversations' | 'agents' | 'contacts' | 'satisfaction';

export const FILTER_KEYS = [
  'mailboxId',
  'teamId',
  'agentId',
  'tagId',
  'channel',
  'categoryId',
] as const satisfies ReadonlyArray<keyof ReportFilters>;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The tables each report exports as CSV (`?table=`). */
export const CSV_TABLES = {
  dashboard: ['series'],
  conversations: ['series', 'busiest-hours', 'ratings'],
  agents: ['agents'],
  contacts: ['categories', 'series'],
  satisfaction: ['distribution', 'comments'],
} as const satisfies Record<ReportName, readonly string[]>;
export type CsvTable<N extends ReportName> = (typeof CSV_TABLES)[N][number];

export interface ReportState {
  preset: ReportPreset;
  /** Local dates (`YYYY-MM-DD`, `to` inclusive), for the custom preset only. */
  from?: string;
  to?: string;
  filters: ReportFilters;
}

export const DEFAULT_PRESET: ReportPreset = 'week';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type QueryValue = string | null | undefined | ReadonlyArray<string | null>;

function first(value: QueryValue): string {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one.trim() : '';
}

/** The report state an address asks for: unknown presets and values are dropped, not guessed. */
export function readReportState(query: Record<string, QueryValue>): ReportState {
  const asked = first(query.preset);
  const preset = (REPORT_PRESETS as readonly string[]).includes(asked)
    ? (asked as ReportPreset)
    : DEFAULT_PRESET;
  const state: ReportState = { preset, filters: {} };
  if (preset === 'custom') {
    const from = first(query.from);
    const to = first(query.to);
    if (DAY.test(from)) state.from = from;
    if (DAY.test(to)) state.to = to;
  }
  for (const key of FILTER_KEYS) {
    const value = first(query[key]);
    if (!value || value.length > 100) continue;
    if (key === 'channel') {
      if ((CHANNELS as readonly string[]).includes(value)) state.filters.channel = value as Channel;
    } else state.filters[key] = value;
  }
  return state;
}

/** The state as query parameters (empty values and the default preset left out). */
export function reportParams(state: ReportState): Record<string, string> {
  const params: Record<string, string> = {};
  if (state.preset !== DEFAULT_PRESET) params.preset = state.preset;
  if (state.preset === 'custom') {
    if (state.from) params.from = state.from;
    if (state.to) params.to = state.to;
  }
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params[key] = value;
  }
  return params;
}

/** What the custom range lacks before it can be asked for (the server checks the rest). */
export function customRangeProblem(state: ReportState): 'missing' | 'order' | null {
  if (state.preset !== 'custom') return null;
  if (!state.from || !state.to) return 'missing';
  return state.from > state.to ? 'order' : null;
}

function search(params: Record<string, string>): string {
  const text = new URLSearchParams(params).toString();
  return text ? `?${text}` : '';
}

/** The report's API path, relative to /api/v1 (the client adds the prefix). */
export function reportApiPath(
  name: ReportName,
  state: ReportState,
  extra: Record<string, string> = {},
): string {
  return `/reports/${name}${search({ ...reportParams(state), ...extra })}`;
}

/** A CSV download of one of the report's tables (a plain link: the session cookie goes along). */
export function csvUrl<N extends ReportName>(name: N, table: CsvTable<N>, state: ReportState) {
  return `/api/v1/reports/${name}/export.csv${search({ ...reportParams(state), table })}`;
}

export function pdfUrl(name: ReportName, state: ReportState): string {
  return `/api/v1/reports/${name}/export.pdf${search(reportParams(state))}`;
}

/** The state with one filter set (or cleared with an empty value). */
export function withFilter(state: ReportState, key: FilterKey, value: string): ReportState {
  const filters = { ...state.filters };
  if (value) (filters as Record<string, string>)[key] = value;
  else delete filters[key];
  return { ...state, filters };
}

/**
 * What a number narrows the inbox to, beyond the report's own filters: a status, or the
 * conversations started in the period (`range`), or one group (a mailbox, team, agent, tag or
 * contact category of a table's row).
 */
export interface DrillDown {
  status?: 'open,pending' | 'closed';
  /** Conversations created in the report's period. */
  range?: boolean;
  mailboxId?: string;
  teamId?: string;
  /** A member id, or "none". */
  assigneeId?: string;
  /** A tag's name (the inbox filters tags by name). */
  tag?: string;
  categoryId?: string;
}

/**
 * The inbox's address for the conversations behind a number (see useInboxRoute for its
 * parameters). The report's tag filter is an id: `tagName` is its name, which the inbox takes.
 */
export function drillDownQuery(
  state: ReportState,
  period: Pick<ReportPeriodView, 'from' | 'to'> | null,
  drill: DrillDown = {},
  tagName: string | null = null,
): Record<string, string> {
  const { filters } = state;
  const query: Record<string, string> = {};
  const set = (key: string, value: string | null | undefined) => {
    if (value) query[key] = value;
  };
  set('mailbox', drill.mailboxId ?? filters.mailboxId);
  set('team', drill.teamId ?? filters.teamId);
  set('assignee', drill.assigneeId ?? filters.agentId);
  set('tag', drill.tag ?? (filters.tagId ? tagName : null));
  set('channel', filters.channel);
  set('category', drill.categoryId ?? filters.categoryId);
  // Open or pending is the inbox's ongoing view; inside one mailbox (where views do not apply)
  // it is the status filter.
  if (drill.status === 'open,pending' && !query.mailbox) query.view = 'ongoing';
  else set('status', drill.status);
  if (drill.range && period) {
    set('from', period.from);
    set('to', period.to);
  }
  return query;
}
