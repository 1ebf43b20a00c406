import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import {
  ContactExportService,
  ExportCompaniesDto,
  ExportPeopleDto,
  type CsvExport,
} from '@sanad/contacts';
import { contentDisposition } from '@sanad/core';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * CSV exports of the people and companies lists. Registered before the people's and companies'
 * controllers: /people/export.csv is not /people/:id.
 */
@ApiTags('people')
@Controller()
export class ContactExportController {
  private readonly logger = new Logger('ContactExport');

  constructor(private readonly exports: ContactExportService) {}

  @Get('people/export.csv')
  @ApiProduces('text/csv')
  async people(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportPeopleDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(response, await this.exports.people(principal, query));
  }

  @Get('companies/export.csv')
  @ApiProduces('text/csv')
  async companies(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportCompaniesDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(response, await this.exports.companies(principal, query));
  }

  /**
   * Streams the rows with backpressure (a slow client slows the reads, memory stays flat). The
   * BOM makes Excel read UTF-8 (Arabic). A failure after the first byte cuts the connection:
   * a truncated file must not look like a finished one.
   */
  private async send(response: Response, file: CsvExport): Promise<void> {
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', contentDisposition('attachment', file.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    try {
      await pipeline(
        Readable.from(file.rows),
        stringify({ bom: true, record_delimiter: 'windows' }),
        response,
      );
    } catch (error) {
      this.logger.warn(`export stopped: ${(error as Error).message}`);
      response.destroy();
    }
  }
}
