import { Injectable } from '@nestjs/common';
import { ContactsService } from '@sanad/contacts';
import type { Channel, DeliveryStatus } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { OutboxWriter } from '@sanad/queue';
import { indexTerms } from '@sanad/search';
import { customerWrote } from '../conversation/conversation-rules.util';
import { headerText } from '../conversation/conversation-views.util';
import {
  ConversationWriter,
  type InboundMessage,
} from '../conversation/conversation-writer.service';
import { ConversationRepository } from '../conversation/conversation.repository';
import type { Conversation } from '../entities/conversation.entity';
import { TagsRepository } from '../tags/tags.repository';
import { TeamsRepository } from '../teams/teams.repository';
import { IntakeRepository, type OutboundContext } from './intake.repository';

export interface Written {
  conversationId: string;
  messageId: string;
}

/**
 * What channels (email, later chat and forms) call, inside the transaction open around the call
 * (the inbound processor's, which holds its receipt): a customer opens or continues a
 * conversation, the system replies or notes something, a reply's delivery moves on. And the
 * lookups a channel needs to thread and compose.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly intake: IntakeRepository,
    private readonly writer: ConversationWriter,
    private readonly outbox: OutboxWriter,
    private readonly contacts: ContactsService,
    private readonly tags: TagsRepository,
    private readonly teams: TeamsRepository,
  ) {}

  /**
   * A customer's message that starts a conversation; a channel may label it at once (a form's
   * tags and team; ones deleted since the form was published are left out).
   */
  async openFromCustomer(
    input: InboundMessage & {
      mailboxId: string;
      subject: string;
      channel: Channel;
      labels?: { tagIds: string[]; teamId: string | null };
    },
  ): Promise<Written> {
    const teamId =
      input.labels?.teamId && (await this.teams.exists(input.workspaceId, input.labels.teamId))
        ? input.labels.teamId
        : null;
    // Subject, contact and first message are indexed in one update (each one rewrites the row
    // and every index of conversations).
    const conversation = await this.writer.start({ ...input, teamId }, { indexNow: false });
    if (input.labels?.tagIds.length)
      await this.tags.addExisting(input.workspaceId, conversation.id, input.labels.tagIds);
    const message = await this.writer.writeInbound(
      conversation,
      input,
      headerText(conversation.subject, input.contact),
    );
    await this.writer.publish(conversation, 'conversation.created', [message]);
    await this.contacts.noteCustomerMessage(input.workspaceId, input.contact.id, true);
    return { conversationId: conversation.id, messageId: message.id };
  }

  /** A customer's message in an existing conversation: it reopens if pending or closed. */
  async appendFromCustomer(conversationId: string, input: InboundMessage): Promise<Written> {
    const conversation = await this.repo.find(input.workspaceId, conversationId, true);
    if (!conversation) throw new DomainError('conversation/not_found');
    const message = await this.writer.writeInbound(conversation, input);
    const activity = customerWrote(conversation, new Date());
    await this.repo.save(conversation);
    const entries = activity ? await this.writer.activity(null, conversation, activity) : [];
    await this.writer.publish(conversation, 'conversation.updated', [message, ...entries]);
    await this.contacts.noteCustomerMessage(input.workspaceId, input.contact.id, false);
    return { conversationId: conversation.id, messageId: message.id };
  }

  /**
   * An automatic reply (auto-acknowledgement). It leaves by the conversation's channel but does
   * not count as an agent's answer: the conversation stays unanswered.
   */
  async systemReply(
    workspaceId: string,
    conversationId: string,
    text: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const conversation = await this.find(workspaceId, conversationId);
    const message = await this.writer.writeSystemReply(conversation, text, data);
    await this.writer.publish(conversation, 'conversation.updated', [message]);
  }

  /** A system entry in the timeline (a bounce, say). */
  async systemActivity(
    workspaceId: string,
    conversationId: string,
    data: Record<string, unknown> & { action: string },
  ): Promise<void> {
    const conversation = await this.find(workspaceId, conversationId);
    const entries = await this.writer.activity(null, conversation, data);
    await this.writer.publish(conversation, 'conversation.updated', entries);
  }

  /** A channel reports how a reply's delivery went; agents see it live. */
  async setDelivery(
    workspaceId: string,
    messageId: string,
    delivery: { status: DeliveryStatus; error: string | null },
  ): Promise<void> {
    const [message] = await this.repo.findMessages(workspaceId, [messageId]);
    if (!message) return;
    const conversation = await this.repo.find(workspaceId, message.conversationId, true);
    if (!conversation) return;
    const failedBefore = message.deliveryStatus === 'failed';
    message.deliveryStatus = delivery.status;
    message.deliveryError = delivery.error;
    await this.repo.updateMessageDelivery(message);
    await this.outbox.write({
      workspaceId,
      type: 'message.updated',
      payload: { conversationId: conversation.id, mailboxId: conversation.mailboxId, messageId },
    });
    // A failed reply has not answered the customer: the conversation is unanswered again until
    // a reply gets through (and answered again when a retry is queued).
    if (message.authorType === 'user' && failedBefore !== (delivery.status === 'failed'))
      await this.recountAnswered(conversation);
  }

  /** lastPublicFrom follows the newest public message that counts (views and counts use it). */
  async recountAnswered(conversation: Conversation): Promise<void> {
    const author = await this.repo.lastPublicAuthor(conversation.id);
    if (!author || author === conversation.lastPublicFrom) return;
    conversation.lastPublicFrom = author;
    await this.repo.save(conversation);
    await this.writer.publish(conversation, 'conversation.updated', []);
  }

  /** The conversation (with its contact) a channel message may continue. */
  async conversationOf(
    workspaceId: string,
    conversationId: string,
  ): Promise<Pick<Conversation, 'id' | 'contactId' | 'mailboxId'> | null> {
    const c = await this.repo.find(workspaceId, conversationId);
    return c ? { id: c.id, contactId: c.contactId, mailboxId: c.mailboxId } : null;
  }

  /**
   * Whether this copy of an email was taken in already (R2: same Message-ID and content). Holds
   * the Message-ID until the caller's transaction ends, so concurrent copies resolve in turn.
   */
  async hasEmailCopy(
    workspaceId: string,
    emailMessageId: string,
    contentHash: string,
  ): Promise<boolean> {
    await this.intake.lockEmailMessageId(workspaceId, emailMessageId);
    return this.intake.hasEmailCopy(workspaceId, emailMessageId, contentHash);
  }

  conversationByEmailMessageIds(workspaceId: string, ids: string[]): Promise<string | null> {
    return this.intake.conversationByEmailMessageIds(workspaceId, ids);
  }

  messageByEmailMessageId(
    workspaceId: string,
    emailMessageId: string,
  ): Promise<{ id: string; conversationId: string } | null> {
    return this.intake.messageByEmailMessageId(workspaceId, emailMessageId);
  }

  outboundContext(messageId: string): Promise<OutboundContext | null> {
    return this.intake.outboundContext(messageId);
  }

  /** References (the last 20, oldest first) and In-Reply-To (the customer's newest) of a reply. */
  async emailThreadIds(
    conversationId: string,
    beforeMessageId: string,
  ): Promise<{ references: string[]; inReplyTo: string | null }> {
    const rows = await this.intake.emailIdsBefore(conversationId, beforeMessageId);
    const customer = rows.filter((r) => r.author_type === 'contact');
    return {
      references: rows.map((r) => r.email_message_id).slice(-20),
      inReplyTo: customer.at(-1)?.email_message_id ?? rows.at(-1)?.email_message_id ?? null,
    };
  }

  lastCustomerAddress(conversationId: string): Promise<string | null> {
    return this.intake.lastCustomerAddress(conversationId);
  }

  /** What an auto-acknowledgement fills its placeholders with. */
  async ackContext(
    workspaceId: string,
    conversationId: string,
  ): Promise<{ number: number; subject: string; mailboxId: string } | null> {
    const c = await this.repo.find(workspaceId, conversationId);
    return c ? { number: c.number, subject: c.subject, mailboxId: c.mailboxId } : null;
  }

  /** For the mail library's part of a person's erasure (their raw emails). */
  contactConversationIds(workspaceId: string, contactId: string): Promise<string[]> {
    return this.intake.contactConversationIds(workspaceId, contactId);
  }

  contactConversationCount(workspaceId: string, contactId: string): Promise<number> {
    return this.intake.contactConversationCount(workspaceId, contactId);
  }

  /**
   * A person merged into another (contacts' merge, in its transaction): their conversations and
   * messages move to the survivor, whose name, emails and phones find those conversations, and
   * agents' lists learn the new contact.
   */
  async moveContactConversations(
    workspaceId: string,
    fromId: string,
    to: { id: string; name: string | null; emails: string[]; phones: string[] },
  ): Promise<number> {
    const moved = await this.intake.moveContact(workspaceId, fromId, to.id);
    await this.repo.appendSearchTerms(
      moved.map((c) => c.id),
      indexTerms(headerText('', to)),
    );
    await this.outbox.writeAll(
      moved.map((c) => ({
        workspaceId,
        type: 'conversation.updated' as const,
        payload: { conversationId: c.id, mailboxId: c.mailboxId },
      })),
    );
    return moved.length;
  }

  private async find(workspaceId: string, conversationId: string): Promise<Conversation> {
    const conversation = await this.repo.find(workspaceId, conversationId);
    if (!conversation) throw new DomainError('conversation/not_found');
    return conversation;
  }
}
