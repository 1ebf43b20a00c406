import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import type {
  AgentsReportView,
  ContactsReportView,
  ConversationsReportView,
  DashboardView,
  SatisfactionReportView,
} from '@sanad/contracts';
import { ReportQueryDto, ReportsService, SatisfactionQueryDto } from '@sanad/reports';
import { ApiErrors } from '../openapi/api-errors.decorator';

/**
 * The dashboard and the reports (التقارير), with the same period and filters on each. Agents get
 * their own numbers; the agents and contacts reports are for admins.
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

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

  @Get('satisfaction')
  satisfaction(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SatisfactionQueryDto,
  ): Promise<SatisfactionReportView> {
    return this.reports.satisfaction(principal, query);
  }
}
