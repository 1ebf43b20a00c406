import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import { ContactExportService, ExportCompaniesDto, ExportPeopleDto } from '@sanad/contacts';
import type { Response } from 'express';
import { sendCsv } from '../http/send-csv';

/**
 * CSV exports of the people and companies lists. Registered before the people's and companies'
 * controllers: /people/export.csv is not /people/:id.
 */
@ApiTags('people')
@Controller()
export class ContactExportController {
  constructor(private readonly exports: ContactExportService) {}

  @Get('people/export.csv')
  @ApiProduces('text/csv')
  async people(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportPeopleDto,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(response, await this.exports.people(principal, query));
  }

  @Get('companies/export.csv')
  @ApiProduces('text/csv')
  async companies(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportCompaniesDto,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(response, await this.exports.companies(principal, query));
  }
}
