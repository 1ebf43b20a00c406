import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { TagView } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { normaliseTagNames } from '../conversation/conversation-rules.util';
import { TagsRepository } from './tags.repository';

/** Tags (الوسوم): everyone sees them with their use; admins rename, merge and delete. */
@Injectable()
export class TagsService {
  constructor(
    private readonly repo: TagsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  list(principal: Principal): Promise<TagView[]> {
    return this.repo.list(principal.workspaceId);
  }

  async rename(principal: Principal, id: string, name: string): Promise<TagView> {
    const clean = cleanText(name);
    await this.tx.run(async () => {
      await this.lock(principal, id);
      if (await this.repo.nameTaken(principal.workspaceId, clean, id))
        throw new DomainError('tag/name_taken', {}, [{ field: 'name', code: 'tagNameTaken' }]);
      await this.repo.rename(principal.workspaceId, id, clean);
    });
    return this.one(principal, id);
  }

  /** Every conversation with `id` gets `intoId` instead; `id` disappears. */
  async merge(principal: Principal, id: string, intoId: string): Promise<TagView> {
    if (id === intoId) return this.one(principal, id);
    await this.tx.run(async () => {
      await this.lock(principal, id);
      await this.lock(principal, intoId);
      await this.repo.retag(principal.workspaceId, id, intoId);
      await this.repo.delete(principal.workspaceId, id);
    });
    return this.one(principal, intoId);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.tx.run(async () => {
      await this.lock(principal, id);
      await this.repo.delete(principal.workspaceId, id);
    });
  }

  /** A conversation's tags become these names (new ones are created); before and after, sorted. */
  async setForConversation(
    workspaceId: string,
    conversationId: string,
    names: string[],
  ): Promise<{ before: string[]; after: string[] }> {
    const before = await this.repo.namesOf(workspaceId, conversationId);
    const ids = await this.repo.upsert(workspaceId, normaliseTagNames(names));
    await this.repo.setForConversation(workspaceId, conversationId, ids);
    return { before, after: await this.repo.namesOf(workspaceId, conversationId) };
  }

  /** A conversation's tag names, sorted. */
  namesOf(workspaceId: string, conversationId: string): Promise<string[]> {
    return this.repo.namesOf(workspaceId, conversationId);
  }

  private async lock(principal: Principal, id: string): Promise<void> {
    if (!(await this.repo.lock(principal.workspaceId, id))) throw new DomainError('tag/not_found');
  }

  private async one(principal: Principal, id: string): Promise<TagView> {
    const tag = (await this.list(principal)).find((t) => t.id === id);
    if (!tag) throw new DomainError('tag/not_found');
    return tag;
  }
}
