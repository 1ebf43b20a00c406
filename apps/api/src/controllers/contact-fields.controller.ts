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
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal, Roles } from '@sanad/auth';
import {
  ContactFieldsService,
  CreateFieldDto,
  FieldEntityDto,
  TypeChangeQueryDto,
  UpdateFieldDto,
} from '@sanad/contacts';
import type { CustomFieldView, FieldTypeChangeView, ListView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const fieldId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('contact_field/not_found'),
});

@ApiTags('contact fields')
@Controller('contact-fields')
export class ContactFieldsController {
  constructor(private readonly fields: ContactFieldsService) {}

  @WholeList('at most 200 custom fields per kind.')
  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: FieldEntityDto,
  ): Promise<ListView<CustomFieldView>> {
    return { items: await this.fields.list(principal.workspaceId, query.entity ?? 'person') };
  }

  @Roles('owner', 'admin')
  @ApiErrors('contact_field/key_taken', 'contact_field/limit')
  @Idempotent()
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateFieldDto,
  ): Promise<CustomFieldView> {
    return this.fields.create(principal, dto);
  }

  @Roles('owner', 'admin')
  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', fieldId) id: string,
    @Body() dto: UpdateFieldDto,
  ): Promise<CustomFieldView> {
    return this.fields.update(principal, id, dto);
  }

  /** What changing the type would do to stored values (the screen asks before saving). */
  @Roles('owner', 'admin')
  @Get(':id/type-change')
  typeChange(
    @CurrentPrincipal() principal: Principal,
    @Param('id', fieldId) id: string,
    @Query() query: TypeChangeQueryDto,
  ): Promise<FieldTypeChangeView> {
    return this.fields.typeChangePreview(principal, id, query.to);
  }

  @Roles('owner', 'admin')
  @Get(':id/usage')
  usage(
    @CurrentPrincipal() principal: Principal,
    @Param('id', fieldId) id: string,
  ): Promise<{ values: number }> {
    return this.fields.usage(principal, id);
  }

  @Roles('owner', 'admin')
  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', fieldId) id: string,
  ): Promise<void> {
    return this.fields.remove(principal, id);
  }
}
