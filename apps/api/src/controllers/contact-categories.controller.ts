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
  CategoriesService,
  CategoryEntityDto,
  CreateCategoryDto,
  DeleteCategoryDto,
  ReorderCategoriesDto,
  UpdateCategoryDto,
} from '@sanad/contacts';
import type { CategoryView, ListView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const categoryId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('contact_category/not_found'),
});

@ApiTags('contact categories')
@Controller('contact-categories')
export class ContactCategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @WholeList('the categories of people or of companies (a handful each).')
  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CategoryEntityDto,
  ): Promise<ListView<CategoryView>> {
    return { items: await this.categories.list(principal.workspaceId, query.entity ?? 'person') };
  }

  @Roles('owner', 'admin')
  @ApiErrors('contact_category/name_taken')
  @Idempotent()
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateCategoryDto,
  ): Promise<CategoryView> {
    return this.categories.create(principal, dto);
  }

  @WholeList('the categories of one kind in their new order.')
  @Roles('owner', 'admin')
  @Post('reorder')
  @HttpCode(200)
  async reorder(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ReorderCategoriesDto,
  ): Promise<ListView<CategoryView>> {
    return { items: await this.categories.reorder(principal, dto.entity, dto.ids) };
  }

  @Roles('owner', 'admin')
  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', categoryId) id: string,
    @Body() dto: UpdateCategoryDto,
  ): Promise<CategoryView> {
    return this.categories.update(principal, id, dto);
  }

  @Roles('owner', 'admin')
  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', categoryId) id: string,
    @Query() query: DeleteCategoryDto,
  ): Promise<void> {
    return this.categories.remove(principal, id, query.moveTo);
  }
}
