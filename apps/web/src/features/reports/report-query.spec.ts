import {
  csvUrl,
  customRangeProblem,
  drillDownQuery,
  pdfUrl,
  readReportState,
  reportApiPath,
  reportParams,
  withFilter,
} from './report-query';

const period = { from: '2026-11-26T21:00:00.000Z', to: '2026-12-03T21:00:00.000Z' };

describe('report state in the address', () => {
  it('defaults to the last week with no filters', () => {
    expect(readReportState({})).toEqual({ preset: 'week', filters: {} });
    expect(reportParams(readReportState({}))).toEqual({});
  });

  it('reads the preset, the custom dates and the filters, and drops what it does not know', () => {
    const state = readReportState({
      preset: 'custom',
      from: '2026-11-01',
      to: ['2026-11-30', '2026-12-01'],
      mailboxId: 'm1',
      channel: 'email',
      tagId: '',
      unknown: 'x',
    });
    expect(state).toEqual({
      preset: 'custom',
      from: '2026-11-01',
      to: '2026-11-30',
      filters: { mailboxId: 'm1', channel: 'email' },
    });
    expect(readReportState({ preset: 'decade', channel: 'fax', from: '2026-11-01' })).toEqual({
      preset: 'week',
      filters: {},
    });
    expect(readReportState({ preset: 'custom', from: '1 Nov', to: '2026-11-30' })).toEqual({
      preset: 'custom',
      to: '2026-11-30',
      filters: {},
    });
  });

  it('writes back what it read (dates only for a custom range)', () => {
    const query = { preset: 'month', agentId: 'a1', categoryId: 'c1' };
    expect(reportParams(readReportState(query))).toEqual(query);
    expect(reportParams({ preset: 'today', from: '2026-01-01', filters: {} })).toEqual({
      preset: 'today',
    });
  });

  it('names what a custom range lacks', () => {
    expect(customRangeProblem({ preset: 'week', filters: {} })).toBeNull();
    expect(customRangeProblem({ preset: 'custom', from: '2026-11-01', filters: {} })).toBe(
      'missing',
    );
    expect(
      customRangeProblem({ preset: 'custom', from: '2026-11-02', to: '2026-11-01', filters: {} }),
    ).toBe('order');
    expect(
      customRangeProblem({ preset: 'custom', from: '2026-11-01', to: '2026-11-01', filters: {} }),
    ).toBeNull();
  });

  it('sets and clears one filter without touching the others', () => {
    const state = readReportState({ teamId: 't1' });
    expect(withFilter(state, 'mailboxId', 'm1').filters).toEqual({ teamId: 't1', mailboxId: 'm1' });
    expect(withFilter(state, 'teamId', '').filters).toEqual({});
    expect(state.filters).toEqual({ teamId: 't1' });
  });
});

describe('report addresses', () => {
  const state = readReportState({
    preset: 'custom',
    from: '2026-11-01',
    to: '2026-11-30',
    teamId: 't 1',
  });

  it('the API path carries the same parameters', () => {
    expect(reportApiPath('dashboard', { preset: 'week', filters: {} })).toBe('/reports/dashboard');
    expect(reportApiPath('conversations', state)).toBe(
      '/reports/conversations?preset=custom&from=2026-11-01&to=2026-11-30&teamId=t+1',
    );
    expect(reportApiPath('satisfaction', state, { cursor: 'abc' })).toContain('&cursor=abc');
  });

  it('CSV and PDF exports', () => {
    expect(csvUrl('conversations', 'busiest-hours', state)).toBe(
      '/api/v1/reports/conversations/export.csv?preset=custom&from=2026-11-01&to=2026-11-30&teamId=t+1&table=busiest-hours',
    );
    expect(csvUrl('dashboard', 'series', { preset: 'today', filters: {} })).toBe(
      '/api/v1/reports/dashboard/export.csv?preset=today&table=series',
    );
    expect(pdfUrl('agents', { preset: 'week', filters: {} })).toBe(
      '/api/v1/reports/agents/export.pdf',
    );
  });
});

describe('drill-down to the inbox', () => {
  const state = readReportState({
    mailboxId: 'm1',
    agentId: 'a1',
    tagId: 'tag-1',
    channel: 'chat',
  });

  it("carries the report's filters under the inbox's names, the tag by its name", () => {
    expect(drillDownQuery(state, period, {}, 'billing')).toEqual({
      mailbox: 'm1',
      assignee: 'a1',
      tag: 'billing',
      channel: 'chat',
    });
    // Without the tag's name the inbox cannot filter by it: left out rather than wrong.
    expect(drillDownQuery(state, period)).not.toHaveProperty('tag');
  });

  it('a status, the period as a created range, or one row of a table', () => {
    const none = readReportState({});
    expect(drillDownQuery(none, period, { status: 'closed', range: true })).toEqual({
      status: 'closed',
      from: period.from,
      to: period.to,
    });
    expect(drillDownQuery(none, null, { range: true })).toEqual({});
    // Ongoing is the inbox's view of that name, or the statuses inside a mailbox.
    expect(drillDownQuery(none, period, { status: 'open,pending' })).toEqual({ view: 'ongoing' });
    expect(drillDownQuery(state, period, { status: 'open,pending' })).toMatchObject({
      mailbox: 'm1',
      status: 'open,pending',
    });
    expect(
      drillDownQuery(state, period, { assigneeId: 'a2', tag: 'vip', categoryId: 'c1' }),
    ).toEqual({
      mailbox: 'm1',
      assignee: 'a2',
      tag: 'vip',
      channel: 'chat',
      category: 'c1',
    });
  });
});
