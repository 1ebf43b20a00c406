import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import type { MailboxEmailSettingsView, TestEmailResultView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import {
  AddressDto,
  EmailSettingsService,
  TestEmailDto,
  UpdateEmailSettingsDto,
} from '@sanad/mail';
import { ApiErrors } from '../openapi/api-errors.decorator';

const mailboxId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('mailbox/not_found'),
});

/** A mailbox's email setup: addresses, outgoing server, sender, auto-acknowledgement (admins). */
@ApiTags('mailboxes')
@Roles('owner', 'admin')
@Controller('mailboxes/:id/email')
export class MailboxEmailController {
  constructor(private readonly settings: EmailSettingsService) {}

  @Get()
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', mailboxId) id: string,
  ): Promise<MailboxEmailSettingsView> {
    return this.settings.get(principal.workspaceId, id);
  }

  @Patch()
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', mailboxId) id: string,
    @Body() dto: UpdateEmailSettingsDto,
  ): Promise<MailboxEmailSettingsView> {
    return this.settings.update(principal.workspaceId, id, dto);
  }

  @ApiErrors('email/address_taken')
  @Idempotent()
  @Post('addresses')
  addAddress(
    @CurrentPrincipal() principal: Principal,
    @Param('id', mailboxId) id: string,
    @Body() dto: AddressDto,
  ): Promise<MailboxEmailSettingsView> {
    return this.settings.addAddress(principal.workspaceId, id, dto);
  }

  @Delete('addresses/:address')
  removeAddress(
    @CurrentPrincipal() principal: Principal,
    @Param('id', mailboxId) id: string,
    @Param('address') address: string,
  ): Promise<MailboxEmailSettingsView> {
    return this.settings.removeAddress(principal.workspaceId, id, address);
  }

  /** Sends a test email through the saved outgoing settings now; 422 with the server's reason. */
  @ApiErrors('email/test_failed', 'email/no_outgoing_server')
  @Post('test')
  @HttpCode(200)
  test(
    @CurrentPrincipal() principal: Principal,
    @Param('id', mailboxId) id: string,
    @Body() dto: TestEmailDto,
  ): Promise<TestEmailResultView> {
    return this.settings.sendTest(principal.workspaceId, id, dto.to);
  }
}
