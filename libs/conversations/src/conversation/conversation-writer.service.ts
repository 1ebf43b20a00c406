import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { Channel, ConversationChange, Priority } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { indexTerms } from '@sanad/search';
import { OutboxWriter } from '@sanad/queue';
import { AttachmentsService, type UploadedFile } from '../attachments/attachments.service';
import type { MessageBodyDto } from '../dto/reply.dto';
import type { Conversation } from '../entities/conversation.entity';
import type { Message } from '../entities/message.entity';
import { OutboundChannels } from '../intake/outbound-channels';
import type { Activity } from './conversation-rules.util';
import { headerText } from './conversation-views.util';
import { ConversationRepository } from './conversation.repository';

/** The customer behind an inbound message, as the channel found or created them. */
export interface InboundContact {
  id: string;
  name: string | null;
  emails: string[];
  phones: string[];
  externalId: string | null;
}

/** A customer's message as a channel hands it over. */
export interface InboundMessage {
  workspaceId: string;
  contact: InboundContact;
  text: string;
  html?: string | null;
  emailMessageId?: string | null;
  /** With the Message-ID, what makes a second copy a duplicate (R2). */
  emailContentHash?: string | null;
  data?: Record<string, unknown>;
  files?: UploadedFile[];
}

type Author = Pick<Message, 'kind' | 'authorType'> &
  Partial<Pick<Message, 'authorUserId' | 'authorContactId' | 'data'>>;

/**
 * The writes every change of a conversation is made of — a new conversation, a message with its
 * files and search terms, a timeline entry, the events — inside the transaction open around the
 * call.
 */
@Injectable()
export class ConversationWriter {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly attachments: AttachmentsService,
    private readonly outbound: OutboundChannels,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A new conversation numbered in its workspace; its subject and contact searchable. */
  async start(
    input: {
      workspaceId: string;
      subject: string;
      channel: Channel;
      mailboxId: string;
      contact: { id: string; name: string | null; emails: string[]; phones: string[] };
      priority?: Priority;
      teamId?: string | null;
    },
    options: { indexNow: boolean } = { indexNow: true },
  ): Promise<Conversation> {
    const now = new Date();
    const conversation = await this.repo.insert({
      workspaceId: input.workspaceId,
      number: await this.repo.nextNumber(input.workspaceId),
      subject: cleanText(input.subject).slice(0, 300),
      channel: input.channel,
      mailboxId: input.mailboxId,
      contactId: input.contact.id,
      priority: input.priority ?? 'normal',
      teamId: input.teamId ?? null,
      lastPublicFrom: 'contact',
      lastMessageAt: now,
      lastCustomerMessageAt: now,
    });
    if (options.indexNow)
      await this.index(conversation.id, headerText(conversation.subject, input.contact));
    return conversation;
  }

  /** A message by an agent or an integration, with the caller's uploads; text or files required. */
  async writeMessage(
    principal: Principal,
    conversation: Conversation,
    author: Author,
    body: MessageBodyDto,
  ): Promise<Message> {
    const text = cleanText(body.text ?? '');
    if (!text && !body.attachmentIds?.length)
      throw new DomainError('request/validation', {}, [{ field: 'text', code: 'isNotEmpty' }]);
    const message = await this.repo.insertMessage({
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      bodyText: text,
      ...author,
    });
    const files = await this.attachments.claim(principal, body.attachmentIds, {
      conversationId: conversation.id,
      messageId: message.id,
    });
    await this.index(conversation.id, [text, ...files.map((f) => f.fileName)].join(' '));
    return message;
  }

  /**
   * A customer's message that arrived by a channel (email), with its files stored as they came.
   * `alsoIndex` joins the same search update (a new conversation's subject and contact).
   */
  async writeInbound(
    conversation: Conversation,
    input: InboundMessage,
    alsoIndex = '',
  ): Promise<Message> {
    const message = await this.repo.insertMessage({
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      kind: 'reply',
      authorType: 'contact',
      authorContactId: input.contact.id,
      bodyText: input.text,
      bodyHtml: input.html ?? null,
      emailMessageId: input.emailMessageId ?? null,
      emailContentHash: input.emailContentHash ?? null,
      data: input.data ?? {},
    });
    const files = await this.attachments.storeFiles(
      conversation.workspaceId,
      { conversationId: conversation.id, messageId: message.id },
      input.files ?? [],
    );
    await this.index(
      conversation.id,
      [alsoIndex, input.text, ...files.map((f) => f.fileName)].join(' '),
    );
    return message;
  }

  /**
   * A system-written public message (auto-acknowledgement, rating request): leaves by the
   * conversation's channel (or `via`, e.g. email for an API conversation), answers nothing.
   */
  async writeSystemReply(
    conversation: Conversation,
    text: string,
    data: Record<string, unknown>,
    via: Channel = conversation.channel,
  ): Promise<Message> {
    const message = await this.repo.insertMessage({
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      kind: 'reply',
      authorType: 'system',
      bodyText: cleanText(text),
      data,
    });
    await this.queueOutbound(conversation, message, true, via);
    return message;
  }

  /** Timeline entries, by a member or (null) by the system; published with the change. */
  async activity(
    principal: Principal | null,
    c: Conversation,
    ...entries: Activity[]
  ): Promise<Message[]> {
    const written: Message[] = [];
    for (const data of entries)
      written.push(
        await this.repo.insertMessage({
          workspaceId: c.workspaceId,
          conversationId: c.id,
          kind: 'activity',
          authorType: principal ? 'user' : 'system',
          authorUserId: principal?.userId ?? null,
          data,
        }),
      );
    return written;
  }

  /** Hands a reply to its conversation's channel (if it has one) and saves what it set. */
  async queueOutbound(
    conversation: Conversation,
    message: Message,
    automatic: boolean,
    via: Channel = conversation.channel,
  ): Promise<void> {
    const channel = this.outbound.for(via);
    if (!channel) return;
    await channel.queue(conversation, message, { automatic });
    await this.repo.updateMessageDelivery(message);
  }

  /**
   * The conversation's event and `message.created` for each new message (timeline entries too,
   * so other agents' open threads show them), as facts: subscribers get views built after commit.
   */
  async publish(
    c: Conversation,
    type: 'conversation.created' | 'conversation.updated',
    messages: Message[],
    previousMailboxId?: string,
  ): Promise<void> {
    const where = { conversationId: c.id, mailboxId: c.mailboxId };
    const changes = messages
      .filter((m) => m.kind === 'activity')
      .map((m) => m.data as unknown as ConversationChange);
    await this.outbox.writeAll([
      {
        workspaceId: c.workspaceId,
        type,
        payload: {
          ...where,
          ...(previousMailboxId ? { previousMailboxId } : {}),
          ...(changes.length > 0 ? { changes } : {}),
        },
      },
      ...messages.map((message) => ({
        workspaceId: c.workspaceId,
        type: 'message.created' as const,
        payload: { ...where, messageId: message.id },
      })),
    ]);
  }

  private async index(conversationId: string, text: string): Promise<void> {
    await this.repo.appendSearchTerms(conversationId, indexTerms(text));
  }
}
