import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { Language, NpsReportView } from '@sanad/contracts';
import { DomainError, localTimestamp } from '@sanad/core';
import { neutralise } from '@sanad/contacts';
import { NpsReports, type NpsWindow } from '@sanad/satisfaction';
import type { NpsReportQueryDto } from '../dto/nps-report-query.dto';
import { ReportPdfService } from '../pdf/report-pdf.service';
import { ReportsService } from '../reports.service';

type NpsTable = 'series' | 'surveys';
const NPS_TABLES: readonly NpsTable[] = ['series', 'surveys'];

const HEADERS: Record<NpsTable, Record<Language, string[]>> = {
  series: {
    ar: ['بداية الفترة', 'الإجابات', 'صافي نقاط الترويج'],
    en: ['Period start', 'Responses', 'NPS'],
  },
  surveys: {
    ar: ['الاستطلاع', 'الإجابات', 'صافي نقاط الترويج'],
    en: ['Survey', 'Responses', 'NPS'],
  },
};
const TABLE_TITLES: Record<NpsTable, Record<Language, string>> = {
  series: { ar: 'على مدى الفترة', en: 'Over the period' },
  surveys: { ar: 'حسب الاستطلاع', en: 'By survey' },
};
const TITLE: Record<Language, string> = {
  ar: 'تقرير صافي نقاط الترويج (NPS)',
  en: 'NPS report',
};

/**
 * A score as people read it: signed (+30, −20, 0), a dash without responses. Signed numbers sit
 * in a left-to-right isolate, so the sign stays before the digits in Arabic text.
 */
export function signedScore(score: number | null): string {
  if (score === null) return '—';
  if (score === 0) return '0';
  return `\u2066${score > 0 ? '+' : '−'}${Math.abs(score)}\u2069`;
}

/**
 * The NPS report: the period and category filter resolved as on every report (the workspace's
 * zone, the category checked to be its own), responses counted by response time; the survey
 * filter checked too (another workspace's is a 400 naming it). CSV and PDF from the same view.
 */
@Injectable()
export class NpsReportService {
  constructor(
    private readonly reports: ReportsService,
    private readonly nps: NpsReports,
    private readonly pdfs: ReportPdfService,
  ) {}

  async report(principal: Principal, query: NpsReportQueryDto): Promise<NpsReportView> {
    return (await this.resolve(principal, query)).view;
  }

  /** `table=series` (default) or `surveys`, cells a spreadsheet cannot run. */
  async exportCsv(
    principal: Principal,
    query: NpsReportQueryDto & { table?: string },
  ): Promise<{ fileName: string; rows: AsyncIterable<string[]> }> {
    const table = query.table ?? 'series';
    if (!NPS_TABLES.includes(table as NpsTable))
      throw new DomainError('request/validation', {}, [
        { field: 'table', code: 'isIn', params: { allowed: NPS_TABLES.join(', ') } },
      ]);
    const { view, timeZone } = await this.resolve(principal, reportQuery(query));
    const rows = tableRows(table as NpsTable, view, principal.language, timeZone, (n) =>
      n === null ? '' : String(n),
    );
    async function* each(): AsyncIterable<string[]> {
      for (const row of rows) yield row.map(neutralise);
    }
    return { fileName: `nps-${table}.csv`, rows: each() };
  }

  /** The report page as a PDF: the score and its groups, then both tables. */
  async exportPdf(
    principal: Principal,
    query: NpsReportQueryDto,
  ): Promise<{ fileName: string; body: Buffer }> {
    const language = principal.language;
    const ar = language === 'ar';
    const { view, timeZone, surveyName } = await this.resolve(principal, reportQuery(query));
    const filters = await this.reports.filterLabels(principal, { categoryId: query.categoryId });
    if (surveyName) filters.push(`${ar ? 'الاستطلاع' : 'Survey'}: ${surveyName}`);
    const { current } = view;
    const body = await this.pdfs.print(principal, {
      title: TITLE[language],
      period: view.period,
      filters,
      summary: [
        { label: ar ? 'صافي نقاط الترويج' : 'NPS', value: signedScore(current.score) },
        { label: ar ? 'الإجابات' : 'Responses', value: String(current.responses) },
        { label: ar ? 'المروّجون (9–10)' : 'Promoters (9–10)', value: String(current.promoters) },
        { label: ar ? 'المحايدون (7–8)' : 'Passives (7–8)', value: String(current.passives) },
        {
          label: ar ? 'المنتقدون (0–6)' : 'Detractors (0–6)',
          value: String(current.detractors),
        },
      ],
      chart: null,
      tables: NPS_TABLES.map((table) => ({
        title: TABLE_TITLES[table][language],
        rows: tableRows(table, view, language, timeZone, signedScore),
      })),
    });
    const file = ar ? 'تقرير-صافي-نقاط-الترويج' : 'nps-report';
    return { fileName: `${file}-${view.period.fromDate}_${view.period.toDate}.pdf`, body };
  }

  private async resolve(
    principal: Principal,
    query: NpsReportQueryDto,
  ): Promise<{ view: NpsReportView; timeZone: string; surveyName: string | null }> {
    const { preset, from, to, categoryId, surveyId } = query;
    const s = await this.reports.scope(principal, { preset, from, to, categoryId });
    const surveyName = surveyId ? await this.nps.surveyName(principal.workspaceId, surveyId) : null;
    if (surveyId && surveyName === null)
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
      view: { period: s.period, current: totals, previous, series, surveys },
      timeZone: s.current.timeZone,
      surveyName,
    };
  }
}

/** The report's own parameters (an export's `table` is not one of them). */
function reportQuery(query: NpsReportQueryDto): NpsReportQueryDto {
  const { preset, from, to, compare, categoryId, surveyId } = query;
  return { preset, from, to, compare, categoryId, surveyId };
}

function tableRows(
  table: NpsTable,
  view: NpsReportView,
  language: Language,
  timeZone: string,
  score: (n: number | null) => string,
): string[][] {
  const rows =
    table === 'series'
      ? view.series.map((p) => [
          localTimestamp(new Date(p.bucket), timeZone),
          String(p.responses),
          score(p.score),
        ])
      : view.surveys.map((v) => [v.name, String(v.responses), score(v.score)]);
  return [HEADERS[table][language], ...rows];
}
