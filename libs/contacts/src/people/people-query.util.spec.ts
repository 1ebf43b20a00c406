import { peopleConditions, type PeopleQuery } from './people-query.util';

const base: PeopleQuery = {
  workspaceId: 'ws',
  patterns: [],
  fields: [],
  sort: 'name',
  order: 'asc',
  limit: 50,
};

describe('peopleConditions', () => {
  it('binds every value as a parameter, keys included', () => {
    const params: unknown[] = ['ws'];
    const where = peopleConditions(
      {
        ...base,
        patterns: ['%محمد%'],
        registered: false,
        fields: [
          { key: "x'); DROP TABLE contacts; --", type: 'text', op: 'eq', value: "o'neil" },
          { key: 'renewal', type: 'date', op: 'before', value: '2026-01-01' },
          { key: 'seats', type: 'number', op: 'after', value: 3 },
          { key: 'tags', type: 'multi_select', op: 'eq', value: 'vip' },
          { key: 'plan', type: 'select', op: 'empty' },
        ],
      },
      params,
    );
    expect(where.join(' ')).not.toMatch(/DROP|o'neil|vip|2026/);
    expect(params).toEqual([
      'ws',
      '%محمد%',
      false,
      "x'); DROP TABLE contacts; --",
      '"o\'neil"',
      'renewal',
      '2026-01-01',
      'seats',
      3,
      'tags',
      '["vip"]',
      'plan',
    ]);
    expect(where[0]).toBe('c.search_text LIKE $2');
    expect(where[6]).toBe('NOT (c.custom_fields ? $12::text)');
  });

  it('escapes LIKE wildcards in contains', () => {
    const params: unknown[] = [];
    peopleConditions(
      { ...base, fields: [{ key: 'note', type: 'text', op: 'contains', value: '50%_off' }] },
      params,
    );
    expect(params).toEqual(['note', '%50\\%\\_off%']);
  });
});
