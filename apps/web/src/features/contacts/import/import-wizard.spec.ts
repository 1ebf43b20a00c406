import type { ContactImportView, ImportStatus } from '@sanad/contracts';
import {
  duplicateTargets,
  fileProblem,
  importPercent,
  IMPORT_MAX_BYTES,
  isNewer,
  reachableSteps,
  spreadsheetRow,
  stepAfterChange,
  stepForStatus,
  targetOptions,
  upsertImport,
  valueToTarget,
} from './import-wizard';

function view(patch: Partial<ContactImportView> = {}): ContactImportView {
  return {
    id: 'i1',
    status: 'uploaded',
    fileName: 'people.csv',
    sizeBytes: 100,
    encoding: 'utf-8',
    delimiter: ',',
    columns: [],
    matchBy: ['email'],
    onMatch: 'update',
    check: null,
    progress: { rows: 0, created: 0, updated: 0, skipped: 0, rejected: 0 },
    error: null,
    createdBy: null,
    createdAt: '2025-01-01T00:00:00Z',
    startedAt: null,
    finishedAt: null,
    ...patch,
  };
}

const counts = (rows: number) => ({ rows, created: rows, updated: 0, skipped: 0, rejected: 0 });

describe('fileProblem', () => {
  it('takes CSV, TSV and text files of any letter case within the limit', () => {
    expect(fileProblem({ name: 'الأشخاص.CSV', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'export.tsv', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'unicode.txt', size: IMPORT_MAX_BYTES })).toBeNull();
  });

  it('names what is wrong: another type, an empty file, a file over the limit', () => {
    expect(fileProblem({ name: 'people.xlsx', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'csv', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'people.csv', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'people.csv', size: IMPORT_MAX_BYTES + 1 })).toBe('size');
  });
});

describe('steps', () => {
  it.each<[ImportStatus | null, string]>([
    [null, 'upload'],
    ['uploaded', 'mapping'],
    ['checking', 'check'],
    ['checked', 'check'],
    ['queued', 'import'],
    ['running', 'import'],
    ['cancelling', 'import'],
    ['cancelled', 'import'],
    ['completed', 'import'],
    ['failed', 'import'],
  ])('%s opens on %s', (status, step) => {
    expect(stepForStatus(status)).toBe(step);
  });

  it('lets the file and mapping be revisited only while they can change', () => {
    expect(reachableSteps('uploaded')).toEqual(['upload', 'mapping', 'check']);
    expect(reachableSteps('checked')).toEqual(['upload', 'mapping', 'check', 'import']);
    expect(reachableSteps('checking')).toEqual(['check']);
    expect(reachableSteps('running')).toEqual(['import']);
  });
});

describe('stepAfterChange', () => {
  it('keeps the admin on the step they edit when a change clears the check', () => {
    expect(stepAfterChange('upload', 'checked', 'uploaded')).toBe('upload');
    expect(stepAfterChange('mapping', 'checked', 'uploaded')).toBe('mapping');
    // The import step is gone without a check: back to the mapping.
    expect(stepAfterChange('import', 'checked', 'uploaded')).toBe('mapping');
  });

  it('opens the step of the new status otherwise', () => {
    expect(stepAfterChange('mapping', 'uploaded', 'checking')).toBe('check');
    expect(stepAfterChange('check', 'checking', 'checked')).toBe('check');
    expect(stepAfterChange('check', 'checked', 'queued')).toBe('import');
    expect(stepAfterChange('upload', null, 'uploaded')).toBe('mapping');
    expect(stepAfterChange('import', 'running', null)).toBe('upload');
  });
});

describe('importPercent', () => {
  it('is the rows done against the rows the check counted, rounded down and capped', () => {
    expect(
      importPercent(view({ status: 'running', check: counts(200), progress: counts(50) })),
    ).toBe(25);
    expect(importPercent(view({ status: 'running', check: counts(3), progress: counts(2) }))).toBe(
      66,
    );
    expect(
      importPercent(view({ status: 'running', check: counts(10), progress: counts(12) })),
    ).toBe(100);
  });

  it('is 0 while queued, 100 once completed, unknown without a check', () => {
    expect(importPercent(view({ status: 'queued', check: counts(10) }))).toBe(0);
    expect(importPercent(view({ status: 'completed', check: null, progress: counts(7) }))).toBe(
      100,
    );
    expect(importPercent(view({ status: 'running', check: null, progress: counts(7) }))).toBeNull();
    expect(importPercent(view({ status: 'running', check: counts(0) }))).toBeNull();
  });
});

describe('isNewer', () => {
  it('refuses an older view while work runs (a late poll must not move the bar back)', () => {
    const current = view({ status: 'running', progress: counts(500) });
    expect(isNewer(current, view({ status: 'running', progress: counts(400) }))).toBe(false);
    expect(isNewer(current, view({ status: 'queued' }))).toBe(false);
    expect(isNewer(current, view({ status: 'running', progress: counts(600) }))).toBe(true);
    expect(isNewer(current, view({ status: 'completed', progress: counts(1000) }))).toBe(true);
    expect(isNewer(view({ status: 'checking' }), view({ status: 'uploaded' }))).toBe(false);
    expect(isNewer(view({ status: 'checking' }), view({ status: 'failed' }))).toBe(true);
  });

  it('takes any view of the same import outside running work, none of another import', () => {
    expect(isNewer(view({ status: 'checked' }), view({ status: 'uploaded' }))).toBe(true);
    expect(isNewer(view(), view({ id: 'i2' }))).toBe(false);
  });

  it('keeps a list in place when updating, and puts an unknown import first', () => {
    const list = [view({ id: 'a' }), view({ id: 'b', status: 'running', progress: counts(5) })];
    const updated = upsertImport(list, view({ id: 'b', status: 'completed' }));
    expect(updated.map((item) => [item.id, item.status])).toEqual([
      ['a', 'uploaded'],
      ['b', 'completed'],
    ]);
    expect(upsertImport(list, view({ id: 'b', status: 'running', progress: counts(1) }))).toBe(
      list,
    );
    expect(upsertImport(list, view({ id: 'c' })).map((item) => item.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('targetOptions', () => {
  const labels = {
    ignore: 'تجاهل',
    builtIn: (target: string) => `label:${target}`,
    missingField: (key: string) => `missing:${key}`,
  };
  const fields = [
    { key: 'city', labelAr: 'المدينة', labelEn: 'City', position: 2 },
    { key: 'plan', labelAr: 'الباقة', labelEn: '', position: 1 },
  ];

  it('lists ignore, every built-in target, then custom fields in their order and language', () => {
    const groups = targetOptions(fields, 'en', labels);
    expect(groups.map((group) => group.group)).toEqual(['ignore', 'builtIn', 'custom']);
    expect(groups[0].options).toEqual([{ value: '', label: 'تجاهل' }]);
    expect(groups[1].options[0]).toEqual({ value: 'name', label: 'label:name' });
    expect(groups[1].options.map((option) => option.value)).toContain('externalId');
    // An empty English label falls back to the key.
    expect(groups[2].options).toEqual([
      { value: 'field:plan', label: 'plan' },
      { value: 'field:city', label: 'City' },
    ]);
    expect(targetOptions(fields, 'ar', labels)[2].options[1].label).toBe('المدينة');
  });

  it('keeps an option for a mapped field that was deleted, and no custom group when none', () => {
    const groups = targetOptions([], 'ar', labels, ['email', 'field:gone', null]);
    expect(groups[2]).toEqual({
      group: 'custom',
      options: [{ value: 'field:gone', label: 'missing:gone' }],
    });
    expect(targetOptions([], 'ar', labels).map((group) => group.group)).toEqual([
      'ignore',
      'builtIn',
    ]);
  });

  it('reads a select value back as a target', () => {
    expect(valueToTarget('')).toBeNull();
    expect(valueToTarget('phone')).toBe('phone');
    expect(valueToTarget('field:city')).toBe('field:city');
    expect(valueToTarget('field:')).toBeNull();
    expect(valueToTarget('nonsense')).toBeNull();
  });
});

describe('small helpers', () => {
  it('finds targets filled by more than one column', () => {
    const twice = duplicateTargets([
      { target: 'email' },
      { target: null },
      { target: 'email' },
      { target: null },
      { target: 'phone' },
    ]);
    expect([...twice]).toEqual(['email']);
  });

  it('shows data rows as the spreadsheet numbers them (header is row 1)', () => {
    expect(spreadsheetRow(1)).toBe(2);
  });
});
