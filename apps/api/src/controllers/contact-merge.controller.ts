import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import {
  CompanyMergeService,
  DuplicatesQueryDto,
  DuplicatesService,
  MergeDto,
  MergePreviewQueryDto,
  PersonMergeService,
} from '@sanad/contacts';
import type {
  CompanyMergePreviewView,
  CompanyView,
  DuplicatePairView,
  PageView,
  PersonMergePreviewView,
  PersonView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { WholeList } from '../openapi/api-errors.decorator';

const personId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('contact/not_found'),
});
const companyId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('company/not_found'),
});

/**
 * Merging people and companies, and suggested duplicates. Registered before the people's
 * controller: `/people/duplicates` must not be taken for `/people/:id`.
 */
@ApiTags('contacts')
@Controller()
export class ContactMergeController {
  constructor(
    private readonly people: PersonMergeService,
    private readonly companies: CompanyMergeService,
    private readonly duplicates: DuplicatesService,
  ) {}

  @Get('people/duplicates')
  listDuplicates(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DuplicatesQueryDto,
  ): Promise<PageView<DuplicatePairView>> {
    return this.duplicates.list(principal, query);
  }

  @WholeList('the few people who share an email, phone or name with this one.')
  @Get('people/:id/duplicates')
  duplicatesOf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
  ): Promise<{ items: DuplicatePairView[] }> {
    return this.duplicates.of(principal, id);
  }

  @Get('people/:id/merge-preview')
  previewPerson(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
    @Query() query: MergePreviewQueryDto,
  ): Promise<PersonMergePreviewView> {
    return this.people.preview(principal, id, query.sourceId);
  }

  @Post('people/:id/merge')
  @HttpCode(200)
  mergePerson(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
    @Body() dto: MergeDto,
  ): Promise<PersonView> {
    return this.people.merge(principal, id, dto);
  }

  @Get('companies/:id/merge-preview')
  previewCompany(
    @CurrentPrincipal() principal: Principal,
    @Param('id', companyId) id: string,
    @Query() query: MergePreviewQueryDto,
  ): Promise<CompanyMergePreviewView> {
    return this.companies.preview(principal, id, query.sourceId);
  }

  @Post('companies/:id/merge')
  @HttpCode(200)
  mergeCompany(
    @CurrentPrincipal() principal: Principal,
    @Param('id', companyId) id: string,
    @Body() dto: MergeDto,
  ): Promise<CompanyView> {
    return this.companies.merge(principal, id, dto);
  }
}
