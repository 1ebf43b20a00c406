import { Module } from '@nestjs/common';
import { AccountsModule } from '@sanad/accounts';
import { BrandingModule } from '@sanad/branding';
import { ContactsModule } from '@sanad/contacts';
import { ConversationsModule } from '@sanad/conversations';
import { SatisfactionModule, SatisfactionReports } from '@sanad/satisfaction';
import { ReportFactsConsumer } from './facts/report-facts.consumer';
import { ReportFactsRefresher } from './facts/report-facts.refresher';
import { ReportFactsRepository } from './facts/report-facts.repository';
import { ReportFactsService } from './facts/report-facts.service';
import { ReportsLive } from './live/reports-live';
import { ReportDurationsRepository } from './metrics/report-durations.repository';
import { ReportMetricsRepository } from './metrics/report-metrics.repository';
import { ReportRatings } from './ratings/report-ratings';
import { HtmlToPdf } from './pdf/html-to-pdf.service';
import { ReportPdfService } from './pdf/report-pdf.service';
import { ReportsService } from './reports.service';
import { NpsReportService } from './nps/nps-report.service';

/**
 * Reports and the dashboard: facts derived from conversations' timelines by an outbox consumer,
 * added up in SQL in the workspace's time zone; ratings asked of satisfaction.
 */
@Module({
  imports: [
    AccountsModule,
    BrandingModule,
    ContactsModule,
    ConversationsModule,
    SatisfactionModule,
  ],
  providers: [
    ReportFactsRepository,
    ReportFactsService,
    ReportFactsConsumer,
    ReportFactsRefresher,
    ReportsLive,
    ReportMetricsRepository,
    ReportDurationsRepository,
    ReportsService,
    HtmlToPdf,
    ReportPdfService,
    NpsReportService,
    // Ratings are satisfaction's: reports ask it through this port.
    { provide: ReportRatings, useExisting: SatisfactionReports },
  ],
  exports: [
    ReportsService,
    ReportFactsService,
    ReportFactsRefresher,
    ReportPdfService,
    HtmlToPdf,
    NpsReportService,
  ],
})
export class ReportsModule {}
