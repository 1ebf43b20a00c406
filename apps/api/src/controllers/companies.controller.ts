import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import {
  CompaniesService,
  CreateCompanyDto,
  ListCompaniesDto,
  ListPeopleDto,
  PeopleService,
  UpdateCompanyDto,
} from '@sanad/contacts';
import type {
  CompanyView,
  ContactActivityView,
  ListView,
  PageView,
  PersonView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent, idempotencyKey } from '@sanad/idempotency';
import { WholeList } from '../openapi/api-errors.decorator';

const companyId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('company/not_found'),
});

@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly people: PeopleService,
  ) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListCompaniesDto,
  ): Promise<PageView<CompanyView>> {
    return this.companies.list(principal, query);
  }

  @Post()
  @Idempotent({ by: 'service' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateCompanyDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<CompanyView> {
    return this.companies.create(principal, dto, idempotencyKey(key));
  }

  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', companyId) id: string,
  ): Promise<CompanyView> {
    return this.companies.get(principal, id);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', companyId) id: string,
    @Body() dto: UpdateCompanyDto,
  ): Promise<CompanyView> {
    return this.companies.update(principal, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', companyId) id: string,
  ): Promise<void> {
    return this.companies.remove(principal, id);
  }

  @Get(':id/people')
  async members(
    @CurrentPrincipal() principal: Principal,
    @Param('id', companyId) id: string,
    @Query() query: ListPeopleDto,
  ): Promise<PageView<PersonView>> {
    await this.companies.get(principal, id);
    return this.people.list(principal, { ...query, companyId: id });
  }

  @WholeList('the newest 200 entries of the company’s timeline.')
  @Get(':id/activities')
  async activities(
    @CurrentPrincipal() principal: Principal,
    @Param('id', companyId) id: string,
  ): Promise<ListView<ContactActivityView>> {
    return { items: await this.companies.timeline(principal, id) };
  }
}
