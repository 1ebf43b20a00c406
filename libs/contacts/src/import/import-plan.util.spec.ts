import type { StoredPerson } from './import-batch.repository';
import { planBatch, type PlanContext, type ReadRow } from './import-plan.util';
import type { RowPerson } from './import-row.util';

const person = (over: Partial<RowPerson>): RowPerson => ({
  name: null,
  emails: [],
  phones: [],
  externalId: null,
  companyName: null,
  categoryId: null,
  language: null,
  notes: null,
  customFields: {},
  ...over,
});
const stored = (over: Partial<StoredPerson>): StoredPerson => ({
  id: 'p1',
  name: 'Sara',
  emails: ['sara@x.co'],
  phones: [],
  externalId: null,
  companyId: null,
  companyLink: null,
  companyDomainOptOut: false,
  categoryId: null,
  customFields: { plan: 'basic' },
  notes: 'old',
  language: null,
  sortName: 'sara',
  searchText: 'sara',
  ...over,
});
const rows = (...people: RowPerson[]): ReadRow[] =>
  people.map((p, i) => ({ row: i + 1, cells: [], person: p }));
const context = (over: Partial<PlanContext> = {}): PlanContext => ({
  holders: [],
  seen: new Map(),
  matchBy: ['email', 'phone', 'externalId'],
  onMatch: 'update',
  requiredKeys: [],
  companies: new Map(),
  domainCompanies: new Map(),
  companyNames: new Map(),
  ...over,
});

describe('deciding an import batch', () => {
  it('creates new people, and refuses the same person twice in the file (this batch or an earlier one)', () => {
    const ctx = context({ seen: new Map([['e:old@x.co', 7]]) });
    const plan = planBatch(
      rows(
        person({ name: 'A', emails: ['a@x.co'] }),
        person({ name: 'A again', emails: ['a@x.co'] }),
        person({ name: 'Old', emails: ['old@x.co'] }),
      ),
      ctx,
    );
    expect(plan.map((p) => p.kind)).toEqual(['create', 'reject', 'reject']);
    expect(plan[1]).toMatchObject({ reject: { code: 'duplicateInFile', params: { row: 1 } } });
    expect(plan[2]).toMatchObject({ reject: { code: 'duplicateInFile', params: { row: 7 } } });
    expect(ctx.seen.get('e:a@x.co')).toBe(1);
  });

  it('updates by adding: emails and phones join, filled cells replace, empty cells keep', () => {
    const [plan] = planBatch(
      rows(
        person({ emails: ['sara@x.co'], phones: ['+966501234567'], customFields: { seats: 3 } }),
      ),
      context({ holders: [stored({})] }),
    );
    expect(plan).toMatchObject({
      kind: 'update',
      changed: ['phones', 'customFields'],
      person: {
        name: 'Sara',
        phones: ['+966501234567'],
        customFields: { plan: 'basic', seats: 3 },
        notes: 'old',
      },
    });
  });

  it('skips a match when told to, or when nothing changes', () => {
    const row = rows(person({ emails: ['sara@x.co'], name: 'Sara' }));
    expect(planBatch(row, context({ holders: [stored({})] }))[0].kind).toBe('skip');
    const other = rows(person({ emails: ['sara@x.co'], name: 'Sara Q' }));
    expect(planBatch(other, context({ holders: [stored({})], onMatch: 'skip' }))[0].kind).toBe(
      'skip',
    );
  });

  it('refuses a row matching two people, or taking an identity it does not match by', () => {
    const holders = [stored({}), stored({ id: 'p2', emails: [], phones: ['+966501234567'] })];
    const both = rows(person({ emails: ['sara@x.co'], phones: ['+966501234567'] }));
    expect(planBatch(both, context({ holders }))[0]).toMatchObject({
      reject: { code: 'matchesSeveral' },
    });
    expect(planBatch(both, context({ holders, matchBy: ['email'] }))[0]).toMatchObject({
      reject: { code: 'phoneInUse' },
    });
  });

  it('asks new people for the required fields, and links them to a company by name or domain', () => {
    const co = { id: 'c1', name: 'Acme' };
    const plan = planBatch(
      rows(
        person({ name: 'No plan' }),
        person({ name: 'By domain', emails: ['x@acme.com'], customFields: { plan: 'gold' } }),
      ),
      context({ requiredKeys: ['plan'], domainCompanies: new Map([['acme.com', co]]) }),
    );
    expect(plan[0]).toMatchObject({ reject: { code: 'isNotEmpty', params: { key: 'plan' } } });
    expect(plan[1]).toMatchObject({
      kind: 'create',
      person: { companyId: 'c1', companyLink: 'domain' },
    });
  });
});
