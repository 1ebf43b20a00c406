import { reportParams, type ReportState } from '../report-query';

/**
 * The NPS report's address and the API's: the period and the contact category of the shared
 * report state, and one survey (`surveyId`, kept in the address by the NPS page only, so it does
 * not follow the other tabs). The other reports' filters (mailbox, team, …) mean nothing here and
 * are left out of the request. Pure.
 */
export interface NpsReportQuery {
  state: ReportState;
  surveyId?: string | null;
}

/** The filters the NPS report takes (the contact's category at response time, a survey). */
export const NPS_FILTER_KEYS = ['categoryId'] as const;

const UUIDISH = /^[0-9A-Za-z-]{1,100}$/;

/** The survey filter from the address; anything that is not an id is dropped. */
export function readSurveyId(value: unknown): string | null {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' && UUIDISH.test(one.trim()) ? one.trim() : null;
}

/** Query parameters of GET /reports/nps and its export. */
export function npsReportParams(query: NpsReportQuery): Record<string, string> {
  const all = reportParams(query.state);
  const params: Record<string, string> = {};
  for (const key of ['preset', 'from', 'to', ...NPS_FILTER_KEYS])
    if (all[key]) params[key] = all[key];
  if (query.surveyId) params.surveyId = query.surveyId;
  return params;
}

function search(params: Record<string, string>): string {
  const text = new URLSearchParams(params).toString();
  return text ? `?${text}` : '';
}

/** Relative to /api/v1 (the API client adds the prefix). */
export function npsReportPath(query: NpsReportQuery): string {
  return `/reports/nps${search(npsReportParams(query))}`;
}

/** The report as CSV (the over-time table): a plain link, the session cookie goes along. */
export function npsCsvUrl(query: NpsReportQuery): string {
  return `/api/v1/reports/nps/export.csv${search(npsReportParams(query))}`;
}

/** The report page as a PDF (the PDF button fetches it, to say plainly when it cannot be made). */
export function npsPdfUrl(query: NpsReportQuery): string {
  return `/api/v1/reports/nps/export.pdf${search(npsReportParams(query))}`;
}

/** The page's own address with the survey filter set (or cleared). */
export function withSurvey(
  routeQuery: Record<string, unknown>,
  surveyId: string | null,
): Record<string, string> {
  const next: Record<string, string> = {};
  for (const [key, value] of Object.entries(routeQuery)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (key !== 'surveyId' && typeof one === 'string' && one) next[key] = one;
  }
  if (surveyId) next.surveyId = surveyId;
  return next;
}
