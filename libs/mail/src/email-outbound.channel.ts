import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { ContactsService } from '@sanad/contacts';
import {
  IntakeService,
  OutboundChannels,
  type Conversation,
  type Message,
  type OutboundChannel,
} from '@sanad/conversations';
import { OutboxWriter } from '@sanad/queue';
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
    private readonly intake: IntakeService,
    private readonly outbox: OutboxWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Form conversations are answered by email too (the contact's address). */
  onModuleInit(): void {
    this.channels.register(this);
    this.channels.register(this, 'form');
  }

  async queue(
    conversation: Conversation,
    message: Message,
    options: { automatic: boolean },
  ): Promise<void> {
    const recipient = await this.recipient(conversation);
    message.emailMessageId = newMessageId(conversation.id, this.config.inboundDomain);
    message.deliveryStatus = recipient ? 'queued' : 'failed';
    message.deliveryError = recipient ? null : NO_RECIPIENT;
    await this.repo.insertDelivery({
      messageId: message.id,
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      mailboxId: conversation.mailboxId,
      kind: options.automatic ? 'auto_ack' : 'reply',
      recipients: recipient ? [recipient] : [],
      ...(recipient ? {} : { status: 'failed' as const, error: NO_RECIPIENT }),
    });
    if (recipient) await this.announce(message.id, 0);
  }

  async retry(message: Message): Promise<void> {
    const delivery = await this.repo.delivery(message.id);
    if (!delivery || delivery.recipients.length === 0) return;
    await this.repo.updateDelivery(message.id, {
      status: 'queued',
      attempts: 0,
      error: null,
      nextAttemptAt: new Date(),
    });
    await this.announce(message.id, Date.now());
  }

  /** The address the customer last wrote from, else the contact's first email. */
  private async recipient(conversation: Conversation): Promise<string | null> {
    const last = await this.intake.lastCustomerAddress(conversation.id);
    if (last && last !== 'unknown@invalid') return last;
    if (!conversation.contactId) return null;
    const [contact] = await this.contacts.findMany(conversation.workspaceId, [
      conversation.contactId,
    ]);
    return contact?.emails[0] ?? null;
  }

  private async announce(messageId: string, generation: number): Promise<void> {
    await this.outbox.write({
      workspaceId: null,
      type: 'email.queued',
      payload: { messageId, generation },
    });
  }
}

/** `sanad.<conversation id>.<random>@<domain>`: replies to it thread even without our headers. */
export function newMessageId(conversationId: string, domain: string): string {
  return `sanad.${conversationId}.${randomBytes(9).toString('base64url').toLowerCase()}@${domain}`;
}
