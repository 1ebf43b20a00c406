import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import type { ConversationView, PageView, SnippetPart, ViewCountsView } from '@sanad/contracts';
import { DomainError, cleanText } from '@sanad/core';
import { parseSearchQuery, type SearchQuery } from '@sanad/search';
import { ConversationViews } from '../conversation/conversation-views.service';
import type { ListConversationsDto } from '../dto/list-conversations.dto';
import {
  decodeCursor,
  decodeSearchCursor,
  encodeCursor,
  encodeSearchCursor,
  type ListCursor,
  type SearchCursor,
} from './cursor.util';
import { InboxRepository } from './inbox.repository';
import { InboxSearch, type SearchFilters } from './inbox-search.service';
import { snippet, wordMatcher } from './snippet.util';

/** How many of a hit's newest messages are searched for its snippet. */
const SNIPPET_MESSAGES = 30;

/** The inbox: views with their filters, Arabic-aware search with snippets, live counts. */
@Injectable()
export class InboxService {
  constructor(
    private readonly repo: InboxRepository,
    private readonly search: InboxSearch,
    private readonly views: ConversationViews,
  ) {}

  async list(principal: Principal, dto: ListConversationsDto): Promise<PageView<ConversationView>> {
    const limit = dto.limit ?? 25;
    const q = dto.q ? cleanText(dto.q) : '';
    const filters: SearchFilters = {
      view: dto.view ?? 'all',
      mailboxIds: principal.mailboxIds,
      mailboxId: dto.mailboxId,
      contactId: dto.contactId,
      contactCategoryId: dto.contactCategoryId,
      companyId: dto.companyId,
      teamId: dto.teamId,
      number: dto.number,
      statuses: dto.status,
      channel: dto.channel,
      assigneeId: dto.assigneeId?.toLowerCase(),
      tag: dto.tag,
      priority: dto.priority,
      createdFrom: dto.from,
      createdTo: dto.to,
    };
    if (q) return this.searchPage(principal, filters, dto, q, limit);
    const cursor = dto.cursor ? valid(decodeCursor(dto.cursor)) : undefined;
    const { conversations: rows, labels } = await this.repo.list(
      principal.workspaceId,
      principal.userId,
      { ...filters, cursor, limit: limit + 1 },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views.conversations(principal.workspaceId, page, labels),
      nextCursor: rows.length > limit && last ? encodeCursor(last.lastMessageAt, last.id) : null,
    };
  }

  counts(principal: Principal): Promise<ViewCountsView> {
    return this.repo.viewCounts(principal.workspaceId, principal.userId, principal.mailboxIds);
  }

  /**
   * Ranked search (InboxSearch). The last word is completed as the agent types, unless the
   * query ends with a space (the word is finished). Nothing searchable in the query (only
   * marks, punctuation or stop words) is an empty page.
   */
  private async searchPage(
    principal: Principal,
    filters: SearchFilters,
    dto: ListConversationsDto,
    q: string,
    limit: number,
  ): Promise<PageView<ConversationView>> {
    const cursor = dto.cursor ? valid(decodeSearchCursor(dto.cursor)) : undefined;
    const query = parseSearchQuery(q, { complete: !/\s$/u.test(dto.q ?? '') });
    if (!query) return { items: [], nextCursor: null };
    const { hits, labels, completed } = await this.search.page(
      principal.workspaceId,
      principal.userId,
      filters,
      query,
      cursor,
      limit + 1,
    );
    const page = hits.slice(0, limit);
    const items = await this.views.conversations(
      principal.workspaceId,
      page.map((hit) => hit.conversation),
      labels,
    );
    await this.addSnippets(principal.workspaceId, items, { ...query, completes: completed });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        hits.length > limit && last
          ? encodeSearchCursor(last.tier, last.conversation.lastMessageAt, last.conversation.id)
          : null,
    };
  }

  /**
   * A highlighted snippet per hit: the subject if it matches, else the newest matching message
   * among the last few (one query for the whole page).
   */
  private async addSnippets(
    workspaceId: string,
    items: ConversationView[],
    query: SearchQuery,
  ): Promise<void> {
    const texts = await this.repo.snippetTexts(
      workspaceId,
      items.map((i) => i.id),
      SNIPPET_MESSAGES,
    );
    const isMatch = wordMatcher(query);
    for (const item of items) {
      const candidates = [item.subject, ...(texts.get(item.id) ?? [])];
      let hit: SnippetPart[] | undefined;
      for (const text of candidates) {
        const parts = snippet(text, isMatch);
        if (parts.some((p) => p.match)) {
          hit = parts;
          break;
        }
      }
      item.snippet = hit ?? snippet(candidates[1] ?? item.subject, isMatch);
    }
  }
}

/** A cursor that is not one we wrote is the client's mistake: 400 naming the field. */
function valid<T extends ListCursor | SearchCursor>(cursor: T | null): T {
  if (cursor === null)
    throw new DomainError('request/invalid_cursor', {}, [
      { field: 'cursor', code: 'invalidCursor' },
    ]);
  return cursor;
}
