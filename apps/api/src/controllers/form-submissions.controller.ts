import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import type { PageView, SubmissionSummaryView, SubmissionView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { ListSubmissionsDto, SubmissionsService, UpdateSubmissionDto } from '@sanad/forms';
import type { Response } from 'express';
import { sendCsv } from '../http/send-csv';
import { sendDownload } from '../http/send-download';
import { ApiErrors } from '../openapi/api-errors.decorator';

const submissionId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('submission/not_found'),
});
const fileId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('submission/file_not_found'),
});

/** Submissions (استلامات) for every member: list, open, correct, archive, release spam, export. */
@ApiTags('forms')
@Controller('form-submissions')
export class FormSubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListSubmissionsDto,
  ): Promise<PageView<SubmissionSummaryView>> {
    return this.submissions.list(principal, query);
  }

  /** One form's submissions with the list's filters (formId required). */
  @ApiErrors('form/not_found')
  @Get('export.csv')
  @ApiProduces('text/csv')
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListSubmissionsDto,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(response, await this.submissions.export(principal, query));
  }

  @ApiErrors('submission/not_found')
  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', submissionId) id: string,
  ): Promise<SubmissionView> {
    return this.submissions.get(principal, id);
  }

  @ApiErrors('submission/not_found')
  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', submissionId) id: string,
    @Body() dto: UpdateSubmissionDto,
  ): Promise<SubmissionView> {
    return this.submissions.update(principal, id, dto);
  }

  @ApiErrors('submission/file_not_found')
  @Get(':id/files/:fileId')
  async file(
    @CurrentPrincipal() principal: Principal,
    @Param('id', submissionId) id: string,
    @Param('fileId', fileId) file: string,
    @Res() response: Response,
  ): Promise<void> {
    const download = await this.submissions.file(principal, id, file);
    sendDownload(response, { ...download, data: download.stream }, false);
  }
}
