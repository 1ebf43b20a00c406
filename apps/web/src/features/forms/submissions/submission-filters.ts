import type { SubmissionsQuery } from '@/api/form-submissions';

/** The list's tabs: the inbox (new and read together), the archive, and what was held as spam. */
export const SUBMISSION_TABS = ['inbox', 'archived', 'spam'] as const;
export type SubmissionTab = (typeof SUBMISSION_TABS)[number];

/** The submissions list's filters as the page holds them; days are `YYYY-MM-DD`. */
export interface SubmissionFilters {
  tab: SubmissionTab;
  /** In the inbox: only what nobody opened yet (`state=new`, the forms list's unread count). */
  unreadOnly: boolean;
  formId: string;
  from: string;
  to: string;
  q: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type RawQuery = Record<string, string | null | undefined | (string | null)[]>;

function one(query: RawQuery, name: string): string {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function pick(value: string, pattern: RegExp): string {
  return pattern.test(value) ? value : '';
}

/** The address bar's query read back (`?formId=` comes from the forms list); junk is dropped. */
export function filtersFromQuery(query: RawQuery): SubmissionFilters {
  const state = one(query, 'state');
  let from = pick(one(query, 'from'), DAY);
  let to = pick(one(query, 'to'), DAY);
  // A range typed backwards still means the days between the two.
  if (from && to && from > to) [from, to] = [to, from];
  return {
    tab: state === 'archived' || state === 'spam' ? state : 'inbox',
    unreadOnly: state === 'new',
    formId: pick(one(query, 'formId'), UUID),
    from,
    to,
    q: one(query, 'q').trim().slice(0, 200),
  };
}

/** The filters as the address bar's query: defaults left out, so the plain list is bare. */
export function filtersToQuery(filters: SubmissionFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.formId) query.formId = filters.formId;
  const state = apiState(filters);
  if (state) query.state = state;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

/** The state asked of the server: none for the whole inbox (it lists new and read together). */
function apiState(filters: SubmissionFilters): SubmissionsQuery['state'] {
  if (filters.tab !== 'inbox') return filters.tab;
  return filters.unreadOnly ? 'new' : undefined;
}

/** Another tab's address: the same filters, and the unread toggle belongs to the inbox alone. */
export function tabQuery(filters: SubmissionFilters, tab: SubmissionTab): Record<string, string> {
  return filtersToQuery({ ...filters, tab, unreadOnly: false });
}

/** GET /form-submissions's query for these filters (the pager adds the cursor). */
export function filtersToApi(filters: SubmissionFilters): SubmissionsQuery {
  const query: SubmissionsQuery = {};
  if (filters.formId) query.formId = filters.formId;
  const state = apiState(filters);
  if (state) query.state = state;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

/** Anything narrowing the tab besides the tab itself: the empty state then says "no matches". */
export function isFiltered(filters: SubmissionFilters): boolean {
  return !!(
    filters.formId ||
    filters.from ||
    filters.to ||
    filters.q.trim() ||
    (filters.tab === 'inbox' && filters.unreadOnly)
  );
}

/** The export's query: the same filters, so the file holds what the list shows; null without a form. */
export function exportQuery(
  filters: SubmissionFilters,
): (Omit<SubmissionsQuery, 'cursor' | 'limit'> & { formId: string }) | null {
  if (!filters.formId) return null;
  return { ...filtersToApi(filters), formId: filters.formId };
}
