import {
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, RequestHandler, Response } from 'express';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import type { AttachmentView } from '@sanad/contracts';
import { AttachmentsService } from '@sanad/conversations';
import { DomainError } from '@sanad/core';
import { fileUploadHandler, receiveFile } from '../http/file-upload';
import { sendDownload } from '../http/send-download';

const attachmentId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('attachment/not_found'),
});

/** Upload a file, then send its id with a reply or note; downloads check mailbox access. */
@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  private readonly upload: RequestHandler;

  constructor(
    private readonly attachments: AttachmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.upload = fileUploadHandler(config.maxAttachmentMb);
  }

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttachmentView> {
    const file = await receiveFile(this.upload, this.config.maxAttachmentMb, request, response);
    return this.attachments.upload(principal, file);
  }

  @Get(':id')
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('id', attachmentId) id: string,
    @Query('inline') inline: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const { attachment, data } = await this.attachments.open(principal, id);
    sendDownload(response, { ...attachment, data }, inline === '1');
  }
}
