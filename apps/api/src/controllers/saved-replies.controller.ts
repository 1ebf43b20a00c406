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
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import type { ListView, SavedReplyView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent } from '@sanad/idempotency';
import {
  CreateSavedReplyDto,
  RenderSavedReplyDto,
  SavedRepliesService,
  UpdateSavedReplyDto,
} from '@sanad/conversations';
import { WholeList } from '../openapi/api-errors.decorator';

const savedReplyId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('saved_reply/not_found'),
});

@ApiTags('saved replies')
@Controller('saved-replies')
export class SavedRepliesController {
  constructor(private readonly savedReplies: SavedRepliesService) {}

  @WholeList(
    'the saved replies the caller may use (filtered by `q`), written by people one at a time.',
  )
  @Get()
  @ApiQuery({ name: 'q', required: false })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query('q') q?: string,
  ): Promise<ListView<SavedReplyView>> {
    return {
      items: await this.savedReplies.list(
        principal,
        typeof q === 'string' ? q.slice(0, 200) : undefined,
      ),
    };
  }

  @Idempotent()
  @Post()
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateSavedReplyDto,
  ): Promise<SavedReplyView> {
    return this.savedReplies.create(principal, dto);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', savedReplyId) id: string,
    @Body() dto: UpdateSavedReplyDto,
  ): Promise<SavedReplyView> {
    return this.savedReplies.update(principal, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', savedReplyId) id: string,
  ): Promise<void> {
    return this.savedReplies.remove(principal, id);
  }

  @Post(':id/render')
  @HttpCode(200)
  render(
    @CurrentPrincipal() principal: Principal,
    @Param('id', savedReplyId) id: string,
    @Body() dto: RenderSavedReplyDto,
  ): Promise<{ text: string }> {
    return this.savedReplies.render(principal, id, dto.conversationId);
  }
}
