import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { ConversationView, PageView, ViewCountsView } from '@sanad/contracts';
import { DomainError, cleanText, searchText } from '@sanad/core';
import { ConversationViews } from '../conversation/conversation-views.service';
import type { ListConversationsDto } from '../dto/list-conversations.dto';
import { decodeCursor, encodeCursor } from './cursor.util';
import { InboxRepository } from './inbox.repository';
import { snippet } from './snippet.util';

/** How many of a hit's newest messages are searched for its snippet. */
const SNIPPET_MESSAGES = 30;

/** The inbox: views with their filters, Arabic-aware search with snippets, live counts. */
@Injectable()
export class InboxService {
  constructor(
    private readonly repo: InboxRepository,
    private readonly views: ConversationViews,
  ) {}

  async list(principal: Principal, dto: ListConversationsDto): Promise<PageView<ConversationView>> {
    const limit = dto.limit ?? 25;
    const cursor = dto.cursor ? decodeCursor(dto.cursor) : undefined;
    if (cursor === null)
      throw new DomainError('request/invalid_cursor', {}, [
        { field: 'cursor', code: 'invalidCursor' },
      ]);
    const q = dto.q ? cleanText(dto.q) : '';
    const { conversations: rows, labels } = await this.repo.list(
      principal.workspaceId,
      principal.userId,
      {
        view: dto.view ?? 'all',
        mailboxIds: principal.mailboxIds,
        mailboxId: dto.mailboxId,
        contactId: dto.contactId,
        teamId: dto.teamId,
        number: dto.number,
        statuses: dto.status,
        channel: dto.channel,
        assigneeId: dto.assigneeId?.toLowerCase(),
        tag: dto.tag,
        priority: dto.priority,
        createdFrom: dto.from,
        createdTo: dto.to,
        search: q ? { simple: searchText(q), english: q } : undefined,
        cursor,
        limit: limit + 1,
      },
    );
    const page = rows.slice(0, limit);
    const items = await this.views.conversations(principal.workspaceId, page, labels);
    if (q) await this.addSnippets(principal.workspaceId, items, q);
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.lastMessageAt, last.id) : null,
    };
  }

  counts(principal: Principal): Promise<ViewCountsView> {
    return this.repo.viewCounts(principal.workspaceId, principal.userId, principal.mailboxIds);
  }

  /**
   * A highlighted snippet per hit: the subject if it matches, else the newest matching message
   * among the last few (one query for the whole page).
   */
  private async addSnippets(
    workspaceId: string,
    items: ConversationView[],
    q: string,
  ): Promise<void> {
    const texts = await this.repo.snippetTexts(
      workspaceId,
      items.map((i) => i.id),
      SNIPPET_MESSAGES,
    );
    for (const item of items) {
      const candidates = [item.subject, ...(texts.get(item.id) ?? [])];
      const hit = candidates
        .map((text) => snippet(text, q))
        .find((parts) => parts.some((p) => p.match));
      item.snippet = hit ?? snippet(candidates[1] ?? item.subject, q);
    }
  }
}
