import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { ListView, MailboxView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import { CreateMailboxDto, MailboxesService, UpdateMailboxDto } from '@sanad/conversations';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const mailboxId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('mailbox/not_found'),
});

@ApiTags('mailboxes')
@Controller('mailboxes')
export class MailboxesController {
  constructor(private readonly mailboxes: MailboxesService) {}

  @WholeList('the mailboxes of one workspace (a handful).')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<MailboxView>> {
    return { items: await this.mailboxes.list(principal) };
  }

  @Roles('owner', 'admin')
  @ApiErrors('mailbox/slug_taken')
  @Idempotent()
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateMailboxDto,
  ): Promise<MailboxView> {
    return this.mailboxes.create(principal.workspaceId, dto);
  }

  @Roles('owner', 'admin')
  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', mailboxId) id: string,
    @Body() dto: UpdateMailboxDto,
  ): Promise<MailboxView> {
    return this.mailboxes.update(principal.workspaceId, id, dto);
  }
}
