import { Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { CategoriesService, ContactsService } from '@sanad/contacts';
import type {
  RatingCommentView,
  RatingDimension,
  RatingGroupBy,
  RatingGroupView,
  RatingSeriesPoint,
  RatingSummaryView,
  ReportWindow,
} from '@sanad/contracts';
import { ConversationSatisfaction } from '@sanad/conversations';
import { DomainError } from '@sanad/core';
import {
  SatisfactionReportsRepository,
  type RatingAggregate,
} from './satisfaction-reports.repository';

const MAX_COMMENTS = 100;

/**
 * What reports ask of satisfaction (libs/reports calls these): ratings of a window — rated in
 * [from, to), narrowed by the filters on the attributes the rating was given with — as a summary,
 * per group (names from the libraries that own them), as a distribution of stars, as comments
 * (newest first, by cursor) and as averages per bucket in the workspace's time zone.
 */
@Injectable()
export class SatisfactionReports {
  constructor(
    private readonly repo: SatisfactionReportsRepository,
    private readonly members: MemberDirectory,
    private readonly conversations: ConversationSatisfaction,
    private readonly categories: CategoriesService,
    private readonly contacts: ContactsService,
  ) {}

  async summary(window: ReportWindow): Promise<RatingSummaryView> {
    return summaryOf(await this.repo.aggregate(window));
  }

  async groups(window: ReportWindow, by: RatingGroupBy): Promise<RatingGroupView[]> {
    const rows = await this.repo.groups(window, by);
    const names = await this.names(
      window.workspaceId,
      by,
      rows.map((r) => r.key).filter((k): k is string => k !== null),
    );
    return rows.map((r) => ({
      ...summaryOf(r),
      key: r.key,
      name: r.key ? (names.get(r.key) ?? null) : null,
    }));
  }

  distribution(window: ReportWindow): Promise<Record<'overall' | RatingDimension, number[]>> {
    return this.repo.distribution(window);
  }

  async comments(
    window: ReportWindow,
    cursor: string | null,
    limit = 20,
  ): Promise<{ comments: RatingCommentView[]; nextCursor: string | null }> {
    const size = Math.max(1, Math.min(MAX_COMMENTS, Math.floor(limit)));
    const rows = await this.repo.comments(window, cursor ? decodeCursor(cursor) : null, size + 1);
    const page = rows.slice(0, size);
    const ws = window.workspaceId;
    const contacts = await this.contacts.summaries(
      ws,
      page.map((r) => r.contact_id).filter((id): id is string => !!id),
    );
    const agents = await this.members.names(
      ws,
      page.map((r) => r.agent_id).filter((id): id is string => !!id),
    );
    const last = page.at(-1);
    return {
      comments: page.map((r) => ({
        ratingId: r.id,
        conversationId: r.conversation_id,
        conversationNumber: r.conversation_number,
        score: r.score,
        comment: r.comment,
        contact: r.contact_id
          ? { id: r.contact_id, name: contacts.get(r.contact_id)?.name ?? '' }
          : null,
        agent: r.agent_id ? { id: r.agent_id, name: agents.get(r.agent_id) ?? '' } : null,
        ratedAt: new Date(r.first_rated_at).toISOString(),
      })),
      nextCursor:
        rows.length > size && last
          ? encodeCursor(new Date(last.first_rated_at).toISOString(), last.id)
          : null,
    };
  }

  async averageSeries(window: ReportWindow): Promise<RatingSeriesPoint[]> {
    return (await this.repo.series(window)).map((r) => ({
      start: r.start.toISOString(),
      count: r.count,
      average: r.average,
      dimensions: r.dimensions,
    }));
  }

  private async names(
    workspaceId: string,
    by: RatingGroupBy,
    ids: string[],
  ): Promise<Map<string, string>> {
    switch (by) {
      case 'agent':
        return this.members.names(workspaceId, ids);
      case 'category': {
        const refs = await this.categories.refs(workspaceId, ids);
        return new Map([...refs].map(([id, ref]) => [id, ref.name]));
      }
      default:
        return this.conversations.names(workspaceId, by, ids);
    }
  }
}

function summaryOf(a: RatingAggregate): RatingSummaryView {
  return { count: a.count, average: a.average, dimensions: a.dimensions };
}

export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}

/** A cursor is ours or a 400 naming it. */
export function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    extra !== undefined ||
    !at ||
    Number.isNaN(Date.parse(at)) ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id ?? '')
  )
    throw new DomainError('request/validation', {}, [{ field: 'cursor', code: 'isString' }]);
  return { at, id };
}
