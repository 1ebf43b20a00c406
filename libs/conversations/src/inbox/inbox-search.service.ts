import { Injectable } from '@nestjs/common';
import {
  COMPLETED,
  EXACT,
  STEMMED,
  completionTsquery,
  exactTsquery,
  lastWordTsquery,
  stemTsquery,
  type MatchTier,
  type SearchQuery,
} from '@sanad/search';
import type { ConversationLabels } from '../conversation/conversation.repository';
import type { Conversation } from '../entities/conversation.entity';
import type { ConversationQuery } from './conversation-query';
import type { SearchCursor } from './cursor.util';
import { InboxRepository } from './inbox.repository';

/** A list request without its search and position: the filters every tier shares. */
export type SearchFilters = Omit<ConversationQuery, 'search' | 'cursor' | 'limit'>;

export interface SearchPage {
  hits: Array<{ conversation: Conversation; tier: MatchTier }>;
  labels: Map<string, ConversationLabels>;
  /** Whether the last word was completed (as-you-type) for this page. */
  completed: boolean;
}

/**
 * Search results by relevance: conversations with every word as written first, then those that
 * match through other spellings and stems, then (as-you-type) those where the last word begins
 * a longer one — newest activity first within each tier. Each tier is one keyset query that
 * excludes the tiers above it, so a page reads only the rows it shows.
 *
 * The last word is completed only when it is no whole word of the workspace's conversations:
 * typing تلف finds تلف, not تلفون, wherever تلف is written; typing محم finds محمد.
 */
@Injectable()
export class InboxSearch {
  constructor(private readonly repo: InboxRepository) {}

  async page(
    workspaceId: string,
    userId: string,
    filters: SearchFilters,
    query: SearchQuery,
    cursor: SearchCursor | undefined,
    limit: number,
  ): Promise<SearchPage> {
    const exact = exactTsquery(query);
    const stem = stemTsquery(query);
    const tiers: Array<{ tier: MatchTier; match: string | null; exclude: string | null }> = [
      { tier: EXACT, match: exact, exclude: null },
      { tier: STEMMED, match: stem, exclude: exact },
      { tier: COMPLETED, match: completionTsquery(query), exclude: stem },
    ];
    const page: SearchPage = { hits: [], labels: new Map(), completed: false };
    for (const { tier, match, exclude } of tiers) {
      if (cursor && tier > cursor.tier) continue;
      if (!match) break;
      if (tier === COMPLETED) {
        const known =
          cursor?.tier !== COMPLETED &&
          (await this.repo.hasTerm(workspaceId, filters.mailboxIds, lastWordTsquery(query)));
        if (known) break;
        page.completed = true;
      }
      const { conversations, labels } = await this.repo.list(workspaceId, userId, {
        ...filters,
        search: { match, exclude },
        cursor: cursor?.tier === tier ? cursor : undefined,
        limit: limit - page.hits.length,
      });
      for (const conversation of conversations) page.hits.push({ conversation, tier });
      for (const [id, label] of labels) page.labels.set(id, label);
      if (page.hits.length >= limit) break;
    }
    return page;
  }
}
