import { Injectable } from '@nestjs/common';
import {
  isAdmin,
  MemberDirectory,
  WorkspaceSettingsService,
  type Principal,
} from '@sanad/accounts';
import { CategoriesService, ContactCountsRepository } from '@sanad/contacts';
import {
  RATING_DIMENSIONS,
  REPORT_MAX_YEARS,
  type AgentsReportView,
  type BusiestHoursView,
  type ContactsReportView,
  type ConversationSeriesPoint,
  type ConversationsReportView,
  type DashboardView,
  type DurationStatsView,
  type RatingSummaryView,
  type ReportFilters,
  type ReportNumberView,
  type ReportPeriodView,
  type ReportWindow,
  type SatisfactionReportView,
} from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { MailboxesService, TagsService, TeamsService } from '@sanad/conversations';
import type {
  ReportExportQueryDto,
  ReportQueryDto,
  SatisfactionQueryDto,
} from './dto/report-query.dto';
import { REPORT_TABLES, reportTable, type ReportName } from './export/report-tables.util';
import { ReportDurationsRepository } from './metrics/report-durations.repository';
import {
  ReportMetricsRepository,
  type DurationRow,
  type MetricsWindow,
} from './metrics/report-metrics.repository';
import { PeriodError, resolvePeriod } from './period/report-period.util';
import { ReportRatings } from './ratings/report-ratings';

/** A report's period, its previous period and the filters, checked and resolved. */
interface Scope {
  principal: Principal;
  period: ReportPeriodView;
  current: MetricsWindow;
  previous: MetricsWindow;
}

const round = (n: number | null, digits = 0): number | null =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;

export function compared(value: number | null, previous: number | null): ReportNumberView {
  const change =
    value === null || previous === null || previous === 0 ? null : (value - previous) / previous;
  return { value, previous, change: round(change, 4) };
}

const stats = (row: DurationRow): DurationStatsView => ({
  count: row.count,
  median: round(row.median),
  average: round(row.average),
  p90: round(row.p90),
});

const EMPTY_STATS: DurationRow = { count: 0, median: null, average: null, p90: null };

/**
 * The dashboard and the report pages: one period resolution, one set of filters and one place
 * each number comes from, so every screen shows the same figure for the same question.
 * Agents see their own conversations (the agent filter is theirs whatever they ask).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly metrics: ReportMetricsRepository,
    private readonly durations: ReportDurationsRepository,
    private readonly ratings: ReportRatings,
    private readonly settings: WorkspaceSettingsService,
    private readonly members: MemberDirectory,
    private readonly mailboxes: MailboxesService,
    private readonly teams: TeamsService,
    private readonly tags: TagsService,
    private readonly categories: CategoriesService,
    private readonly contactCounts: ContactCountsRepository,
  ) {}

  async dashboard(principal: Principal, query: ReportQueryDto): Promise<DashboardView> {
    const s = await this.scope(principal, query);
    const [
      [ongoing, ongoingBefore],
      closed,
      closedBefore,
      [frt, frtBefore],
      rating,
      ratingBefore,
      series,
      busiestHours,
    ] = await Promise.all([
      this.metrics.ongoingAt(s.current, [s.current.to, s.previous.to]),
      this.metrics.statusChanges(s.current, 'closed'),
      this.metrics.statusChanges(s.previous, 'closed'),
      this.durations.durationsIn(s.current, 'firstResponse', [s.current, s.previous]),
      this.ratings.summary(this.window(s.current)),
      this.ratings.summary(this.window(s.previous)),
      this.series(s.current),
      this.busiestHours(s.current),
    ]);
    return {
      period: s.period,
      scope: isAdmin(principal) ? 'workspace' : 'mine',
      ongoing: compared(ongoing, ongoingBefore),
      closed: compared(closed, closedBefore),
      ratingAverage: compared(round(rating.average, 2), round(ratingBefore.average, 2)),
      responseSpeed: compared(round(frt.median), round(frtBefore.median)),
      series,
      busiestHours,
    };
  }

  async conversations(
    principal: Principal,
    query: ReportQueryDto,
  ): Promise<ConversationsReportView> {
    const s = await this.scope(principal, query);
    const window = this.window(s.current);
    const both = [s.current, s.previous];
    // One round: every statement of the page is asked at once (the pool has room for them).
    const [counts, durations, series, busiestHours, ratings] = await Promise.all([
      Promise.all([
        this.metrics.newConversations(s.current),
        this.metrics.newConversations(s.previous),
        this.metrics.statusChanges(s.current, 'closed'),
        this.metrics.statusChanges(s.previous, 'closed'),
        this.metrics.statusChanges(s.current, 'reopened'),
        this.metrics.statusChanges(s.previous, 'reopened'),
      ]),
      Promise.all(
        (['firstResponse', 'replyTime', 'resolutionTime'] as const).map((kind) =>
          this.durations.durationsIn(s.current, kind, both),
        ),
      ),
      this.series(s.current),
      this.busiestHours(s.current),
      Promise.all(
        (['category', 'mailbox', 'team', 'tag'] as const).map((by) =>
          this.ratings.groups(window, by),
        ),
      ),
    ]);
    const [created, createdBefore, closed, closedBefore, reopened, reopenedBefore] = counts;
    const [category, mailbox, team, tag] = ratings;
    const withPrevious = ([current, previous]: DurationRow[]) => ({
      ...stats(current),
      previous: stats(previous),
    });
    return {
      period: s.period,
      new: compared(created, createdBefore),
      closed: compared(closed, closedBefore),
      reopened: compared(reopened, reopenedBefore),
      firstResponse: withPrevious(durations[0]),
      replyTime: withPrevious(durations[1]),
      resolutionTime: withPrevious(durations[2]),
      series,
      busiestHours,
      ratings: { category, mailbox, team, tag },
    };
  }

  async agents(principal: Principal, query: ReportQueryDto): Promise<AgentsReportView> {
    if (!isAdmin(principal)) throw new DomainError('auth/forbidden');
    const s = await this.scope(principal, query);
    const [activity, frt, reply, resolution, ratings] = await Promise.all([
      this.metrics.agentActivity(s.current),
      this.durations.agentDurations(s.current, 'firstResponse'),
      this.durations.agentDurations(s.current, 'replyTime'),
      this.durations.agentDurations(s.current, 'resolutionTime'),
      this.ratings.groups(this.window(s.current), 'agent'),
    ]);
    const ids = new Set([
      ...activity.map((a) => a.userId),
      ...frt.keys(),
      ...reply.keys(),
      ...resolution.keys(),
      ...ratings.flatMap((r) => (r.key ? [r.key] : [])),
    ]);
    const names = await this.members.names(principal.workspaceId, [...ids]);
    const ratingOf = new Map(ratings.map((r) => [r.key, r]));
    const rows = [...ids].map((id) => {
      const a = activity.find((x) => x.userId === id);
      const r = ratingOf.get(id);
      const summary: RatingSummaryView = r
        ? { count: r.count, average: r.average, dimensions: r.dimensions }
        : emptyRatings();
      return {
        agent: { id, name: names.get(id) ?? '' },
        handled: a?.handled ?? 0,
        replies: a?.replies ?? 0,
        firstResponse: stats(frt.get(id) ?? EMPTY_STATS),
        replyTime: stats(reply.get(id) ?? EMPTY_STATS),
        resolutionTime: stats(resolution.get(id) ?? EMPTY_STATS),
        ratings: summary,
      };
    });
    rows.sort((a, b) => b.handled - a.handled || a.agent.name.localeCompare(b.agent.name, 'ar'));
    return { period: s.period, agents: rows };
  }

  async contacts(principal: Principal, query: ReportQueryDto): Promise<ContactsReportView> {
    if (!isAdmin(principal)) throw new DomainError('auth/forbidden');
    const s = await this.scope(principal, query);
    const ws = principal.workspaceId;
    const [now, before, started, startedBefore, series] = await Promise.all([
      this.contactCounts.counts(ws, s.current.from, s.current.to),
      this.contactCounts.counts(ws, s.previous.from, s.previous.to),
      this.metrics.contactActivity(s.current),
      this.metrics.contactActivity(s.previous),
      this.contactCounts.newPeopleSeries(
        ws,
        s.current.from,
        s.current.to,
        s.current.timeZone,
        s.current.bucket,
        s.current.weekStart,
      ),
    ]);
    const categoryIds = new Set<string | null>([
      ...now.byCategory.map((c) => c.categoryId),
      ...started.byCategory.map((c) => c.categoryId),
    ]);
    const refs = await this.categories.refs(
      ws,
      [...categoryIds].filter((id): id is string => id !== null),
    );
    const byCategory = [...categoryIds].map((id) => ({
      category: id ? { id, name: refs.get(id)?.name ?? '' } : null,
      people: now.byCategory.find((c) => c.categoryId === id)?.people ?? 0,
      conversations: started.byCategory.find((c) => c.categoryId === id)?.n ?? 0,
    }));
    byCategory.sort((a, b) => b.people - a.people);
    const buckets = await this.metrics.buckets(s.current);
    const newByStart = new Map(series.map((r) => [r.start.getTime(), r.n]));
    return {
      period: s.period,
      registered: now.registered,
      unregistered: now.unregistered,
      newPeople: compared(now.newPeople, before.newPeople),
      startedConversations: compared(started.people, startedBefore.people),
      newCompanies: compared(now.newCompanies, before.newCompanies),
      byCategory,
      series: buckets.map((start) => ({
        start: start.toISOString(),
        newPeople: newByStart.get(start.getTime()) ?? 0,
      })),
    };
  }

  async satisfaction(
    principal: Principal,
    query: SatisfactionQueryDto,
  ): Promise<SatisfactionReportView> {
    const s = await this.scope(principal, query);
    const window = this.window(s.current);
    const [summary, previous, distribution, page] = await Promise.all([
      this.ratings.summary(window),
      this.ratings.summary(this.window(s.previous)),
      this.ratings.distribution(window),
      this.ratings.comments(window, query.cursor ?? null, 50),
    ]);
    return {
      period: s.period,
      summary: { ...summary, previous },
      distribution,
      comments: page.comments,
      nextCursor: page.nextCursor,
    };
  }

  /**
   * One table of a report as CSV rows: the same numbers the screen shows, from the same call.
   * An unknown table is a 400 naming `table`.
   */
  async exportTable(
    principal: Principal,
    name: ReportName,
    query: ReportExportQueryDto,
  ): Promise<{ fileName: string; rows: AsyncIterable<string[]> }> {
    const tables: readonly string[] = REPORT_TABLES[name];
    const table = query.table ?? tables[0];
    if (!tables.includes(table))
      throw new DomainError('request/validation', {}, [
        { field: 'table', code: 'isIn', params: { allowed: tables.join(', ') } },
      ]);
    const view = await this[name](principal, query);
    const { timeZone } = await this.settings.workspace(principal.workspaceId);
    const { fileName, rows } = reportTable(
      name,
      table as never,
      view as never,
      principal.language,
      timeZone,
    );
    async function* each(): AsyncIterable<string[]> {
      yield* rows;
    }
    return { fileName, rows: each() };
  }

  /** The filters a report was asked with, in words (a printed report says what it shows). */
  async filterLabels(principal: Principal, q: ReportQueryDto): Promise<string[]> {
    const ar = principal.language === 'ar';
    const ws = principal.workspaceId;
    const labels: string[] = [];
    const add = (label: [string, string], value: string | undefined | null) => {
      if (value) labels.push(`${ar ? label[0] : label[1]}: ${value}`);
    };
    if (q.mailboxId)
      add(['صندوق البريد', 'Mailbox'], (await this.mailboxes.find(ws, q.mailboxId))?.name);
    if (q.teamId)
      add(
        ['الفريق', 'Team'],
        (await this.teams.list(principal)).find((t) => t.id === q.teamId)?.name,
      );
    const agentId = isAdmin(principal) ? q.agentId : principal.userId;
    if (agentId) add(['الموظف', 'Agent'], (await this.members.names(ws, [agentId])).get(agentId));
    if (q.tagId)
      add(['الوسم', 'Tag'], (await this.tags.list(principal)).find((t) => t.id === q.tagId)?.name);
    if (q.channel) add(['القناة', 'Channel'], q.channel);
    if (q.categoryId)
      add(
        ['الفئة', 'Category'],
        (await this.categories.refs(ws, [q.categoryId])).get(q.categoryId)?.name,
      );
    return labels;
  }

  /** The period resolved in the workspace's zone, and the filters checked to be its own. */
  async scope(principal: Principal, query: ReportQueryDto): Promise<Scope> {
    const workspace = await this.settings.workspace(principal.workspaceId);
    let period: ReportPeriodView;
    try {
      period = resolvePeriod(query, workspace.timeZone, new Date());
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      throw new DomainError('request/validation', {}, [
        error.problem === 'missing_dates'
          ? { field: query.from ? 'to' : 'from', code: 'isNotEmpty' }
          : error.problem === 'end_before_start'
            ? { field: 'to', code: 'endBeforeStart' }
            : { field: 'to', code: 'rangeTooLong', params: { max: REPORT_MAX_YEARS } },
      ]);
    }
    const filters = await this.filters(principal, query);
    const base = {
      workspaceId: principal.workspaceId,
      timeZone: workspace.timeZone,
      bucket: period.bucket,
      weekStart: workspace.weekStart,
      filters,
    };
    return {
      principal,
      period,
      current: { ...base, from: new Date(period.from), to: new Date(period.to) },
      previous: {
        ...base,
        from: new Date(period.previous.from),
        to: new Date(period.previous.to),
      },
    };
  }

  private async filters(principal: Principal, q: ReportQueryDto): Promise<ReportFilters> {
    const ws = principal.workspaceId;
    const problems: Array<{ field: string; code: string }> = [];
    const [mailbox, team, agents, tags, categories] = await Promise.all([
      q.mailboxId ? this.mailboxes.find(ws, q.mailboxId) : null,
      q.teamId ? this.teams.exists(ws, q.teamId) : true,
      q.agentId ? this.members.existing(ws, [q.agentId]) : [],
      q.tagId ? this.tags.list(principal) : [],
      q.categoryId ? this.categories.refs(ws, [q.categoryId]) : null,
    ]);
    if (q.mailboxId && !mailbox) problems.push({ field: 'mailboxId', code: 'unknownMailbox' });
    if (!team) problems.push({ field: 'teamId', code: 'unknownTeam' });
    if (q.agentId && agents.length === 0)
      problems.push({ field: 'agentId', code: 'unknownMember' });
    if (q.tagId && !tags.some((t) => t.id === q.tagId))
      problems.push({ field: 'tagId', code: 'unknownTag' });
    if (q.categoryId && !categories?.has(q.categoryId))
      problems.push({ field: 'categoryId', code: 'unknownCategory' });
    if (problems.length > 0) throw new DomainError('request/validation', {}, problems);
    const filters: ReportFilters = {
      ...(q.mailboxId && { mailboxId: q.mailboxId }),
      ...(q.teamId && { teamId: q.teamId }),
      ...(q.agentId && { agentId: q.agentId }),
      ...(q.tagId && { tagId: q.tagId }),
      ...(q.channel && { channel: q.channel }),
      ...(q.categoryId && { categoryId: q.categoryId }),
    };
    // Agents see their own conversations and ratings, whatever they ask.
    if (!isAdmin(principal)) filters.agentId = principal.userId;
    return filters;
  }

  /** What the ratings library is asked with. */
  private window(w: MetricsWindow): ReportWindow {
    return {
      workspaceId: w.workspaceId,
      from: w.from.toISOString(),
      to: w.to.toISOString(),
      timeZone: w.timeZone,
      weekStart: w.weekStart,
      bucket: w.bucket,
      filters: w.filters,
    };
  }

  /** The period's buckets: their counts, and each bucket's median first response. */
  private async series(w: MetricsWindow): Promise<ConversationSeriesPoint[]> {
    const rows = await this.metrics.series(w);
    const starts = rows.map((r) => r.start);
    const firstResponses = await this.durations.durationsIn(
      w,
      'firstResponse',
      starts.map((start, i) => ({
        from: start < w.from ? w.from : start,
        to: starts[i + 1] ?? w.to,
      })),
    );
    return rows.map((r, i) => ({
      start: r.start.toISOString(),
      new: r.new,
      closed: r.closed,
      reopened: r.reopened,
      firstResponseMedian: round(firstResponses[i].median),
    }));
  }

  private async busiestHours(w: MetricsWindow): Promise<BusiestHoursView> {
    const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    let max = 0;
    for (const { dow, hour, n } of await this.metrics.busiestHours(w)) {
      cells[dow][hour] = n;
      max = Math.max(max, n);
    }
    return { cells, max };
  }
}

export function emptyRatings(): RatingSummaryView {
  return {
    count: 0,
    average: null,
    dimensions: Object.fromEntries(RATING_DIMENSIONS.map((d) => [d, null])) as Record<
      (typeof RATING_DIMENSIONS)[number],
      null
    >,
  };
}
