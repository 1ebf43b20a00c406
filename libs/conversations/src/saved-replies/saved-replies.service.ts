import { Injectable } from '@nestjs/common';
import { MemberDirectory, type Principal } from '@sanad/accounts';
import type { SavedReplyView } from '@sanad/contracts';
import { DomainError, cleanText, stripNul } from '@sanad/core';
import { indexTerms, matchTier, parseSearchQuery } from '@sanad/search';
import { randomUUID } from 'node:crypto';
import type { CreateSavedReplyDto, UpdateSavedReplyDto } from '../dto/saved-reply.dto';
import type { SavedReply } from '../entities/saved-reply.entity';
import { ThreadService } from '../thread/thread.service';
import { fillPlaceholders } from './placeholders.util';
import { SavedRepliesRepository } from './saved-replies.repository';

const isAdmin = (principal: Principal): boolean =>
  principal.role === 'owner' || principal.role === 'admin';

/** Saved replies: shared ones (admins manage) and each agent's personal ones. */
@Injectable()
export class SavedRepliesService {
  constructor(
    private readonly repo: SavedRepliesRepository,
    private readonly thread: ThreadService,
    private readonly members: MemberDirectory,
  ) {}

  async list(principal: Principal, q?: string): Promise<SavedReplyView[]> {
    const rows = await this.repo.visibleTo(principal.workspaceId, principal.userId);
    // The picker searches as the agent types: the same matching as the inbox, the last word
    // completed; best tier first, the stored order within a tier.
    const query = q?.trim() ? parseSearchQuery(q, { complete: true, completeFrom: 2 }) : undefined;
    if (query === null) return [];
    const matching = query
      ? rows
          .map((row) => ({
            row,
            tier: matchTier(query, new Set(indexTerms(`${row.name} ${row.body}`))),
          }))
          .filter((hit) => hit.tier > 0)
          .sort((a, b) => b.tier - a.tier)
          .map((hit) => hit.row)
      : rows;
    return matching.map((row) => this.view(principal, row));
  }

  async create(principal: Principal, dto: CreateSavedReplyDto): Promise<SavedReplyView> {
    if (dto.shared && !isAdmin(principal)) throw new DomainError('auth/forbidden');
    const row = this.repo.create({
      id: randomUUID(),
      workspaceId: principal.workspaceId,
      ownerId: dto.shared ? null : principal.userId,
      name: cleanText(dto.name),
      body: stripNul(dto.body),
    });
    return this.view(principal, await this.repo.save(row));
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateSavedReplyDto,
  ): Promise<SavedReplyView> {
    const row = await this.editable(principal, id);
    if (dto.name !== undefined) row.name = cleanText(dto.name);
    if (dto.body !== undefined) row.body = stripNul(dto.body);
    return this.view(principal, await this.repo.save(row));
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.repo.delete(principal.workspaceId, (await this.editable(principal, id)).id);
  }

  /** The reply's text for one conversation, placeholders filled. */
  async render(
    principal: Principal,
    id: string,
    conversationId: string,
  ): Promise<{ text: string }> {
    const row = await this.visible(principal, id);
    const { conversation } = await this.thread.get(principal, conversationId);
    const agent = await this.members.nameAndWorkspace(principal.workspaceId, principal.userId);
    const text = fillPlaceholders(row.body, {
      'contact.name': conversation.contact?.name ?? '',
      'contact.email': conversation.contact?.emails[0] ?? '',
      'agent.name': agent?.name ?? '',
      'conversation.number': String(conversation.number),
      'workspace.name': agent?.workspace ?? '',
    });
    return { text };
  }

  private async visible(principal: Principal, id: string): Promise<SavedReply> {
    const row = await this.repo.find(principal.workspaceId, id);
    if (!row || (row.ownerId !== null && row.ownerId !== principal.userId))
      throw new DomainError('saved_reply/not_found');
    return row;
  }

  private async editable(principal: Principal, id: string): Promise<SavedReply> {
    const row = await this.visible(principal, id);
    if (row.ownerId === null && !isAdmin(principal)) throw new DomainError('auth/forbidden');
    return row;
  }

  private view(principal: Principal, row: SavedReply): SavedReplyView {
    return {
      id: row.id,
      name: row.name,
      body: row.body,
      shared: row.ownerId === null,
      editable: row.ownerId === principal.userId || isAdmin(principal),
    };
  }
}
