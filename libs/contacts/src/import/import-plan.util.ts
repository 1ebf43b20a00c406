import type { ImportMatchKey, ImportOnMatch } from '@sanad/contracts';
import { contactSearchText, foldedSortName } from '@sanad/search';
import { companySortName } from '../companies/company-text.util';
import { emailDomains } from '../people/person-input.util';
import type { StoredPerson } from './import-batch.repository';
import type { RowPerson, RowReject } from './import-row.util';

export interface ReadRow {
  row: number;
  cells: string[];
  person: RowPerson;
}

export interface CompanyRef {
  id: string;
  name: string;
}

/** What the batch knows before deciding its rows (read set-wise by the runner). */
export interface PlanContext {
  /** Stored people holding any identity of the batch. */
  holders: readonly StoredPerson[];
  /**
   * Identities of the rows taken so far, with their rows: the earlier batches' (read from the
   * import's keys) and, as it is decided, this batch's.
   */
  seen: Map<string, number>;
  matchBy: readonly ImportMatchKey[];
  onMatch: ImportOnMatch;
  /** Custom-field keys a new person must have. */
  requiredKeys: readonly string[];
  /** Company cells' companies by folded name (new ones included). */
  companies: ReadonlyMap<string, CompanyRef>;
  /** Companies by email domain, for linking new people as a person's form does. */
  domainCompanies: ReadonlyMap<string, CompanyRef>;
  /** Names of the holders' companies (their search text names them). */
  companyNames: ReadonlyMap<string, string>;
}

export type PlannedRow =
  | { kind: 'create'; row: number; person: StoredPerson }
  | { kind: 'update'; row: number; person: StoredPerson; before: StoredPerson; changed: string[] }
  | { kind: 'skip'; row: number }
  | { kind: 'reject'; row: number; reject: RowReject };

const KEY_PREFIX: Record<ImportMatchKey, string> = { email: 'e:', phone: 'p:', externalId: 'x:' };
const IN_USE: Record<ImportMatchKey, string> = {
  email: 'emailInUse',
  phone: 'phoneInUse',
  externalId: 'externalIdInUse',
};

/** A person's identities as import keys (`e:`, `p:`, `x:` and the normalised value). */
export function identities(
  p: Pick<RowPerson, 'emails' | 'phones' | 'externalId'>,
): Array<[ImportMatchKey, string]> {
  return [
    ...p.emails.map((e): [ImportMatchKey, string] => ['email', KEY_PREFIX.email + e]),
    ...p.phones.map((ph): [ImportMatchKey, string] => ['phone', KEY_PREFIX.phone + ph]),
    ...(p.externalId
      ? [['externalId', KEY_PREFIX.externalId + p.externalId] as [ImportMatchKey, string]]
      : []),
  ];
}

/**
 * Decides each row of a batch, in file order: a row whose identity an earlier row already used
 * is a duplicate; one matching a stored person by a chosen key updates (or skips) them, unless it
 * matches two people or would take another person's identity; the rest create people. Updates
 * only add: emails and phones join the stored ones, filled cells replace, empty cells keep.
 */
export function planBatch(rows: readonly ReadRow[], ctx: PlanContext): PlannedRow[] {
  const current = new Map(ctx.holders.map((h) => [h.id, h]));
  const byKey = new Map<string, string[]>();
  for (const holder of ctx.holders)
    for (const [, key] of identities(holder))
      byKey.set(key, [...(byKey.get(key) ?? []), holder.id]);
  return rows.map((read): PlannedRow => {
    const { row, person } = read;
    const keys = identities(person);
    const earlier = keys.map(([, key]) => ctx.seen.get(key)).find((r) => r !== undefined);
    if (earlier !== undefined)
      return {
        kind: 'reject',
        row,
        reject: { code: 'duplicateInFile', column: null, params: { row: earlier } },
      };
    const matched = new Set<string>();
    for (const [kind, key] of keys)
      if (ctx.matchBy.includes(kind)) for (const id of byKey.get(key) ?? []) matched.add(id);
    if (matched.size > 1)
      return {
        kind: 'reject',
        row,
        reject: { code: 'matchesSeveral', column: null, params: { count: matched.size } },
      };
    const [targetId] = [...matched];
    const collision = keys.find(([, key]) => (byKey.get(key) ?? []).some((id) => id !== targetId));
    if (collision)
      return { kind: 'reject', row, reject: { code: IN_USE[collision[0]], column: null } };
    const company = person.companyName
      ? ctx.companies.get(companySortName(person.companyName))
      : undefined;
    if (targetId) {
      for (const [, key] of keys) ctx.seen.set(key, row);
      if (ctx.onMatch === 'skip') return { kind: 'skip', row };
      const before = current.get(targetId) as StoredPerson;
      const next = merged(before, person, company, ctx);
      const changed = changedFields(before, next);
      if (changed.length === 0) return { kind: 'skip', row };
      current.set(targetId, next);
      for (const [, key] of identities(next)) byKey.set(key, [targetId]);
      return { kind: 'update', row, person: next, before, changed };
    }
    const missing = ctx.requiredKeys.find((key) => person.customFields[key] === undefined);
    if (missing)
      return {
        kind: 'reject',
        row,
        reject: { code: 'isNotEmpty', column: null, params: { key: missing } },
      };
    for (const [, key] of keys) ctx.seen.set(key, row);
    return { kind: 'create', row, person: created(person, company, ctx) };
  });
}

function created(
  person: RowPerson,
  company: CompanyRef | undefined,
  ctx: PlanContext,
): StoredPerson {
  const domainCompany = company
    ? undefined
    : firstDomainCompany(person.emails, ctx.domainCompanies);
  const linked = company ?? domainCompany;
  return withDerived(
    {
      id: '',
      name: person.name,
      emails: person.emails,
      phones: person.phones,
      externalId: person.externalId,
      companyId: linked?.id ?? null,
      companyLink: company ? 'manual' : domainCompany ? 'domain' : null,
      companyDomainOptOut: false,
      categoryId: person.categoryId,
      customFields: person.customFields,
      notes: person.notes,
      language: person.language,
      sortName: '',
      searchText: '',
    },
    linked?.name ?? null,
  );
}

function merged(
  before: StoredPerson,
  person: RowPerson,
  company: CompanyRef | undefined,
  ctx: PlanContext,
): StoredPerson {
  const emails = [...new Set([...before.emails, ...person.emails])];
  let companyId = company?.id ?? before.companyId;
  let companyLink = company ? 'manual' : before.companyLink;
  let companyName = company?.name ?? (companyId ? (ctx.companyNames.get(companyId) ?? null) : null);
  if (!companyId && !before.companyDomainOptOut) {
    const domainCompany = firstDomainCompany(emails, ctx.domainCompanies);
    if (domainCompany) {
      companyId = domainCompany.id;
      companyLink = 'domain';
      companyName = domainCompany.name;
    }
  }
  return withDerived(
    {
      ...before,
      name: person.name ?? before.name,
      emails,
      phones: [...new Set([...before.phones, ...person.phones])],
      externalId: person.externalId ?? before.externalId,
      companyId,
      companyLink: companyId ? companyLink : null,
      categoryId: person.categoryId ?? before.categoryId,
      customFields: { ...before.customFields, ...person.customFields },
      notes: person.notes ?? before.notes,
      language: person.language ?? before.language,
    },
    companyName,
  );
}

/** Sort name and search text as the person's form writes them. */
function withDerived(p: StoredPerson, companyName: string | null): StoredPerson {
  return {
    ...p,
    sortName: foldedSortName(p.name, p.emails),
    searchText: contactSearchText({
      name: p.name,
      emails: p.emails,
      phones: p.phones,
      externalId: p.externalId,
      companyName,
    }),
  };
}

function firstDomainCompany(
  emails: readonly string[],
  byDomain: ReadonlyMap<string, CompanyRef>,
): CompanyRef | undefined {
  for (const domain of emailDomains(emails)) {
    const company = byDomain.get(domain);
    if (company) return company;
  }
  return undefined;
}

const COMPARED = [
  'name',
  'emails',
  'phones',
  'externalId',
  'companyId',
  'categoryId',
  'customFields',
  'notes',
  'language',
] as const;

function changedFields(before: StoredPerson, after: StoredPerson): string[] {
  return COMPARED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
