import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiParam, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type {
  AgentsReportView,
  ContactsReportView,
  ConversationsReportView,
  DashboardView,
  NpsReportView,
  SatisfactionReportView,
} from '@sanad/contracts';
import { contentDisposition, DomainError } from '@sanad/core';
import {
  NpsReportQueryDto,
  NpsReportService,
  REPORT_NAMES,
  ReportExportQueryDto,
  ReportPdfService,
  ReportQueryDto,
  ReportsService,
  SatisfactionQueryDto,
  type ReportName,
} from '@sanad/reports';
import type { Response } from 'express';
import { sendCsv } from '../http/send-csv';
import { ApiErrors } from '../openapi/api-errors.decorator';

/** A printed report as a download, never cached or sniffed. */
function sendPdf(response: Response, pdf: { fileName: string; body: Buffer }): void {
  response.setHeader('Content-Type', 'application/pdf');
  response.setHeader('Content-Disposition', contentDisposition('attachment', pdf.fileName));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-store');
  response.end(pdf.body);
}

/** Which table of the NPS report a CSV export holds. */
class NpsExportQueryDto extends NpsReportQueryDto {
  @ApiPropertyOptional({ description: 'series (default) or surveys' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  table?: string;
}

/**
 * The dashboard and the reports (التقارير), with the same period and filters on each. Agents get
 * their own numbers; the agents and contacts reports are for admins.
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly pdfs: ReportPdfService,
    private readonly nps: NpsReportService,
  ) {}

  @Get('dashboard')
  dashboard(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
  ): Promise<DashboardView> {
    return this.reports.dashboard(principal, query);
  }

  @Get('conversations')
  conversations(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
  ): Promise<ConversationsReportView> {
    return this.reports.conversations(principal, query);
  }

  @ApiErrors('auth/forbidden')
  @Get('agents')
  agents(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
  ): Promise<AgentsReportView> {
    return this.reports.agents(principal, query);
  }

  @ApiErrors('auth/forbidden')
  @Get('contacts')
  contacts(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReportQueryDto,
  ): Promise<ContactsReportView> {
    return this.reports.contacts(principal, query);
  }

  /** NPS over time (owners and admins): responses by response time, in the workspace's zone. */
  @ApiErrors('auth/forbidden')
  @Roles('owner', 'admin')
  @Get('nps')
  npsReport(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NpsReportQueryDto,
  ): Promise<NpsReportView> {
    return this.nps.report(principal, query);
  }

  /** Declared before `:report/export.csv`, which would otherwise take it. */
  @ApiErrors('auth/forbidden')
  @Roles('owner', 'admin')
  @ApiProduces('text/csv')
  @Get('nps/export.csv')
  async npsCsv(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NpsExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(response, await this.nps.exportCsv(principal, query));
  }

  /** The NPS report as a PDF (declared before `:report/export.pdf`, which would take it). */
  @ApiErrors('auth/forbidden', 'reports/pdf_unavailable')
  @Roles('owner', 'admin')
  @ApiProduces('application/pdf')
  @Get('nps/export.pdf')
  async npsPdf(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NpsReportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    sendPdf(response, await this.nps.exportPdf(principal, query));
  }

  /** One table of a report as CSV (UTF-8 with a BOM, cells a spreadsheet cannot run). */
  @ApiErrors('request/not_found', 'auth/forbidden')
  @ApiParam({ name: 'report', enum: REPORT_NAMES })
  @ApiProduces('text/csv')
  @Get(':report/export.csv')
  async exportCsv(
    @CurrentPrincipal() principal: Principal,
    @Param('report') report: string,
    @Query() query: ReportExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    if (!REPORT_NAMES.includes(report as ReportName)) throw new DomainError('request/not_found');
    await sendCsv(response, await this.reports.exportTable(principal, report as ReportName, query));
  }

  /** A report page as a PDF (Arabic shaped, right to left, with the logo, period and filters). */
  @ApiErrors('request/not_found', 'auth/forbidden', 'reports/pdf_unavailable')
  @ApiParam({ name: 'report', enum: REPORT_NAMES })
  @ApiProduces('application/pdf')
  @Get(':report/export.pdf')
  async exportPdf(
    @CurrentPrincipal() principal: Principal,
    @Param('report') report: string,
    @Query() query: ReportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    if (!REPORT_NAMES.includes(report as ReportName)) throw new DomainError('request/not_found');
    sendPdf(response, await this.pdfs.pdf(principal, report as ReportName, query));
  }

  @Get('satisfaction')
  satisfaction(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SatisfactionQueryDto,
  ): Promise<SatisfactionReportView> {
    return this.reports.satisfaction(principal, query);
  }
}
