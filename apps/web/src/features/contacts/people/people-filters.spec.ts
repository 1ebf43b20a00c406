import {
  activeFilterCount,
  filtersFromQuery,
  filtersToApi,
  filtersToQuery,
  parseFieldFilter,
} from './people-filters';

const CATEGORY = '3f1c2a4e-9b7d-4c1e-8f2a-1b2c3d4e5f60';

describe('people list filters', () => {
  it('read an empty address bar as the plain list, sorted by name', () => {
    const filters = filtersFromQuery({});
    expect(filters).toMatchObject({ q: '', sort: 'name', order: 'asc', field: null });
    expect(filtersToQuery(filters)).toEqual({});
    expect(filtersToApi(filters, 'Asia/Riyadh')).toEqual({ sort: 'name', order: 'asc' });
    expect(activeFilterCount(filters)).toBe(0);
  });

  it('round-trip every filter through the address bar', () => {
    const query = {
      q: 'محمد',
      sort: 'last_seen',
      order: 'asc',
      category: CATEGORY,
      registered: 'no',
      createdFrom: '2024-01-01',
      lastSeenTo: '2024-02-29',
      field: 'plan:eq:gold:vip',
    };
    const filters = filtersFromQuery(query);
    expect(filters.field).toEqual({ key: 'plan', op: 'eq', value: 'gold:vip' });
    expect(filtersToQuery(filters)).toEqual(query);
    expect(activeFilterCount(filters)).toBe(5);
  });

  it('drop malformed values instead of sending them', () => {
    const filters = filtersFromQuery({
      sort: 'shoe_size',
      order: 'sideways',
      category: 'not-a-uuid',
      registered: 'maybe',
      createdFrom: '1 Jan',
      field: 'Plan:eq:x',
    });
    expect(filters).toMatchObject({
      sort: 'name',
      order: 'asc',
      categoryId: '',
      registered: '',
      createdFrom: '',
      field: null,
    });
    expect(parseFieldFilter('plan:eq:')).toBeNull();
    expect(parseFieldFilter('plan:maybe:x')).toBeNull();
    expect(parseFieldFilter('plan:empty:ignored')).toEqual({ key: 'plan', op: 'empty', value: '' });
  });

  it('leave the default order for a sort out of the address bar', () => {
    expect(filtersFromQuery({ sort: 'created' }).order).toBe('desc');
    expect(filtersToQuery(filtersFromQuery({ sort: 'created' }))).toEqual({ sort: 'created' });
  });

  it("send whole days on the workspace's clock and the field filter as the API wants", () => {
    const filters = filtersFromQuery({
      registered: 'yes',
      createdFrom: '2024-03-10',
      createdTo: '2024-03-10',
      lastSeenTo: '2024-12-31',
      field: 'vip:not_empty',
    });
    const api = filtersToApi(filters, 'Asia/Riyadh');
    expect(api.registered).toBe(true);
    // Midnight in Riyadh (UTC+3), whatever the browser's zone.
    expect(api.createdFrom).toBe('2024-03-09T21:00:00.000Z');
    expect(api.createdTo).toBe('2024-03-10T20:59:59.999Z');
    // The day's end crosses into the next year.
    expect(api.lastSeenTo).toBe('2024-12-31T20:59:59.999Z');
    // New York on 10 March 2024 springs forward: the day is 23 hours long.
    const ny = filtersToApi(filters, 'America/New_York');
    expect(ny.createdFrom).toBe('2024-03-10T05:00:00.000Z');
    expect(ny.createdTo).toBe('2024-03-11T03:59:59.999Z');
    expect(filtersToApi(filtersFromQuery({ createdFrom: '2024-3-1' }), 'UTC').createdFrom).toBe(
      undefined,
    );
    expect(api.field).toEqual(['vip:not_empty']);
    expect(api).not.toHaveProperty('lastSeenFrom');
  });
});
