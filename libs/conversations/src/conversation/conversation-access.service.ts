import { Injectable } from '@nestjs/common';
import { canSeeMailbox, type Principal } from '@sanad/accounts';
import { DomainError } from '@sanad/core';
import type { Conversation } from '../entities/conversation.entity';
import { ConversationRepository } from './conversation.repository';

/**
 * A member reaches a conversation only in their workspace and in a mailbox they may see; any
 * other id answers like an unknown one (R9).
 */
@Injectable()
export class ConversationAccess {
  constructor(private readonly repo: ConversationRepository) {}

  async visible(principal: Principal, id: string): Promise<Conversation | null> {
    const conversation = await this.repo.find(principal.workspaceId, id);
    return conversation && canSeeMailbox(principal, conversation.mailboxId) ? conversation : null;
  }

  /** Locks the row for a change (inside a transaction): changes to one conversation queue up. */
  async lock(principal: Principal, id: string): Promise<Conversation> {
    const conversation = await this.repo.find(principal.workspaceId, id, true);
    if (!conversation || !canSeeMailbox(principal, conversation.mailboxId))
      throw new DomainError('conversation/not_found');
    return conversation;
  }
}
