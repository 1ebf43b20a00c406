import { Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import { ContactsService, neutralise } from '@sanad/contacts';
import type { Language, NpsGroup, NpsResponseView } from '@sanad/contracts';
import { DomainError, localTimestamp } from '@sanad/core';
import type { NpsResponsesQueryDto } from '../dto/nps-survey.dto';
import { decodeNpsCursor, encodeNpsCursor } from '../surveys/nps-cursor.util';
import { NpsSurveysRepository } from '../surveys/nps-surveys.repository';
import { npsGroup } from './nps-score.util';
import { NpsResponsesRepository, type NpsResponseRow } from './nps-responses.repository';

const EXPORT_PAGE = 500;

const HEADERS: Record<Language, string[]> = {
  ar: ['وقت الإجابة', 'آخر تعديل', 'الدرجة', 'المجموعة', 'الشخص', 'التعليق'],
  en: ['Responded at', 'Updated at', 'Score', 'Group', 'Person', 'Comment'],
};
const GROUP_NAMES: Record<Language, Record<NpsGroup, string>> = {
  ar: { promoters: 'مروّج', passives: 'محايد', detractors: 'منتقد' },
  en: { promoters: 'Promoter', passives: 'Passive', detractors: 'Detractor' },
};

/** A survey's responses for admins: pages newest first (by group), and all of them as CSV. */
@Injectable()
export class NpsResponsesService {
  constructor(
    private readonly repo: NpsResponsesRepository,
    private readonly surveys: NpsSurveysRepository,
    private readonly contacts: ContactsService,
    private readonly members: MemberDirectory,
  ) {}

  async list(
    workspaceId: string,
    surveyId: string,
    query: NpsResponsesQueryDto,
  ): Promise<{ items: NpsResponseView[]; nextCursor: string | null }> {
    await this.check(workspaceId, surveyId);
    const limit = query.limit ?? 20;
    const rows = await this.repo.list(
      workspaceId,
      surveyId,
      query.group,
      query.cursor ? decodeNpsCursor(query.cursor) : null,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: await this.views(workspaceId, page),
      nextCursor:
        rows.length > limit && last
          ? encodeNpsCursor(new Date(last.respondedAt).toISOString(), last.id)
          : null,
    };
  }

  /** The CSV of a survey's responses: cells a spreadsheet cannot run, times on the workspace's clock. */
  async exportCsv(
    workspaceId: string,
    surveyId: string,
    language: Language,
  ): Promise<{ fileName: string; rows: AsyncIterable<string[]> }> {
    await this.check(workspaceId, surveyId);
    const timeZone = (await this.members.workspaceLocale(workspaceId))?.timeZone ?? 'UTC';
    const list = (after: { at: string; id: string } | null) =>
      this.repo.list(workspaceId, surveyId, undefined, after, EXPORT_PAGE);
    const views = (page: NpsResponseRow[]) => this.views(workspaceId, page);
    async function* rows(): AsyncIterable<string[]> {
      yield HEADERS[language];
      let after: { at: string; id: string } | null = null;
      for (;;) {
        const page = await list(after);
        for (const r of await views(page))
          yield [
            localTimestamp(new Date(r.respondedAt), timeZone),
            localTimestamp(new Date(r.updatedAt), timeZone),
            String(r.score),
            GROUP_NAMES[language][npsGroup(r.score)],
            r.person?.name ?? '',
            r.comment ?? '',
          ].map(neutralise);
        const last = page.at(-1);
        if (page.length < EXPORT_PAGE || !last) return;
        after = { at: new Date(last.respondedAt).toISOString(), id: last.id };
      }
    }
    return { fileName: `nps-${surveyId.slice(0, 8)}.csv`, rows: rows() };
  }

  async views(workspaceId: string, rows: NpsResponseRow[]): Promise<NpsResponseView[]> {
    const people = await this.contacts.summaries(
      workspaceId,
      rows.map((r) => r.contactId).filter((id): id is string => !!id),
    );
    return rows.map((r) =>
      toResponseView(r, r.contactId ? (people.get(r.contactId)?.name ?? '') : null),
    );
  }

  private async check(workspaceId: string, surveyId: string): Promise<void> {
    if (!(await this.surveys.names(workspaceId, [surveyId])).has(surveyId))
      throw new DomainError('request/not_found');
  }
}

export function toResponseView(r: NpsResponseRow, personName: string | null): NpsResponseView {
  return {
    id: r.id,
    score: r.score,
    comment: r.comment,
    respondedAt: new Date(r.respondedAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
    person: r.contactId ? { id: r.contactId, name: personName ?? '' } : null,
  };
}
