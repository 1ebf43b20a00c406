import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@sanad/database';
import { snoozeEnded } from '../conversation/conversation-rules.util';
import { ConversationWriter } from '../conversation/conversation-writer.service';
import { ConversationRepository } from '../conversation/conversation.repository';
import { TriageRepository } from './triage.repository';

/** Wakes snoozed conversations when their time comes (the worker's housekeeping calls it). */
@Injectable()
export class SnoozeService {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly triage: TriageRepository,
    private readonly writer: ConversationWriter,
    private readonly tx: TransactionRunner,
  ) {}

  /** Each due conversation in its own locked transaction (idempotent: a woken one is skipped). */
  async wakeDue(now = new Date(), limit = 200): Promise<number> {
    const due = await this.triage.dueSnoozed(now, limit);
    let woken = 0;
    for (const { workspaceId, id } of due) {
      woken += await this.tx.run(async () => {
        const c = await this.repo.find(workspaceId, id, true);
        if (!c?.snoozedUntil || c.snoozedUntil.getTime() > now.getTime()) return 0;
        const entries = snoozeEnded(c, now);
        await this.repo.save(c);
        const written = await this.writer.activity(null, c, ...entries);
        await this.writer.publish(c, 'conversation.updated', written);
        return 1;
      });
    }
    return woken;
  }
}
