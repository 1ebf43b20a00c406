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
import { Idempotent, IdempotentRequests, REPLAYED_HEADER } from '@sanad/idempotency';
import { createHash } from 'node:crypto';
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
    private readonly idempotent: IdempotentRequests,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.upload = fileUploadHandler(config.maxAttachmentMb);
  }

  @Idempotent({ by: 'handler' })
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
    // The key is taken only now: the file (its name, type and digest) is what identifies the
    // request, and the interceptor runs before it is read.
    const call = this.idempotent.callFor(request, principal, 201, {
      fileName: file.fileName,
      contentType: file.contentType,
      sha256: createHash('sha256').update(file.data).digest('hex'),
    });
    if (!call) return this.attachments.upload(principal, file);
    const outcome = await this.idempotent.run(call, () => this.attachments.upload(principal, file));
    if (outcome.replayed) response.setHeader(REPLAYED_HEADER, 'true');
    return outcome.body;
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
