import {
  exportQuery,
  filtersFromQuery,
  filtersToApi,
  filtersToQuery,
  isFiltered,
  tabQuery,
} from './submission-filters';

const FORM = '3f1c2a4e-9b7d-4c1e-8f2a-1b2c3d4e5f60';

describe('submissions list filters', () => {
  it('read a bare address as the inbox tab with nothing narrowing it', () => {
    const filters = filtersFromQuery({});
    expect(filters).toEqual({
      tab: 'inbox',
      unreadOnly: false,
      formId: '',
      from: '',
      to: '',
      q: '',
    });
    expect(filtersToQuery(filters)).toEqual({});
    // No state: the server lists new and read together.
    expect(filtersToApi(filters)).toEqual({});
    expect(isFiltered(filters)).toBe(false);
    expect(exportQuery(filters)).toBeNull();
  });

  it('round-trip every filter through the address bar and into the API query', () => {
    const query = {
      formId: FORM,
      state: 'archived',
      from: '2026-11-01',
      to: '2026-11-30',
      q: 'طلب',
    };
    const filters = filtersFromQuery(query);
    expect(filters).toEqual({
      tab: 'archived',
      unreadOnly: false,
      formId: FORM,
      from: '2026-11-01',
      to: '2026-11-30',
      q: 'طلب',
    });
    expect(filtersToQuery(filters)).toEqual(query);
    expect(filtersToApi(filters)).toEqual(query);
    expect(isFiltered(filters)).toBe(true);
  });

  it('read state=new (the unread count on the forms list) as the inbox, unread only', () => {
    const filters = filtersFromQuery({ formId: FORM, state: 'new' });
    expect(filters).toMatchObject({ tab: 'inbox', unreadOnly: true });
    expect(filtersToApi(filters)).toEqual({ formId: FORM, state: 'new' });
    expect(filtersToQuery(filters)).toEqual({ formId: FORM, state: 'new' });
    expect(isFiltered(filters)).toBe(true);
    expect(exportQuery(filters)).toEqual({ formId: FORM, state: 'new' });
    // Another tab keeps the form but not the inbox's toggle; back in the inbox it is all of it.
    expect(tabQuery(filters, 'spam')).toEqual({ formId: FORM, state: 'spam' });
    expect(tabQuery(filters, 'inbox')).toEqual({ formId: FORM });
  });

  it('drop what is malformed instead of sending it', () => {
    const filters = filtersFromQuery({
      formId: 'nope',
      state: 'read',
      from: '1/2/2026',
      to: ['2026-13'],
      q: '  ',
    });
    expect(filters).toEqual({
      tab: 'inbox',
      unreadOnly: false,
      formId: '',
      from: '',
      to: '',
      q: '',
    });
  });

  it('swap a range typed backwards', () => {
    const filters = filtersFromQuery({ from: '2026-12-31', to: '2026-12-01' });
    expect(filtersToApi(filters)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('export exactly what the list shows, and only for one form', () => {
    const filters = filtersFromQuery({ formId: FORM, state: 'spam', q: 'x' });
    expect(exportQuery(filters)).toEqual({ formId: FORM, state: 'spam', q: 'x' });
    expect(exportQuery({ ...filters, formId: '' })).toBeNull();
  });
});
