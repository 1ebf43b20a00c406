import { Injectable } from '@nestjs/common';
import { canSeeMailbox, type Principal } from '@sanad/accounts';
import { ContactsService } from '@sanad/contacts';
import type { ConversationDetailView } from '@sanad/contracts';
import { DomainError, sha256Hex } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { ConversationWriter } from '../conversation/conversation-writer.service';
import type { CreateConversationDto } from '../dto/create-conversation.dto';
import { MailboxesService } from '../mailboxes/mailboxes.service';
import { ThreadRepository } from './thread.repository';
import { ThreadService } from './thread.service';

/** The API channel: integrations open conversations for a contact they name. */
@Injectable()
export class ApiConversationsService {
  constructor(
    private readonly threads: ThreadRepository,
    private readonly thread: ThreadService,
    private readonly writer: ConversationWriter,
    private readonly mailboxes: MailboxesService,
    private readonly contacts: ContactsService,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * With an Idempotency-Key, a repeated request answers what the first one did: the key row is
   * inserted first, so a concurrent duplicate waits for this transaction and then replays it.
   */
  async create(
    principal: Principal,
    dto: CreateConversationDto,
    idempotencyKey?: string,
  ): Promise<ConversationDetailView> {
    const { contact: identity } = dto;
    if (!identity.email && !identity.phone && !identity.externalId)
      throw new DomainError('request/validation', {}, [
        { field: 'contact', code: 'contactIdentity' },
      ]);
    const requestHash = sha256Hex(JSON.stringify(dto));
    const conversationId = await this.tx.run<string>(async () => {
      if (idempotencyKey) {
        const claim = await this.threads.claimIdempotencyKey(
          principal.workspaceId,
          idempotencyKey,
          requestHash,
        );
        if (!claim.claimed) {
          if (claim.requestHash !== requestHash)
            throw new DomainError('request/idempotency_conflict');
          return (claim.response as { conversationId: string }).conversationId;
        }
      }
      await this.mailboxes.ensureDefaults(principal.workspaceId);
      const mailbox = dto.mailboxId
        ? await this.mailboxes.visible(principal, dto.mailboxId)
        : await this.mailboxes.systemMailbox(principal.workspaceId, 'inbox');
      if (!canSeeMailbox(principal, mailbox.id)) throw new DomainError('mailbox/not_found');
      if (mailbox.archivedAt) throw new DomainError('mailbox/archived');
      const contact = await this.contacts.findOrCreate(principal.workspaceId, identity);
      const conversation = await this.writer.start({
        workspaceId: principal.workspaceId,
        subject: dto.subject,
        channel: 'api',
        mailboxId: mailbox.id,
        contact,
        priority: dto.priority,
      });
      const message = await this.writer.writeMessage(
        principal,
        conversation,
        { kind: 'reply', authorType: 'contact', authorContactId: contact.id },
        dto,
      );
      await this.writer.publish(conversation, 'conversation.created', [message]);
      await this.contacts.noteCustomerMessage(principal.workspaceId, contact.id, true);
      if (idempotencyKey)
        await this.threads.storeIdempotentResponse(principal.workspaceId, idempotencyKey, {
          conversationId: conversation.id,
        });
      return conversation.id;
    });
    return this.thread.get(principal, conversationId);
  }

  /** Idempotency keys older than `hours` go, in batches; returns how many went. */
  async pruneIdempotencyKeys(hours: number, batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const removed = await this.threads.pruneIdempotencyKeys(hours, batch);
      total += removed;
      if (removed < batch) return total;
    }
  }
}
