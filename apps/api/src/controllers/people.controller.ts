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
  Res,
} from '@nestjs/common';
import { ApiProduces, ApiTags, PickType } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import {
  CreatePersonDto,
  ErasePersonDto,
  LinkCompanyDto,
  ListPeopleDto,
  PeopleService,
  PersonalDataService,
  UpdatePersonDto,
} from '@sanad/contacts';
import type {
  ContactActivityView,
  ContactErasureView,
  ConversationView,
  ListView,
  PageView,
  PersonView,
} from '@sanad/contracts';
import { InboxService, ListConversationsDto } from '@sanad/conversations';
import { contentDisposition, DomainError } from '@sanad/core';
import { Idempotent, idempotencyKey } from '@sanad/idempotency';
import type { Response } from 'express';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

/** A page of a person's conversations: the inbox list's cursor and size. */
class ConversationsPageDto extends PickType(ListConversationsDto, ['cursor', 'limit'] as const) {}

const personId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('contact/not_found'),
});

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly inbox: InboxService,
    private readonly personalData: PersonalDataService,
  ) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListPeopleDto,
  ): Promise<PageView<PersonView>> {
    return this.people.list(principal, query);
  }

  @Post()
  @Idempotent({ by: 'service' })
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

  @WholeList('the newest 200 entries of the person’s timeline.')
  @Get(':id/activities')
  async activities(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
  ): Promise<ListView<ContactActivityView>> {
    return { items: await this.people.timeline(principal, id) };
  }

  /** The person's conversations the caller may see, newest first (50 a page unless told). */
  @Get(':id/conversations')
  async conversations(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
    @Query() page: ConversationsPageDto,
  ): Promise<PageView<ConversationView>> {
    await this.people.get(principal, id);
    return this.inbox.list(principal, {
      contactId: id,
      cursor: page.cursor,
      limit: page.limit ?? 50,
    });
  }

  /** Everything about the person as a ZIP (profile, conversations, attachments); admins only. */
  @Get(':id/personal-data')
  @Roles('owner', 'admin')
  @ApiProduces('application/zip')
  async exportPersonalData(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const zip = await this.personalData.archive(principal, id);
    response.setHeader('Content-Type', 'application/zip');
    response.setHeader('Content-Disposition', contentDisposition('attachment', zip.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    // A ZIP cut short must not end like a complete one: the connection is dropped instead.
    zip.data.on('error', () => response.destroy());
    zip.data.pipe(response);
  }

  /** Erases the person (delete or redact) in a background job; admins only. */
  @ApiErrors('contact/erasure_in_progress')
  @Idempotent()
  @Post(':id/erase')
  @HttpCode(202)
  @Roles('owner', 'admin')
  erase(
    @CurrentPrincipal() principal: Principal,
    @Param('id', personId) id: string,
    @Body() dto: ErasePersonDto,
  ): Promise<ContactErasureView> {
    return this.personalData.requestErasure(principal, id, dto.mode);
  }
}
