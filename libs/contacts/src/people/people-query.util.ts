import type { CustomFieldType, FieldFilterOp, PeopleSort } from '@sanad/contracts';

/** A custom-field filter, its value already checked against the field's type. */
export interface FieldFilter {
  key: string;
  type: CustomFieldType;
  op: FieldFilterOp;
  /** The normalised value (eq), the text (contains), the bound (before/after); none for empties. */
  value?: string | number | boolean;
}

/** What a page of people is read by: allow-listed columns, parameters only. */
export interface PeopleQuery {
  workspaceId: string;
  /** LIKE patterns on search_text, all required. */
  patterns: string[];
  categoryId?: string;
  companyId?: string;
  registered?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  lastSeenFrom?: Date;
  lastSeenTo?: Date;
  fields: FieldFilter[];
  sort: PeopleSort;
  order: 'asc' | 'desc';
  after?: PageCursor;
  limit: number;
  /**
   * Searches sorted by name list the names that start with the query first (tier 1, a range of
   * the sort index), then every other match (tier 2).
   */
  namePrefix?: { pattern: string; tier: 1 | 2 };
}

/** Where a page ended: its last row's sort value and id. */
export interface PageCursor {
  value: string;
  id: string;
}

/** The sort expressions; each has its index `(workspace_id, <expr>, id)`. */
export const SORT_EXPRESSIONS: Record<PeopleSort, string> = {
  name: 'c.sort_name',
  created: 'c.created_at',
  last_seen: "coalesce(c.last_seen_at, '-infinity')",
};

export function sortValueText(sort: PeopleSort, value: unknown): string {
  if (value instanceof Date)
    return Number.isFinite(value.getTime()) ? value.toISOString() : '-infinity';
  return String(value);
}

/** SQL pieces of a people query: the WHERE conditions beyond the workspace, with their params. */
export function peopleConditions(q: PeopleQuery, params: unknown[]): string[] {
  const add = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  for (const pattern of q.patterns) where.push(`c.search_text LIKE ${add(pattern)}`);
  if (q.categoryId) where.push(`c.category_id = ${add(q.categoryId)}`);
  if (q.companyId) where.push(`c.company_id = ${add(q.companyId)}`);
  if (q.registered !== undefined) where.push(`c.registered = ${add(q.registered)}`);
  if (q.createdFrom) where.push(`c.created_at >= ${add(q.createdFrom)}`);
  if (q.createdTo) where.push(`c.created_at < ${add(q.createdTo)}`);
  if (q.lastSeenFrom) where.push(`c.last_seen_at >= ${add(q.lastSeenFrom)}`);
  if (q.lastSeenTo) where.push(`c.last_seen_at < ${add(q.lastSeenTo)}`);
  for (const f of q.fields) where.push(fieldCondition(f, add));
  if (q.namePrefix?.tier === 2) where.push(`c.sort_name NOT LIKE ${add(q.namePrefix.pattern)}`);
  return where;
}

function fieldCondition(f: FieldFilter, add: (value: unknown) => string): string {
  const key = `${add(f.key)}::text`;
  const text = `(c.custom_fields ->> ${key})`;
  switch (f.op) {
    case 'empty':
      return `NOT (c.custom_fields ? ${key})`;
    case 'not_empty':
      return `c.custom_fields ? ${key}`;
    case 'eq': {
      const value = f.type === 'multi_select' ? [f.value] : f.value;
      // The GIN index (jsonb_path_ops) answers containment.
      return `c.custom_fields @> jsonb_build_object(${key}, ${add(JSON.stringify(value))}::jsonb)`;
    }
    case 'contains':
      return f.type === 'multi_select'
        ? `c.custom_fields @> jsonb_build_object(${key}, ${add(JSON.stringify([f.value]))}::jsonb)`
        : `${text} ILIKE ${add(`%${String(f.value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
    case 'before':
    case 'after': {
      const cmp = f.op === 'before' ? '<' : '>';
      if (f.type === 'date')
        return `(CASE WHEN ${text} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN ${text}::date END) ${cmp} ${add(f.value)}::date`;
      return `(CASE WHEN jsonb_typeof(c.custom_fields -> ${key}) = 'number' THEN ${text}::numeric END) ${cmp} ${add(f.value)}::numeric`;
    }
  }
}

/** The names of tier 1: a range of the sort index (scanned, not filtered). */
export function rangeCondition(q: PeopleQuery, params: unknown[]): string[] {
  if (q.namePrefix?.tier !== 1) return [];
  params.push(q.namePrefix.pattern);
  return [`c.sort_name LIKE $${params.length}`];
}

/** The keyset condition after a cursor, in the page's direction. */
export function afterCondition(
  sort: PeopleSort,
  order: 'asc' | 'desc',
  after: PageCursor,
  params: unknown[],
): string {
  const expr = SORT_EXPRESSIONS[sort];
  params.push(after.value, after.id);
  const value =
    sort === 'name' ? `$${params.length - 1}::text` : `$${params.length - 1}::timestamptz`;
  return `(${expr}, c.id) ${order === 'asc' ? '>' : '<'} (${value}, $${params.length}::uuid)`;
}
