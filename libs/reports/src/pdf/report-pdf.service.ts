import { Injectable } from '@nestjs/common';
import { WorkspaceSettingsService, type Principal } from '@sanad/accounts';
import { BrandImagesService } from '@sanad/branding';
import type {
  DurationStatsView,
  Language,
  ReportNumberView,
  ReportPeriodView,
} from '@sanad/contracts';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ReportExportQueryDto } from '../dto/report-query.dto';
import {
  REPORT_TABLES,
  reportFileName,
  reportTable,
  type ReportName,
  type ReportViews,
} from '../export/report-tables.util';
import { ReportsService } from '../reports.service';
import { HtmlToPdf, type PrintResource } from './html-to-pdf.service';
import { reportDocumentHtml, type ReportDocument } from './report-document.util';

const TITLES: Record<ReportName, Record<Language, string>> = {
  dashboard: { ar: 'لوحة التحكم', en: 'Dashboard' },
  conversations: { ar: 'تقرير المحادثات', en: 'Conversations report' },
  agents: { ar: 'تقرير الموظفين', en: 'Agents report' },
  contacts: { ar: 'تقرير جهات الاتصال', en: 'Contacts report' },
  satisfaction: { ar: 'تقرير التقييم', en: 'Satisfaction report' },
};

const TABLE_TITLES: Record<string, Record<Language, string>> = {
  series: { ar: 'على مدى الفترة', en: 'Over the period' },
  'busiest-hours': { ar: 'أوقات الذروة', en: 'Busiest hours' },
  ratings: { ar: 'التقييمات حسب المجموعة', en: 'Ratings by group' },
  agents: { ar: 'الموظفون', en: 'Agents' },
  categories: { ar: 'حسب الفئة', en: 'By category' },
  distribution: { ar: 'توزيع التقييمات', en: 'Rating distribution' },
  comments: { ar: 'التعليقات', en: 'Comments' },
};

/** What a report page prints besides the workspace's brand. */
export type PrintedReport = Pick<
  ReportDocument,
  'title' | 'filters' | 'summary' | 'chart' | 'tables'
> & {
  period: Pick<ReportPeriodView, 'fromDate' | 'toDate' | 'timeZone'>;
};

const FONT_DIR = join(
  dirname(require.resolve('@fontsource/ibm-plex-sans-arabic/package.json')),
  'files',
);
const FONT_FILES = [
  {
    weight: 400,
    subset: 'arabic',
    range: 'U+0600-06FF,U+0750-077F,U+FB50-FDFF,U+FE70-FEFC,U+200C-200E',
  },
  { weight: 400, subset: 'latin', range: 'U+0000-00FF,U+2000-206F,U+2212' },
  {
    weight: 700,
    subset: 'arabic',
    range: 'U+0600-06FF,U+0750-077F,U+FB50-FDFF,U+FE70-FEFC,U+200C-200E',
  },
  { weight: 700, subset: 'latin', range: 'U+0000-00FF,U+2000-206F,U+2212' },
];

/** A duration in seconds as people read it: "1 h 5 m", "٣ د ٢٠ ث". */
export function humanDuration(seconds: number | null, language: Language): string {
  if (seconds === null) return '—';
  const units =
    language === 'ar' ? { d: 'يوم', h: 'س', m: 'د', s: 'ث' } : { d: 'd', h: 'h', m: 'm', s: 's' };
  const parts: Array<[number, string]> = [
    [Math.floor(seconds / 86_400), units.d],
    [Math.floor((seconds % 86_400) / 3600), units.h],
    [Math.floor((seconds % 3600) / 60), units.m],
    [Math.round(seconds % 60), units.s],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  return shown.length ? shown.map(([n, u]) => `${n} ${u}`).join(' ') : `0 ${units.s}`;
}

/**
 * A report page as a PDF: the same view the screen and the CSV use, printed by Chromium with
 * the workspace's logo, period, filters, digits and a right-to-left layout in Arabic.
 */
@Injectable()
export class ReportPdfService {
  private fonts: Promise<ReportDocument['fonts']> | null = null;

  constructor(
    private readonly reports: ReportsService,
    private readonly printer: HtmlToPdf,
    private readonly settings: WorkspaceSettingsService,
    private readonly images: BrandImagesService,
  ) {}

  async pdf(
    principal: Principal,
    name: ReportName,
    query: ReportExportQueryDto,
  ): Promise<{ fileName: string; body: Buffer }> {
    const language = principal.language;
    const view = await this.reports[name](principal, query);
    const { timeZone } = await this.settings.get(principal);
    const tables = REPORT_TABLES[name].map((table) => {
      const built = reportTable(name, table as never, view as never, language, timeZone);
      return { title: TABLE_TITLES[table][language], rows: built.rows };
    });
    const body = await this.print(principal, {
      title: TITLES[name][language],
      period: view.period,
      filters: await this.reports.filterLabels(principal, query),
      summary: summaryOf(name, view, language),
      chart: chartOf(view, language),
      tables,
    });
    return { fileName: reportFileName(name, language, view.period, 'pdf'), body };
  }

  /**
   * Any report's page printed in the workspace's brand: its logo (handed to the printing
   * browser, never fetched), colour, digits and the member's language.
   */
  async print(principal: Principal, page: PrintedReport): Promise<Buffer> {
    const workspace = await this.settings.get(principal);
    const resources = new Map<string, PrintResource>();
    const logo = workspace.brand.logo;
    const logoPath = logo ? new URL(logo.url, 'http://print.invalid').pathname : null;
    if (logoPath) {
      const image = await this.images.open(logoPath.slice(logoPath.lastIndexOf('/') + 1));
      const chunks: Buffer[] = [];
      for await (const chunk of image.stream) chunks.push(chunk as Buffer);
      resources.set(logoPath, { contentType: image.contentType, body: Buffer.concat(chunks) });
    }
    const { period } = page;
    const html = reportDocumentHtml({
      language: principal.language,
      digits: workspace.digits,
      title: page.title,
      workspaceName: workspace.name,
      logoUrl: logoPath ? `http://print.invalid${logoPath}` : null,
      primaryColour: workspace.brand.colours.primary,
      period: `${period.fromDate} — ${period.toDate} (${period.timeZone})`,
      filters: page.filters,
      summary: page.summary,
      chart: page.chart,
      tables: page.tables,
      fonts: await this.loadFonts(),
    });
    return this.printer.print(html, resources);
  }

  private loadFonts(): Promise<ReportDocument['fonts']> {
    this.fonts ??= Promise.all(
      FONT_FILES.map(async (f) => ({
        weight: f.weight,
        unicodeRange: f.range,
        dataUrl: `data:font/woff2;base64,${(
          await readFile(
            join(FONT_DIR, `ibm-plex-sans-arabic-${f.subset}-${f.weight}-normal.woff2`),
          )
        ).toString('base64')}`,
      })),
    );
    return this.fonts;
  }
}

function summaryOf(
  name: ReportName,
  view: ReportViews[ReportName],
  language: Language,
): ReportDocument['summary'] {
  const ar = language === 'ar';
  const n = (label: [string, string], x: ReportNumberView) => ({
    label: ar ? label[0] : label[1],
    value: x.value === null ? '—' : String(x.value),
  });
  const dur = (label: [string, string], x: DurationStatsView) => ({
    label: ar ? label[0] : label[1],
    value: humanDuration(x.median, language),
  });
  switch (name) {
    case 'dashboard': {
      const v = view as ReportViews['dashboard'];
      return [
        n(['الجارية', 'Ongoing'], v.ongoing),
        n(['المُغلقة', 'Closed'], v.closed),
        n(['معدّل التقييم', 'Rating average'], v.ratingAverage),
        {
          label: ar ? 'سرعة الاستجابة' : 'Response speed',
          value: humanDuration(v.responseSpeed.value, language),
        },
      ];
    }
    case 'conversations': {
      const v = view as ReportViews['conversations'];
      return [
        n(['جديدة', 'New'], v.new),
        n(['المُغلقة', 'Closed'], v.closed),
        n(['أعيد فتحها', 'Reopened'], v.reopened),
        dur(['سرعة الاستجابة (الوسيط)', 'First response (median)'], v.firstResponse),
        dur(['وقت الرد (الوسيط)', 'Reply time (median)'], v.replyTime),
        dur(['وقت الحل (الوسيط)', 'Resolution (median)'], v.resolutionTime),
      ];
    }
    case 'agents': {
      const v = view as ReportViews['agents'];
      return [{ label: ar ? 'الموظفون' : 'Agents', value: String(v.agents.length) }];
    }
    case 'contacts': {
      const v = view as ReportViews['contacts'];
      return [
        { label: ar ? 'مسجّلون' : 'Registered', value: String(v.registered) },
        { label: ar ? 'غير مسجّلين' : 'Unregistered', value: String(v.unregistered) },
        n(['جهات اتصال جديدة', 'New people'], v.newPeople),
        n(['بدأوا محادثات', 'Started conversations'], v.startedConversations),
        n(['شركات جديدة', 'New companies'], v.newCompanies),
      ];
    }
    case 'satisfaction': {
      const v = view as ReportViews['satisfaction'];
      return [
        { label: ar ? 'التقييمات' : 'Ratings', value: String(v.summary.count) },
        {
          label: ar ? 'معدّل التقييم' : 'Average',
          value: v.summary.average === null ? '—' : v.summary.average.toFixed(2),
        },
      ];
    }
  }
}

function chartOf(view: ReportViews[ReportName], language: Language): ReportDocument['chart'] {
  if (!('series' in view) || !Array.isArray(view.series) || view.series.length === 0) return null;
  const first = view.series[0] as object;
  if (!('new' in first)) return null;
  const series = view.series as Array<{ new: number; closed: number }>;
  return {
    title: language === 'ar' ? 'المحادثات على مدى الفترة' : 'Conversations over the period',
    legend: language === 'ar' ? ['جديدة', 'مغلقة'] : ['New', 'Closed'],
    points: series.map((p) => [p.new, p.closed]),
  };
}
