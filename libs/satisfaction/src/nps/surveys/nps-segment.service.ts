import { Injectable } from '@nestjs/common';
import { MemberDirectory } from '@sanad/accounts';
import {
  CategoriesService,
  CompaniesService,
  PeopleService,
  type SegmentPerson,
} from '@sanad/contacts';
import type { Language, NpsPreviewView, NpsSegment } from '@sanad/contracts';
import { dayStart, DomainError } from '@sanad/core';
import type { NpsSegmentDto } from '../dto/nps-survey.dto';
import { NpsSettingsRepository } from '../settings/nps-settings.repository';
import { NpsSurveysRepository } from './nps-surveys.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A segment resolved: who matches, who would get the survey, and why the others would not. */
export interface ResolvedSegment {
  segment: NpsSegment;
  matched: number;
  eligible: Array<SegmentPerson & { email: string; language: Language }>;
  excluded: { noEmail: number; recentlySurveyed: number };
}

/**
 * A survey's segment: the people list's filters (category, company, registered, last contact),
 * ids checked to be the workspace's (another's is a 404 naming the field). Eligible are the
 * people matching it who have an email and had no NPS email within the workspace's period (nor
 * wait for one of a survey still sending). Erased and deleted people are no rows: never matched.
 */
@Injectable()
export class NpsSegmentService {
  constructor(
    private readonly people: PeopleService,
    private readonly categories: CategoriesService,
    private readonly companies: CompaniesService,
    private readonly members: MemberDirectory,
    private readonly settings: NpsSettingsRepository,
    private readonly surveys: NpsSurveysRepository,
  ) {}

  async preview(workspaceId: string, dto: NpsSegmentDto): Promise<NpsPreviewView> {
    const { matched, eligible, excluded } = await this.resolve(workspaceId, dto, new Date());
    return { matched, eligible: eligible.length, excluded };
  }

  async resolve(workspaceId: string, dto: NpsSegmentDto, now: Date): Promise<ResolvedSegment> {
    const segment = normalised(dto);
    const locale = await this.members.workspaceLocale(workspaceId);
    const timeZone = locale?.timeZone ?? 'UTC';
    const from = segment.lastContactFrom
      ? instant(segment.lastContactFrom, timeZone, false)
      : undefined;
    const to = segment.lastContactTo ? instant(segment.lastContactTo, timeZone, true) : undefined;
    if (from && to && to.getTime() <= from.getTime())
      throw new DomainError('request/validation', {}, [
        { field: 'segment.lastContactTo', code: 'endBeforeStart' },
      ]);
    await this.checkIds(workspaceId, segment);
    const matched = await this.people.segment(workspaceId, {
      ...(segment.categoryId && { categoryId: segment.categoryId }),
      ...(segment.companyId && { companyId: segment.companyId }),
      ...(segment.registered !== undefined && { registered: segment.registered }),
      ...(from && { lastSeenFrom: from }),
      ...(to && { lastSeenTo: to }),
    });
    const { minDaysBetweenSurveys } = await this.settings.get(workspaceId);
    const recent = await this.surveys.recentlySurveyed(
      workspaceId,
      new Date(now.getTime() - minDaysBetweenSurveys * DAY_MS),
    );
    const fallback: Language = locale?.defaultLanguage ?? 'ar';
    const excluded = { noEmail: 0, recentlySurveyed: 0 };
    const eligible: ResolvedSegment['eligible'] = [];
    for (const person of matched) {
      if (!person.email) excluded.noEmail++;
      else if (recent.has(person.id)) excluded.recentlySurveyed++;
      else eligible.push({ ...person, email: person.email, language: person.language ?? fallback });
    }
    return { segment, matched: matched.length, eligible, excluded };
  }

  private async checkIds(workspaceId: string, segment: NpsSegment): Promise<void> {
    const errors: Array<{ field: string; code: string }> = [];
    if (
      segment.categoryId &&
      !(await this.categories.refs(workspaceId, [segment.categoryId])).has(segment.categoryId)
    )
      errors.push({ field: 'segment.categoryId', code: 'unknownCategory' });
    if (
      segment.companyId &&
      !(await this.companies.refs(workspaceId, [segment.companyId])).has(segment.companyId)
    )
      errors.push({ field: 'segment.companyId', code: 'unknownCompany' });
    if (errors.length > 0) throw new DomainError('request/not_found', {}, errors);
  }
}

/** The segment as stored and shown: only the filters that were given. */
function normalised(dto: NpsSegmentDto): NpsSegment {
  const out: NpsSegment = {};
  if (dto.categoryId) out.categoryId = dto.categoryId;
  if (dto.companyId) out.companyId = dto.companyId;
  if (dto.registered !== undefined) out.registered = dto.registered;
  if (dto.lastContactFrom) out.lastContactFrom = dto.lastContactFrom;
  if (dto.lastContactTo) out.lastContactTo = dto.lastContactTo;
  return out;
}

/** A date alone is the workspace's local day (the end one inclusive); a time is that instant. */
function instant(value: string, timeZone: string, end: boolean): Date {
  if (!DATE_ONLY.test(value)) return new Date(value);
  const start = dayStart(value, timeZone);
  if (!end) return start;
  const next = new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return dayStart(next, timeZone);
}
