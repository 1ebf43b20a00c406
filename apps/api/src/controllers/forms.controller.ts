import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type {
  FormSummaryView,
  FormVersionSummary,
  FormVersionView,
  FormView,
  ListView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { CreateFormDto, FormsService, PublishFormDto, UpdateFormDto } from '@sanad/forms';
import { Idempotent } from '@sanad/idempotency';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const formId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('form/not_found') });
const versionNumber = new ParseIntPipe({
  exceptionFactory: () => new DomainError('form/version_not_found'),
});

/** Forms (النماذج): everyone sees them; owners and admins build, publish and restore them. */
@ApiTags('forms')
@Controller('forms')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @WholeList('at most 200 forms per workspace.')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<FormSummaryView>> {
    return { items: await this.forms.list(principal) };
  }

  @Roles('owner', 'admin')
  @ApiErrors('form/limit')
  @Idempotent()
  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateFormDto): Promise<FormView> {
    return this.forms.create(principal, dto);
  }

  @ApiErrors('form/not_found')
  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', formId) id: string,
  ): Promise<FormView> {
    return this.forms.get(principal, id);
  }

  @Roles('owner', 'admin')
  @ApiErrors('form/not_found')
  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', formId) id: string,
    @Body() dto: UpdateFormDto,
  ): Promise<FormView> {
    return this.forms.update(principal, id, dto);
  }

  @Roles('owner', 'admin')
  @ApiErrors('form/not_found', 'form/nothing_to_publish')
  @Post(':id/publish')
  @HttpCode(200)
  publish(
    @CurrentPrincipal() principal: Principal,
    @Param('id', formId) id: string,
    @Body() dto: PublishFormDto,
  ): Promise<FormView> {
    return this.forms.publish(principal, id, dto);
  }

  @WholeList('the versions of one form, each published by an admin by hand.')
  @ApiErrors('form/not_found')
  @Get(':id/versions')
  async versions(
    @CurrentPrincipal() principal: Principal,
    @Param('id', formId) id: string,
  ): Promise<ListView<FormVersionSummary>> {
    return { items: await this.forms.versions(principal, id) };
  }

  @ApiErrors('form/version_not_found')
  @Get(':id/versions/:number')
  version(
    @CurrentPrincipal() principal: Principal,
    @Param('id', formId) id: string,
    @Param('number', versionNumber) number: number,
  ): Promise<FormVersionView> {
    return this.forms.version(principal, id, number);
  }

  /** The version back in the draft; publishing the draft then rolls the form back. */
  @Roles('owner', 'admin')
  @ApiErrors('form/not_found', 'form/version_not_found')
  @Post(':id/versions/:number/restore')
  @HttpCode(200)
  restore(
    @CurrentPrincipal() principal: Principal,
    @Param('id', formId) id: string,
    @Param('number', versionNumber) number: number,
  ): Promise<FormView> {
    return this.forms.restore(principal, id, number);
  }

  @Roles('owner', 'admin')
  @ApiErrors('form/not_found')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentPrincipal() principal: Principal, @Param('id', formId) id: string): Promise<void> {
    return this.forms.remove(principal, id);
  }
}
