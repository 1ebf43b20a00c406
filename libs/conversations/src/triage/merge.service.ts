import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { ConversationDetailView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { ConversationAccess } from '../conversation/conversation-access.service';
import { later } from '../conversation/conversation-rules.util';
import { ConversationWriter } from '../conversation/conversation-writer.service';
import { ConversationRepository } from '../conversation/conversation.repository';
import type { Conversation } from '../entities/conversation.entity';
import { ThreadService } from '../thread/thread.service';
import { TriageRepository } from './triage.repository';

/** Merging two conversations of the same customer (دمج). */
@Injectable()
export class MergeService {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly triage: TriageRepository,
    private readonly access: ConversationAccess,
    private readonly writer: ConversationWriter,
    private readonly thread: ThreadService,
    private readonly outbox: OutboxWriter,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Folds conversation `id` into `intoId`: its messages, tags and followers move over, the
   * timeline records it, and `id` is gone.
   */
  async merge(principal: Principal, id: string, intoId: string): Promise<ConversationDetailView> {
    if (id === intoId) throw new DomainError('conversation/merge_self');
    await this.tx.run(async () => {
      // Lock in id order so two opposite merges cannot deadlock.
      const locked = new Map<string, Conversation>();
      for (const key of [id, intoId].sort())
        locked.set(key, await this.access.lock(principal, key));
      const source = locked.get(id) as Conversation;
      const target = locked.get(intoId) as Conversation;
      await this.triage.moveContents(principal.workspaceId, source.id, target.id);
      target.lastMessageAt = later(target.lastMessageAt, source.lastMessageAt) as Date;
      target.lastCustomerMessageAt = later(
        target.lastCustomerMessageAt,
        source.lastCustomerMessageAt,
      );
      await this.repo.save(target);
      await this.triage.delete(principal.workspaceId, source.id);
      const entries = await this.writer.activity(principal, target, {
        action: 'merge',
        from: source.number,
      });
      await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'conversation.merged',
        payload: {
          mailboxId: target.mailboxId,
          previousMailboxId: source.mailboxId,
          sourceId: source.id,
          targetId: target.id,
        },
      });
      await this.writer.publish(target, 'conversation.updated', entries);
    });
    return this.thread.get(principal, intoId);
  }
}
