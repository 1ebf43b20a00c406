import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import { DomainError } from '@sanad/core';
import { InboundEmailsService } from '@sanad/mail';
import { sendDownload } from '../http/send-download';

const emailId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('email/not_found') });

@ApiTags('emails')
@Controller('inbound-emails')
export class InboundEmailsController {
  constructor(private readonly emails: InboundEmailsService) {}

  /** The message exactly as it arrived (also for mail Sanad could not read). */
  @Get(':id/raw')
  async raw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', emailId) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { fileName, data } = await this.emails.raw(principal, id);
    sendDownload(
      response,
      { fileName, contentType: 'message/rfc822', size: data.length, data: Readable.from([data]) },
      false,
    );
  }
}
