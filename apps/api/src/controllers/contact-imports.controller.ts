import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request, RequestHandler, Response } from 'express';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import {
  ConfigureImportDto,
  ContactImportsService,
  ImportRejectsQueryDto,
  UploadImportFieldsDto,
} from '@sanad/contacts';
import type {
  ContactImportListView,
  ContactImportView,
  ImportRejectView,
  PageView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent, idempotencyKey } from '@sanad/idempotency';
import { fileUploadHandler, receiveFile } from '../http/file-upload';
import { sendCsv } from '../http/send-csv';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const importId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('contact_import/not_found'),
});

/** The people import wizard (admins): upload, map, check, import, cancel, rejected rows. */
@ApiTags('contact-imports')
@Controller('contact-imports')
@Roles('owner', 'admin')
export class ContactImportsController {
  private readonly upload: RequestHandler;

  constructor(
    private readonly imports: ContactImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.upload = fileUploadHandler(config.contactImportMaxMb);
  }

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        encoding: { type: 'string', enum: ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256'] },
        delimiter: { type: 'string', enum: [',', ';', '\t'] },
      },
    },
  })
  @Idempotent({ by: 'service' })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') key?: string,
  ): Promise<ContactImportView> {
    const limit = this.config.contactImportMaxMb;
    const file = await receiveFile(this.upload, limit, request, response, {
      tooLarge: 'contact_import/too_large',
      missing: 'contact_import/missing_file',
    });
    const fields = plainToInstance(UploadImportFieldsDto, request.body ?? {});
    const errors = validateSync(fields, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0)
      throw new DomainError(
        'request/validation',
        {},
        errors.map((e) => ({ field: e.property, code: 'isIn', params: { allowed: '' } })),
      );
    return this.imports.upload(
      principal,
      { fileName: file.fileName, data: file.data, ...fields },
      idempotencyKey(key),
    );
  }

  @WholeList('the 50 newest imports.')
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ContactImportListView> {
    return { ...(await this.imports.list(principal)), maxFileMb: this.config.contactImportMaxMb };
  }

  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importId) id: string,
  ): Promise<ContactImportView> {
    return this.imports.get(principal, id);
  }

  @Patch(':id')
  configure(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importId) id: string,
    @Body() dto: ConfigureImportDto,
  ): Promise<ContactImportView> {
    return this.imports.configure(principal, id, dto);
  }

  /** The dry run, in the background; follow it with `contact_import.updated` or GET. */
  @ApiErrors('contact_import/wrong_status')
  @Post(':id/check')
  @HttpCode(202)
  check(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importId) id: string,
  ): Promise<ContactImportView> {
    return this.imports.check(principal, id);
  }

  @Post(':id/start')
  @HttpCode(202)
  start(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importId) id: string,
  ): Promise<ContactImportView> {
    return this.imports.start(principal, id);
  }

  /** Stops it; what the import wrote is undone in the background. */
  @Post(':id/cancel')
  @HttpCode(202)
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importId) id: string,
  ): Promise<ContactImportView> {
    return this.imports.cancel(principal, id);
  }

  @Get(':id/rejects')
  rejects(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importId) id: string,
    @Query() query: ImportRejectsQueryDto,
  ): Promise<PageView<ImportRejectView>> {
    return this.imports.rejects(principal, id, query);
  }

  @Get(':id/rejected.csv')
  @ApiProduces('text/csv')
  async rejectedCsv(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importId) id: string,
    @Query() query: ImportRejectsQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(response, await this.imports.rejectedCsv(principal, id, query.phase));
  }
}
