import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChangeRoleDto, MembersService, type Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { ListView, UserView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { MailboxAccessDto, MailboxesService } from '@sanad/conversations';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

/** Malformed ids answer like unknown ones: 404, never a database error. */
export const memberId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('user/not_found'),
});

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly mailboxes: MailboxesService,
  ) {}

  @WholeList('the members of one workspace.')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<UserView>> {
    return { items: await this.members.list(principal) };
  }

  @ApiErrors('user/cannot_change_self', 'user/owner_protected')
  @Roles('owner', 'admin')
  @Patch(':id')
  changeRole(
    @CurrentPrincipal() principal: Principal,
    @Param('id', memberId) id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<UserView> {
    return this.members.changeRole(principal, id, dto.role);
  }

  @Roles('owner', 'admin')
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', memberId) id: string,
  ): Promise<UserView> {
    return this.members.deactivate(principal, id);
  }

  @Roles('owner', 'admin')
  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', memberId) id: string,
  ): Promise<UserView> {
    return this.members.reactivate(principal, id);
  }

  /** Limits an agent to chosen mailboxes: lists, counts, search, reads and sockets follow it. */
  @Roles('owner', 'admin')
  @Put(':id/mailboxes')
  setMailboxes(
    @CurrentPrincipal() principal: Principal,
    @Param('id', memberId) id: string,
    @Body() dto: MailboxAccessDto,
  ): Promise<UserView> {
    return this.mailboxes.setMemberAccess(principal, id, dto.mailboxIds);
  }
}
