import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@sanad/accounts';
import { CurrentPrincipal } from '@sanad/auth';
import type {
  BulkResultView,
  ConversationDetailView,
  ConversationView,
  MessageView,
  PageView,
  ViewCountsView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { Idempotent, idempotencyKey } from '@sanad/idempotency';
import {
  ApiConversationsService,
  BulkService,
  BulkUpdateDto,
  CreateConversationDto,
  CustomerMessageDto,
  ListConversationsDto,
  InboxService,
  MergeConversationDto,
  MergeService,
  NoteDto,
  ReplyDto,
  ThreadService,
  TriageService,
  UpdateConversationDto,
} from '@sanad/conversations';
import { ApiErrors } from '../openapi/api-errors.decorator';

const conversationId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('conversation/not_found'),
});

@ApiTags('conversations')
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly thread: ThreadService,
    private readonly api: ApiConversationsService,
    private readonly triage: TriageService,
    private readonly bulkChanges: BulkService,
    private readonly merging: MergeService,
  ) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListConversationsDto,
  ): Promise<PageView<ConversationView>> {
    return this.inbox.list(principal, query);
  }

  @Get('counts')
  counts(@CurrentPrincipal() principal: Principal): Promise<ViewCountsView> {
    return this.inbox.counts(principal);
  }

  @ApiErrors('mailbox/not_found', 'mailbox/archived')
  @Post()
  @Idempotent({ by: 'service' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateConversationDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<ConversationDetailView> {
    return this.api.create(principal, dto, idempotencyKey(key));
  }

  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
  ): Promise<ConversationDetailView> {
    return this.thread.get(principal, id);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
    @Body() dto: UpdateConversationDto,
  ): Promise<ConversationView> {
    return this.triage.update(principal, id, dto);
  }

  @Idempotent()
  @ApiErrors('conversation/stale_reply')
  @Post(':id/replies')
  reply(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
    @Body() dto: ReplyDto,
  ): Promise<MessageView> {
    return this.thread.reply(principal, id, dto);
  }

  @Idempotent()
  @Post(':id/notes')
  note(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
    @Body() dto: NoteDto,
  ): Promise<MessageView> {
    return this.thread.note(principal, id, dto);
  }

  @Idempotent()
  @Post(':id/customer-messages')
  @HttpCode(201)
  customerMessage(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
    @Body() dto: CustomerMessageDto,
  ): Promise<MessageView> {
    return this.thread.customerMessage(principal, id, dto);
  }

  @Put(':id/follow')
  follow(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
  ): Promise<ConversationView> {
    return this.triage.follow(principal, id, true);
  }

  @Delete(':id/follow')
  unfollow(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
  ): Promise<ConversationView> {
    return this.triage.follow(principal, id, false);
  }

  @Post('bulk')
  @HttpCode(200)
  bulk(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: BulkUpdateDto,
  ): Promise<BulkResultView> {
    return this.bulkChanges.update(principal, dto);
  }

  @ApiErrors('conversation/merge_self')
  @Post(':id/merge')
  @HttpCode(200)
  merge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', conversationId) id: string,
    @Body() dto: MergeConversationDto,
  ): Promise<ConversationDetailView> {
    return this.merging.merge(principal, id, dto.intoId);
  }
}
