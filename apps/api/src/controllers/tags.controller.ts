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
import type { ListView, TagView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { MergeTagDto, RenameTagDto, TagsService } from '@sanad/conversations';
import { ApiErrors, WholeList } from '../openapi/api-errors.decorator';

const tagId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('tag/not_found') });

@ApiTags('tags')
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @WholeList(
    'every tag with its count, for the filters and the tag picker; tags are names people type, so a workspace has hundreds, not millions.',
  )
  @Get()
  async list(@CurrentPrincipal() principal: Principal): Promise<ListView<TagView>> {
    return { items: await this.tags.list(principal) };
  }

  @ApiErrors('tag/name_taken')
  @Roles('owner', 'admin')
  @Patch(':id')
  rename(
    @CurrentPrincipal() principal: Principal,
    @Param('id', tagId) id: string,
    @Body() dto: RenameTagDto,
  ): Promise<TagView> {
    return this.tags.rename(principal, id, dto.name);
  }

  @Roles('owner', 'admin')
  @Post(':id/merge')
  @HttpCode(200)
  merge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', tagId) id: string,
    @Body() dto: MergeTagDto,
  ): Promise<TagView> {
    return this.tags.merge(principal, id, dto.intoId);
  }

  @Roles('owner', 'admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentPrincipal() principal: Principal, @Param('id', tagId) id: string): Promise<void> {
    return this.tags.remove(principal, id);
  }
}
