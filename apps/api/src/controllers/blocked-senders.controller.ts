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
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { BlockedSenderView, ListView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import { BlockSenderDto, BlockedSendersService } from '@sanad/mail';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const blockedId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('email/blocked_sender_not_found'),
});

/** Senders whose mail goes straight to المزعج. Any member blocks; admins review and unblock. */
@ApiTags('emails')
@Controller('blocked-senders')
export class BlockedSendersController {
  constructor(private readonly blocked: BlockedSendersService) {}

  @WholeList('senders blocked by members one at a time.')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<BlockedSenderView>> {
    return { items: await this.blocked.list(principal.workspaceId) };
  }

  @ApiErrors('email/blocked_sender_exists')
  @Idempotent()
  @Post()
  block(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: BlockSenderDto,
  ): Promise<BlockedSenderView> {
    return this.blocked.block(principal, dto.pattern);
  }

  @Roles('owner', 'admin')
  @Delete(':id')
  @HttpCode(204)
  async unblock(
    @CurrentPrincipal() principal: Principal,
    @Param('id', blockedId) id: string,
  ): Promise<void> {
    await this.blocked.unblock(principal.workspaceId, id);
  }
}
