import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { BulkResultView } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { ConversationAccess } from '../conversation/conversation-access.service';
import { editTags } from '../conversation/conversation-rules.util';
import type { BulkUpdateDto } from '../dto/bulk.dto';
import { TagsService } from '../tags/tags.service';
import { TriageService } from './triage.service';

/**
 * The same change for each selected conversation, each through the single-conversation path
 * (its own transaction, timeline and events); failures are reported per id.
 */
@Injectable()
export class BulkService {
  constructor(
    private readonly triage: TriageService,
    private readonly access: ConversationAccess,
    private readonly tags: TagsService,
  ) {}

  async update(principal: Principal, dto: BulkUpdateDto): Promise<BulkResultView> {
    const { addTags, removeTags, ...changes } = dto.changes;
    const result: BulkResultView = { updated: [], failed: [] };
    for (const id of [...new Set(dto.ids)]) {
      try {
        let tags = changes.tags;
        if (addTags?.length || removeTags?.length) {
          const conversation = await this.access.visible(principal, id);
          if (!conversation) throw new DomainError('conversation/not_found');
          tags = editTags(await this.tags.namesOf(principal.workspaceId, id), addTags, removeTags);
        }
        await this.triage.update(principal, id, { ...changes, ...(tags ? { tags } : {}) });
        result.updated.push(id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.failed.push({ id, code: error.code });
      }
    }
    return result;
  }
}
