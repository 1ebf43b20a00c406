import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import type { EventData } from '@sanad/contracts';
import { EventPresenters, type AnyDomainEvent, type EventPresenter } from '@sanad/queue';
import { ConversationViews } from './conversation-views.service';

const TYPES = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'message.updated',
  'mention.created',
] as const;
type Presented = (typeof TYPES)[number];

/**
 * Builds what subscribers get for conversation and message events from their facts, after
 * commit: the conversation and message as they are now, for a whole batch in a few queries. An
 * event whose conversation is gone (merged away) is left out.
 */
@Injectable()
export class ConversationEventsPresenter implements EventPresenter<Presented>, OnModuleInit {
  readonly types = TYPES;

  constructor(
    private readonly views: ConversationViews,
    private readonly members: MemberDirectory,
    private readonly presenters: EventPresenters,
  ) {}

  onModuleInit(): void {
    this.presenters.register(this);
  }

  async present(
    events: Array<AnyDomainEvent<Presented>>,
  ): Promise<Map<string, EventData<Presented> | null>> {
    const out = new Map<string, EventData<Presented> | null>();
    const byWorkspace = new Map<string, Array<AnyDomainEvent<Presented>>>();
    for (const event of events) {
      if (!event.workspaceId) continue;
      byWorkspace.set(event.workspaceId, [...(byWorkspace.get(event.workspaceId) ?? []), event]);
    }
    for (const [workspaceId, group] of byWorkspace) {
      const conversationIds = group.flatMap((e) =>
        'conversationId' in e.payload ? [e.payload.conversationId] : [],
      );
      const messageIds = group.flatMap((e) =>
        'messageId' in e.payload ? [e.payload.messageId] : [],
      );
      const authors = group.flatMap((e) =>
        e.type === 'mention.created' ? [e.payload.byUserId] : [],
      );
      const [conversations, messages, names] = await Promise.all([
        this.views.conversationsById(workspaceId, conversationIds),
        this.views.messagesById(workspaceId, messageIds),
        this.members.names(workspaceId, authors),
      ]);
      for (const event of group) {
        const conversation = conversations.get(event.payload.conversationId);
        if (!conversation) {
          out.set(event.id, null);
          continue;
        }
        switch (event.type) {
          case 'conversation.created':
          case 'conversation.updated': {
            const { mailboxId, previousMailboxId, changes } = event.payload;
            out.set(event.id, {
              mailboxId,
              ...(previousMailboxId ? { previousMailboxId } : {}),
              conversation,
              ...(changes?.length ? { changes } : {}),
            });
            break;
          }
          case 'message.created':
          case 'message.updated': {
            const message = messages.get(event.payload.messageId);
            out.set(
              event.id,
              message
                ? {
                    mailboxId: event.payload.mailboxId,
                    conversationId: conversation.id,
                    private: message.kind === 'note',
                    message,
                  }
                : null,
            );
            break;
          }
          case 'mention.created': {
            const message = messages.get(event.payload.messageId);
            const { mailboxId, userId, byUserId } = event.payload;
            out.set(
              event.id,
              message
                ? {
                    mailboxId,
                    userId,
                    mention: {
                      conversationId: conversation.id,
                      conversationNumber: conversation.number,
                      subject: conversation.subject,
                      messageId: message.id,
                      by: { id: byUserId, name: names.get(byUserId) ?? '' },
                      text: message.text.slice(0, 280),
                    },
                  }
                : null,
            );
            break;
          }
        }
      }
    }
    return out;
  }
}
