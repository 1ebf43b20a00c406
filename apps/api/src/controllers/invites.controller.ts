import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CreateInviteDto, InvitesService, type Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { CreatedInviteView, InviteView, ListView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const inviteId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('invite/not_found') });

@ApiTags('invites')
@Roles('owner', 'admin')
@Controller('invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @WholeList('the workspace’s invites, each sent by an admin by hand.')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<InviteView>> {
    return { items: await this.invites.list(principal) };
  }

  @ApiErrors('user/email_taken')
  @Idempotent({ secret: true })
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateInviteDto,
  ): Promise<CreatedInviteView> {
    return this.invites.create(principal, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', inviteId) id: string,
  ): Promise<void> {
    return this.invites.revoke(principal, id);
  }
}
