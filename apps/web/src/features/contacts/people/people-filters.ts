import type { CustomFieldType, FieldFilterOp, PeopleSort } from '@sanad/contracts';
import { FIELD_FILTER_OPS, PEOPLE_SORTS } from '@sanad/contracts';
import type { PeopleQuery } from '@/api/people';
import { instantAt } from '../../../modules/wall-clock';

/** One custom-field filter: `<key>:<op>:<value>` on the wire and in the address bar. */
export interface FieldFilter {
  key: string;
  op: FieldFilterOp;
  value: string;
}

/** The people list's filters as the page holds them; dates are calendar days (`YYYY-MM-DD`). */
export interface PeopleFilters {
  q: string;
  sort: PeopleSort;
  order: 'asc' | 'desc';
  categoryId: string;
  companyId: string;
  registered: '' | 'yes' | 'no';
  createdFrom: string;
  createdTo: string;
  lastSeenFrom: string;
  lastSeenTo: string;
  field: FieldFilter | null;
}

/** Which operators the server takes for each field type (libs/contacts PeopleFilters). */
export const FIELD_OPS: Record<CustomFieldType, readonly FieldFilterOp[]> = {
  text: ['eq', 'contains', 'empty', 'not_empty'],
  long_text: ['contains', 'empty', 'not_empty'],
  url: ['eq', 'contains', 'empty', 'not_empty'],
  email: ['eq', 'contains', 'empty', 'not_empty'],
  phone: ['eq', 'empty', 'not_empty'],
  number: ['eq', 'before', 'after', 'empty', 'not_empty'],
  decimal: ['eq', 'before', 'after', 'empty', 'not_empty'],
  date: ['eq', 'before', 'after', 'empty', 'not_empty'],
  select: ['eq', 'empty', 'not_empty'],
  multi_select: ['eq', 'contains', 'empty', 'not_empty'],
  checkbox: ['eq', 'empty', 'not_empty'],
};

/** Operators that take no value. */
export function opNeedsValue(op: FieldFilterOp): boolean {
  return op !== 'empty' && op !== 'not_empty';
}

/** Name sorts A→Z first; dates newest first (the server's defaults). */
export function defaultOrder(sort: PeopleSort): 'asc' | 'desc' {
  return sort === 'name' ? 'asc' : 'desc';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

type RawQuery = Record<string, string | null | undefined | (string | null)[]>;

function one(query: RawQuery, name: string): string {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function pick(value: string, pattern: RegExp): string {
  return pattern.test(value) ? value : '';
}

export function parseFieldFilter(text: string): FieldFilter | null {
  const [key, op, ...rest] = text.split(':');
  if (!KEY.test(key) || !(FIELD_FILTER_OPS as readonly string[]).includes(op)) return null;
  const filter: FieldFilter = { key, op: op as FieldFilterOp, value: rest.join(':') };
  if (opNeedsValue(filter.op) && !filter.value) return null;
  return opNeedsValue(filter.op) ? filter : { ...filter, value: '' };
}

export function formatFieldFilter(filter: FieldFilter): string {
  return opNeedsValue(filter.op)
    ? `${filter.key}:${filter.op}:${filter.value}`
    : `${filter.key}:${filter.op}`;
}

/** The address bar's query read back; anything malformed is dropped, not sent. */
export function filtersFromQuery(query: RawQuery): PeopleFilters {
  const sort = one(query, 'sort') as PeopleSort;
  const validSort = PEOPLE_SORTS.includes(sort) ? sort : 'name';
  const order = one(query, 'order');
  const registered = one(query, 'registered');
  return {
    q: one(query, 'q').slice(0, 200),
    sort: validSort,
    order: order === 'asc' || order === 'desc' ? order : defaultOrder(validSort),
    categoryId: pick(one(query, 'category'), UUID),
    companyId: pick(one(query, 'company'), UUID),
    registered: registered === 'yes' || registered === 'no' ? registered : '',
    createdFrom: pick(one(query, 'createdFrom'), DAY),
    createdTo: pick(one(query, 'createdTo'), DAY),
    lastSeenFrom: pick(one(query, 'lastSeenFrom'), DAY),
    lastSeenTo: pick(one(query, 'lastSeenTo'), DAY),
    field: parseFieldFilter(one(query, 'field')),
  };
}

/** The filters as the address bar's query: defaults left out, so a plain list is `/contacts/people`. */
export function filtersToQuery(filters: PeopleFilters): Record<string, string> {
  const query: Record<string, string> = {};
  const set = (name: string, value: string): void => {
    if (value) query[name] = value;
  };
  set('q', filters.q.trim());
  if (filters.sort !== 'name') set('sort', filters.sort);
  if (filters.order !== defaultOrder(filters.sort)) set('order', filters.order);
  set('category', filters.categoryId);
  set('company', filters.companyId);
  set('registered', filters.registered);
  set('createdFrom', filters.createdFrom);
  set('createdTo', filters.createdTo);
  set('lastSeenFrom', filters.lastSeenFrom);
  set('lastSeenTo', filters.lastSeenTo);
  if (filters.field) set('field', formatFieldFilter(filters.field));
  return query;
}

/**
 * Midnight starting (or the last millisecond of) a calendar day on the workspace's clock, the
 * clock the list's dates are shown on.
 */
function dayBound(day: string, end: boolean, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [y, m, d] = match.slice(1).map(Number);
  // Calendar arithmetic on the date alone (the next day may be in another month or year).
  const next = new Date(Date.UTC(y, m - 1, d + (end ? 1 : 0)));
  const midnight = instantAt(
    {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
      minute: 0,
    },
    timeZone,
  );
  const date = new Date(midnight.getTime() - (end ? 1 : 0));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** GET /people's query for these filters (the cursor is added by the pager). */
export function filtersToApi(filters: PeopleFilters, timeZone: string): PeopleQuery {
  const query: PeopleQuery = { sort: filters.sort, order: filters.order };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.categoryId) query.categoryId = filters.categoryId;
  if (filters.companyId) query.companyId = filters.companyId;
  if (filters.registered) query.registered = filters.registered === 'yes';
  query.createdFrom = dayBound(filters.createdFrom, false, timeZone);
  query.createdTo = dayBound(filters.createdTo, true, timeZone);
  query.lastSeenFrom = dayBound(filters.lastSeenFrom, false, timeZone);
  query.lastSeenTo = dayBound(filters.lastSeenTo, true, timeZone);
  if (filters.field) query.field = [formatFieldFilter(filters.field)];
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as PeopleQuery;
}

/** How many filters (not the search or sort) narrow the list: the filter button's badge. */
export function activeFilterCount(filters: PeopleFilters): number {
  return [
    filters.categoryId,
    filters.companyId,
    filters.registered,
    filters.createdFrom || filters.createdTo,
    filters.lastSeenFrom || filters.lastSeenTo,
    filters.field,
  ].filter(Boolean).length;
}
