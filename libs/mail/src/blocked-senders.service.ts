import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { BlockedSenderView } from '@sanad/contracts';
import { DomainError, normaliseEmail } from '@sanad/core';
import type { BlockedSender } from './entities/blocked-sender.entity';
import { OutboundRepository } from './outbound.repository';

/** Senders whose mail goes straight to المزعج: an address, or `@domain` for all of a domain. */
@Injectable()
export class BlockedSendersService {
  constructor(private readonly repo: OutboundRepository) {}

  async list(workspaceId: string): Promise<BlockedSenderView[]> {
    return (await this.repo.listBlocked(workspaceId)).map(toView);
  }

  async block(principal: Principal, pattern: string): Promise<BlockedSenderView> {
    const row = await this.repo.insertBlocked(
      principal.workspaceId,
      normaliseEmail(pattern),
      principal.userId,
    );
    if (!row)
      throw new DomainError('email/blocked_sender_exists', {}, [
        { field: 'pattern', code: 'taken' },
      ]);
    return toView(row);
  }

  async unblock(workspaceId: string, id: string): Promise<void> {
    if (!(await this.repo.deleteBlocked(workspaceId, id)))
      throw new DomainError('email/blocked_sender_not_found');
  }
}

function toView(row: BlockedSender): BlockedSenderView {
  return { id: row.id, pattern: row.pattern, createdAt: row.createdAt.toISOString() };
}
