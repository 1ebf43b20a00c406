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
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import {
  CreatePersonDto,
  LinkCompanyDto,
  ListPeopleDto,
  PeopleService,
  UpdatePersonDto,
} from '@sanad/contacts';
import type {
  ContactActivityView,
  ConversationView,
  ListView,
  PageView,
  PersonView,
} from '@sanad/contracts';
import { InboxService } from '@sanad/conversations';
import { DomainError } from '@sanad/core';
import { idempotencyKey } from '../http/idempotency-key';

const personId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('contact/not_found'),
});

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly inbox: InboxService,
  ) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListPeopleDto,
  ): Promise<PageView<PersonView>> {
    return this.people.list(principal, query);
  }

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreatePersonDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<PersonView> {
    return this.people.create(principal, dto, idempotencyKey(key));
  }

  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
  ): Promise<PersonView> {
    return this.people.get(principal, id);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
    @Body() dto: UpdatePersonDto,
  ): Promise<PersonView> {
    return this.people.update(principal, id, dto);
  }

  @Post(':id/company')
  @HttpCode(200)
  setCompany(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
    @Body() dto: LinkCompanyDto,
  ): Promise<PersonView> {
    return this.people.setCompany(principal, id, dto.companyId ?? null);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
  ): Promise<void> {
    return this.people.remove(principal, id);
  }

  @Get(':id/activities')
  async activities(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
  ): Promise<ListView<ContactActivityView>> {
    return { items: await this.people.timeline(principal, id) };
  }

  /** The person's conversations the caller may see, newest first. */
  @Get(':id/conversations')
  async conversations(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
  ): Promise<PageView<ConversationView>> {
    await this.people.get(principal, id);
    return this.inbox.list(principal, { contactId: id, limit: 50 });
  }
}
