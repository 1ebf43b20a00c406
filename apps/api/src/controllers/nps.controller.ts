import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type {
  NpsPreviewView,
  NpsResponseView,
  NpsSettingsView,
  NpsSurveyDetailView,
  NpsSurveyView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import {
  CreateNpsSurveyDto,
  NpsPageQueryDto,
  NpsPreviewDto,
  NpsResponsesQueryDto,
  NpsResponsesService,
  NpsSegmentService,
  NpsSettingsService,
  NpsSurveysService,
  UpdateNpsSettingsDto,
} from '@sanad/satisfaction';
import type { Response } from 'express';
import { sendCsv } from '../http/send-csv';
import { ApiErrors } from '../openapi/api-errors.decorator';

const surveyId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('request/not_found'),
});

/** NPS (صافي نقاط الترويج) for owners and admins: settings, surveys and their responses. */
@ApiTags('nps')
@Roles('owner', 'admin')
@Controller('nps')
export class NpsController {
  constructor(
    private readonly settings: NpsSettingsService,
    private readonly segments: NpsSegmentService,
    private readonly surveys: NpsSurveysService,
    private readonly responses: NpsResponsesService,
  ) {}

  @Get('settings')
  getSettings(@CurrentPrincipal() principal: Principal): Promise<NpsSettingsView> {
    return this.settings.get(principal.workspaceId);
  }

  @Put('settings')
  updateSettings(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdateNpsSettingsDto,
  ): Promise<NpsSettingsView> {
    return this.settings.update(principal, dto);
  }

  /** Who a segment reaches: matched, eligible, and why the others would not get it. */
  @Post('surveys/preview')
  @HttpCode(200)
  preview(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: NpsPreviewDto,
  ): Promise<NpsPreviewView> {
    return this.segments.preview(principal.workspaceId, dto.segment);
  }

  @ApiErrors('nps/no_recipients')
  @Idempotent()
  @Post('surveys')
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateNpsSurveyDto,
  ): Promise<NpsSurveyView> {
    return this.surveys.create(principal, dto);
  }

  @Get('surveys')
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: NpsPageQueryDto,
  ): Promise<{ items: NpsSurveyView[]; nextCursor: string | null }> {
    return this.surveys.list(principal.workspaceId, query);
  }

  @Get('surveys/:id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', surveyId) id: string,
  ): Promise<NpsSurveyDetailView> {
    return this.surveys.detail(principal.workspaceId, id);
  }

  @Post('surveys/:id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', surveyId) id: string,
  ): Promise<NpsSurveyView> {
    return this.surveys.cancel(principal, id);
  }

  @Get('surveys/:id/responses')
  responsesOf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', surveyId) id: string,
    @Query() query: NpsResponsesQueryDto,
  ): Promise<{ items: NpsResponseView[]; nextCursor: string | null }> {
    return this.responses.list(principal.workspaceId, id, query);
  }

  /** The survey's responses as CSV (UTF-8 with a BOM, cells a spreadsheet cannot run). */
  @ApiProduces('text/csv')
  @Get('surveys/:id/responses/export.csv')
  async exportResponses(
    @CurrentPrincipal() principal: Principal,
    @Param('id', surveyId) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(
      response,
      await this.responses.exportCsv(principal.workspaceId, id, principal.language),
    );
  }
}
