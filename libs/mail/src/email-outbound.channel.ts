import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ContactsService } from '@sanad/contacts';
import {
  OutboundChannels,
  type Conversation,
  type Message,
  type OutboundChannel,
} from '@sanad/conversations';
import { OutboxWriter } from '@sanad/queue';
import type { EntityManager } from 'typeorm';
import { EMAIL_QUEUED } from './mail.events';
import { OutboundRepository } from './outbound.repository';

/** The delivery error an agent sees when a reply has nobody to go to. */
export const NO_RECIPIENT = 'no_recipient';

/**
 * Email as an outbound channel: a reply on an email conversation gets a Message-ID carrying our
 * reply token, a delivery row and an `email.queued` event, all in the reply's transaction.
 */
@Injectable()
export class EmailOutboundChannel implements OutboundChannel, OnModuleInit {
  readonly channel = 'email' as const;

  constructor(
    private readonly channels: OutboundChannels,
    private readonly repo: OutboundRepository,
    private readonly contacts: ContactsService,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.channels.register(this);
  }

  async queue(
    conversation: Conversation,
    message: Message,
    options: { automatic: boolean },
    manager: EntityManager,
  ): Promise<void> {
    const recipient = await this.recipient(conversation, manager);
    message.emailMessageId = newMessageId(conversation.id, this.config.inboundDomain);
    message.deliveryStatus = recipient ? 'queued' : 'failed';
    message.deliveryError = recipient ? null : NO_RECIPIENT;
    await this.repo.insertDelivery(
      {
        messageId: message.id,
        workspaceId: conversation.workspaceId,
        conversationId: conversation.id,
        mailboxId: conversation.mailboxId,
        kind: options.automatic ? 'auto_ack' : 'reply',
        recipients: recipient ? [recipient] : [],
        ...(recipient ? {} : { status: 'failed' as const, error: NO_RECIPIENT }),
      },
      manager,
    );
    if (recipient) await this.announce(message.id, 0, manager);
  }

  async retry(message: Message, manager: EntityManager): Promise<void> {
    const delivery = await this.repo.delivery(message.id, manager);
    if (!delivery || delivery.recipients.length === 0) return;
    await this.repo.updateDelivery(
      message.id,
      { status: 'queued', attempts: 0, error: null, nextAttemptAt: new Date() },
      manager,
    );
    await this.announce(message.id, Date.now(), manager);
  }

  /** The address the customer last wrote from, else the contact's first email. */
  private async recipient(
    conversation: Conversation,
    manager: EntityManager,
  ): Promise<string | null> {
    const last = await this.repo.lastCustomerAddress(conversation.id, manager);
    if (last && last !== 'unknown@invalid') return last;
    if (!conversation.contactId) return null;
    const [contact] = await this.contacts.findMany(conversation.workspaceId, [
      conversation.contactId,
    ]);
    return contact?.emails[0] ?? null;
  }

  private async announce(
    messageId: string,
    generation: number,
    manager: EntityManager,
  ): Promise<void> {
    await this.outbox.write(manager, {
      workspaceId: null,
      type: EMAIL_QUEUED,
      payload: { messageId, generation },
    });
  }
}

/** `sanad.<conversation id>.<random>@<domain>`: replies to it thread even without our headers. */
export function newMessageId(conversationId: string, domain: string): string {
  return `sanad.${conversationId}.${randomBytes(9).toString('base64url').toLowerCase()}@${domain}`;
}
