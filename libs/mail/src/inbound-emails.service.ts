import { Injectable } from '@nestjs/common';
import { canSeeMailbox, type Principal } from '@sanad/accounts';
import { DomainError } from '@sanad/core';
import { MailRepository } from './mail.repository';

/** What agents may read of stored inbound mail: the raw source, for mailboxes they can see. */
@Injectable()
export class InboundEmailsService {
  constructor(private readonly repo: MailRepository) {}

  async raw(principal: Principal, id: string): Promise<{ fileName: string; data: Buffer }> {
    const inbound = await this.repo.findInbound(principal.workspaceId, id);
    if (!inbound || !canSeeMailbox(principal, inbound.mailboxId))
      throw new DomainError('email/not_found');
    return { fileName: `${inbound.id}.eml`, data: inbound.raw };
  }

  /** Whether any mail has arrived for the workspace yet. */
  anyReceived(workspaceId: string): Promise<boolean> {
    return this.repo.anyInbound(workspaceId);
  }
}
