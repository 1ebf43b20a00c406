import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { Language, NpsReportView } from '@sanad/contracts';
import { DomainError, localTimestamp } from '@sanad/core';
import { neutralise } from '@sanad/contacts';
import { NpsReports, type NpsWindow } from '@sanad/satisfaction';
import type { NpsReportQueryDto } from '../dto/nps-report-query.dto';
import { ReportsService } from '../reports.service';

const SERIES_HEADERS: Record<Language, string[]> = {
  ar: ['بداية الفترة', 'الإجابات', 'صافي نقاط الترويج'],
  en: ['Period start', 'Responses', 'NPS'],
};
const SURVEY_HEADERS: Record<Language, string[]> = {
  ar: ['الاستطلاع', 'الإجابات', 'صافي نقاط الترويج'],
  en: ['Survey', 'Responses', 'NPS'],
};

/**
 * The NPS report: the period and category filter resolved as on every report (the workspace's
 * zone, the category checked to be its own), responses counted by response time; the survey
 * filter checked too (another workspace's is a 400 naming it).
 */
@Injectable()
export class NpsReportService {
  constructor(
    private readonly reports: ReportsService,
    private readonly nps: NpsReports,
  ) {}

  async report(principal: Principal, query: NpsReportQueryDto): Promise<NpsReportView> {
    const { preset, from, to, categoryId, surveyId } = query;
    const s = await this.reports.scope(principal, { preset, from, to, categoryId });
    if (surveyId && !(await this.nps.surveyExists(principal.workspaceId, surveyId)))
      throw new DomainError('request/validation', {}, [
        { field: 'surveyId', code: 'unknownSurvey' },
      ]);
    const window = (w: typeof s.current): NpsWindow => ({
      workspaceId: w.workspaceId,
      from: w.from,
      to: w.to,
      timeZone: w.timeZone,
      bucket: w.bucket,
      weekStart: w.weekStart,
      ...(categoryId && { categoryId }),
      ...(surveyId && { surveyId }),
    });
    const current = window(s.current);
    const [totals, previous, series, surveys] = await Promise.all([
      this.nps.totals(current),
      query.compare === false ? null : this.nps.totals(window(s.previous)),
      this.nps.series(current),
      this.nps.perSurvey(current),
    ]);
    return {
      period: s.period,
      current: totals,
      previous,
      series,
      surveys,
    };
  }

  /** `table=series` (default) or `surveys`, cells a spreadsheet cannot run. */
  async exportCsv(
    principal: Principal,
    query: NpsReportQueryDto & { table?: string },
  ): Promise<{ fileName: string; rows: AsyncIterable<string[]> }> {
    const table = query.table ?? 'series';
    if (table !== 'series' && table !== 'surveys')
      throw new DomainError('request/validation', {}, [
        { field: 'table', code: 'isIn', params: { allowed: 'series, surveys' } },
      ]);
    const rest: NpsReportQueryDto = {
      preset: query.preset,
      from: query.from,
      to: query.to,
      compare: query.compare,
      categoryId: query.categoryId,
      surveyId: query.surveyId,
    };
    const view = await this.report(principal, rest);
    const lang = principal.language;
    const { timeZone } = (await this.reports.scope(principal, rest)).current;
    const score = (n: number | null) => (n === null ? '' : String(n));
    const rows =
      table === 'series'
        ? [
            SERIES_HEADERS[lang],
            ...view.series.map((p) => [
              localTimestamp(new Date(p.bucket), timeZone),
              String(p.responses),
              score(p.score),
            ]),
          ]
        : [
            SURVEY_HEADERS[lang],
            ...view.surveys.map((v) => [v.name, String(v.responses), score(v.score)]),
          ];
    async function* each(): AsyncIterable<string[]> {
      for (const row of rows) yield row.map(neutralise);
    }
    return { fileName: `nps-${table}.csv`, rows: each() };
  }
}
