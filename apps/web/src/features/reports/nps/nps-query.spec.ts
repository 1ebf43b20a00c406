import { readReportState } from '../report-query';
import {
  npsCsvUrl,
  npsPdfUrl,
  npsReportParams,
  npsReportPath,
  readSurveyId,
  withSurvey,
} from './nps-query';

describe('the NPS report’s address', () => {
  it('asks for the period and the contact category only, with the survey', () => {
    const state = readReportState({
      preset: 'custom',
      from: '2026-11-01',
      to: '2026-11-30',
      mailboxId: 'm1',
      channel: 'email',
      categoryId: 'c1',
    });
    expect(npsReportParams({ state, surveyId: 's1' })).toEqual({
      preset: 'custom',
      from: '2026-11-01',
      to: '2026-11-30',
      categoryId: 'c1',
      surveyId: 's1',
    });
    expect(npsReportPath({ state: readReportState({}) })).toBe('/reports/nps');
    expect(npsReportPath({ state: readReportState({ preset: 'month', tagId: 't' }) })).toBe(
      '/reports/nps?preset=month',
    );
    expect(npsCsvUrl({ state: readReportState({ categoryId: 'c1' }), surveyId: 's1' })).toBe(
      '/api/v1/reports/nps/export.csv?categoryId=c1&surveyId=s1',
    );
    expect(npsPdfUrl({ state: readReportState({ preset: 'year', mailboxId: 'm' }) })).toBe(
      '/api/v1/reports/nps/export.pdf?preset=year',
    );
  });

  it('reads a survey id from the address and drops anything else', () => {
    expect(readSurveyId('7f1c2e9a-0000-4000-8000-000000000001')).toBe(
      '7f1c2e9a-0000-4000-8000-000000000001',
    );
    expect(readSurveyId(['s1', 's2'])).toBe('s1');
    expect(readSurveyId('')).toBeNull();
    expect(readSurveyId('a b')).toBeNull();
    expect(readSurveyId(undefined)).toBeNull();
    expect(readSurveyId('x'.repeat(101))).toBeNull();
  });

  it('sets or clears the survey in the page’s own query, keeping the rest', () => {
    expect(withSurvey({ preset: 'month', surveyId: 'old' }, 'new')).toEqual({
      preset: 'month',
      surveyId: 'new',
    });
    expect(withSurvey({ preset: 'month', surveyId: 'old', empty: '' }, null)).toEqual({
      preset: 'month',
    });
  });
});
