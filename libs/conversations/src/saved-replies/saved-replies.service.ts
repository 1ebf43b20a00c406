import { Injectable } from '@nestjs/common';
import { MemberDirectory, type Principal } from '@sanad/accounts';
import type { SavedReplyView } from '@sanad/contracts';
import { DomainError, cleanText, searchText, stripNul } from '@sanad/core';
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
    const wanted = q ? searchText(q).split(' ').filter(Boolean) : [];
    // Arabic-aware match on name and body: every query stem must appear.
    const matching = wanted.length
      ? rows.filter((row) => {
          const stems = new Set(searchText(`${row.name} ${row.body}`).split(' '));
          return wanted.every((w) => [...stems].some((s) => prefixMatch(s, w)));
        })
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

/** `refund` finds `refunds` and the other way round; very short words must match exactly. */
function prefixMatch(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter === longer || (shorter.length >= 3 && longer.startsWith(shorter));
}
