import { Injectable } from '@nestjs/common';
import { MemberDirectory, type Principal } from '@sanad/accounts';
import type { AttachmentView, ConversationDetailView, MessageView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { ConversationAccess } from '../conversation/conversation-access.service';
import { agentReplied, customerWrote } from '../conversation/conversation-rules.util';
import { ConversationViews } from '../conversation/conversation-views.service';
import { ConversationWriter } from '../conversation/conversation-writer.service';
import { ConversationRepository } from '../conversation/conversation.repository';
import type { CustomerMessageDto, NoteDto, ReplyDto } from '../dto/reply.dto';
import type { Conversation } from '../entities/conversation.entity';
import type { Message } from '../entities/message.entity';
import { IntakeService } from '../intake/intake.service';
import { OutboundChannels } from '../intake/outbound-channels';
import { checkMentions } from './mentions.util';
import { ThreadRepository } from './thread.repository';

/** One conversation's thread: reading it, replying, notes, the customer writing by API. */
@Injectable()
export class ThreadService {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly threads: ThreadRepository,
    private readonly access: ConversationAccess,
    private readonly writer: ConversationWriter,
    private readonly views: ConversationViews,
    private readonly members: MemberDirectory,
    private readonly outbound: OutboundChannels,
    private readonly intake: IntakeService,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
  ) {}

  async get(principal: Principal, id: string): Promise<ConversationDetailView> {
    // One snapshot, so the status never lags behind a message that changed it.
    const { conversation, messages } = await this.tx.snapshot(async () => ({
      conversation: await this.access.visible(principal, id),
      messages: await this.repo.listMessages(principal.workspaceId, id),
    }));
    if (!conversation) throw new DomainError('conversation/not_found');
    return this.views.detail(principal.workspaceId, conversation, messages);
  }

  /** A message with its files, when the caller may see its conversation; else not found. */
  async visibleMessage(
    principal: Principal,
    id: string,
    messageId: string,
  ): Promise<{ message: Message; attachments: AttachmentView[] }> {
    const conversation = await this.access.visible(principal, id);
    const message = conversation
      ? await this.repo.findMessage(principal.workspaceId, id, messageId)
      : null;
    if (!message) throw new DomainError('message/not_found');
    const view = await this.views.message(principal.workspaceId, message);
    return { message, attachments: view.attachments };
  }

  /** Whether the conversation exists for this principal (presence hints are only relayed then). */
  visible(principal: Principal, id: string): Promise<Conversation | null> {
    return this.access.visible(principal, id);
  }

  /**
   * A public reply by an agent. With `lastSeenMessageId`, newer public messages by anyone else
   * refuse the reply (409 with those messages) unless `force` is set: the reply guard.
   */
  async reply(principal: Principal, id: string, dto: ReplyDto): Promise<MessageView> {
    const message = await this.tx.run(async () => {
      const conversation = await this.access.lock(principal, id);
      if (dto.lastSeenMessageId && !dto.force)
        await this.guard(principal, id, dto.lastSeenMessageId);
      const message = await this.writer.writeMessage(
        principal,
        conversation,
        { kind: 'reply', authorType: 'user', authorUserId: principal.userId },
        dto,
      );
      await this.writer.queueOutbound(conversation, message, false);
      const activity = agentReplied(conversation, new Date(), dto.status);
      // Refused at once by its channel (nobody to send to): it has not answered anyone.
      if (message.deliveryStatus === 'failed')
        conversation.lastPublicFrom =
          (await this.repo.lastPublicAuthor(conversation.id)) ?? 'contact';
      await this.repo.save(conversation);
      const entries = activity ? await this.writer.activity(principal, conversation, activity) : [];
      await this.writer.publish(conversation, 'conversation.updated', [message, ...entries]);
      return message;
    });
    return this.views.message(principal.workspaceId, message);
  }

  /** An internal note; @mentioned members follow the conversation and are told on their sockets. */
  async note(principal: Principal, id: string, dto: NoteDto): Promise<MessageView> {
    const message = await this.tx.run(async () => {
      const conversation = await this.access.lock(principal, id);
      const mentioned = checkMentions(
        dto.mentions ?? [],
        await this.members.active(principal.workspaceId, dto.mentions ?? []),
        conversation.mailboxId,
      );
      const message = await this.writer.writeMessage(
        principal,
        conversation,
        {
          kind: 'note',
          authorType: 'user',
          authorUserId: principal.userId,
          data: mentioned.length > 0 ? { mentions: mentioned } : {},
        },
        dto,
      );
      for (const userId of mentioned)
        await this.repo.follow(principal.workspaceId, id, userId, true);
      await this.writer.publish(conversation, 'conversation.updated', [message]);
      const others = mentioned.filter((userId) => userId !== principal.userId);
      if (others.length > 0)
        await this.outbox.writeAll(
          others.map((userId) => ({
            workspaceId: principal.workspaceId,
            type: 'mention.created' as const,
            payload: {
              mailboxId: conversation.mailboxId,
              conversationId: id,
              messageId: message.id,
              userId,
              byUserId: principal.userId,
            },
          })),
        );
      return message;
    });
    return this.views.message(principal.workspaceId, message);
  }

  /** API channel: the customer wrote again; a pending or closed conversation reopens. */
  async customerMessage(
    principal: Principal,
    id: string,
    dto: CustomerMessageDto,
  ): Promise<MessageView> {
    const message = await this.tx.run(async () => {
      const conversation = await this.access.lock(principal, id);
      const message = await this.writer.writeMessage(
        principal,
        conversation,
        { kind: 'reply', authorType: 'contact', authorContactId: conversation.contactId },
        dto,
      );
      const activity = customerWrote(conversation, new Date());
      await this.repo.save(conversation);
      const entries = activity ? await this.writer.activity(null, conversation, activity) : [];
      await this.writer.publish(conversation, 'conversation.updated', [message, ...entries]);
      return message;
    });
    return this.views.message(principal.workspaceId, message);
  }

  /** Sends a reply whose delivery failed again. */
  async retryDelivery(principal: Principal, id: string, messageId: string): Promise<MessageView> {
    const message = await this.tx.run(async () => {
      const conversation = await this.access.lock(principal, id);
      const message = await this.repo.findMessage(principal.workspaceId, id, messageId);
      if (!message) throw new DomainError('message/not_found');
      const channel = this.outbound.for(conversation.channel);
      if (!channel || message.deliveryStatus !== 'failed')
        throw new DomainError('message/not_retryable');
      await channel.retry(message);
      await this.intake.setDelivery(principal.workspaceId, messageId, {
        status: 'queued',
        error: null,
      });
      return (await this.repo.findMessage(principal.workspaceId, id, messageId)) as Message;
    });
    return this.views.message(principal.workspaceId, message);
  }

  /** Refuses the reply (409 with them) when others wrote in public after `lastSeenId`. */
  private async guard(principal: Principal, id: string, lastSeenId: string): Promise<void> {
    const seen = await this.repo.findMessage(principal.workspaceId, id, lastSeenId);
    if (!seen)
      throw new DomainError('message/not_found', {}, [
        { field: 'lastSeenMessageId', code: 'unknownMessage' },
      ]);
    const newer = await this.threads.newerPublicMessages(id, seen.id, principal.userId);
    if (newer.length > 0)
      throw new DomainError('conversation/stale_reply', {}, [], {
        messages: await this.views.messages(principal.workspaceId, newer),
      });
  }
}
