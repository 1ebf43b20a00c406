import { Injectable } from '@nestjs/common';
import { AuditLog, MemberDirectory, type Principal } from '@sanad/accounts';
import type { NpsSurveyDetailView, NpsSurveyView } from '@sanad/contracts';
import { cleanText, DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import type { CreateNpsSurveyDto, NpsPageQueryDto } from '../dto/nps-survey.dto';
import { npsScore, responseRate } from '../responses/nps-score.util';
import { DEFAULT_NPS_QUESTION } from '../sending/nps-email.texts';
import { decodeNpsCursor, encodeNpsCursor } from './nps-cursor.util';
import { NpsSegmentService } from './nps-segment.service';
import { NpsSurveysRepository, type NpsSurveyRow } from './nps-surveys.repository';

/**
 * NPS surveys: an admin creates one for a segment, its eligible people are snapshotted as
 * recipients at once (the worker sends them at the workspace's pace), it can be cancelled
 * (pending recipients skipped; what was sent stays answerable). Creating and cancelling are in
 * the audit log.
 */
@Injectable()
export class NpsSurveysService {
  constructor(
    private readonly repo: NpsSurveysRepository,
    private readonly segments: NpsSegmentService,
    private readonly members: MemberDirectory,
    private readonly audit: AuditLog,
    private readonly tx: TransactionRunner,
  ) {}

  async create(principal: Principal, dto: CreateNpsSurveyDto): Promise<NpsSurveyView> {
    const name = cleanText(dto.name).trim();
    if (!name)
      throw new DomainError('request/validation', {}, [{ field: 'name', code: 'isNotEmpty' }]);
    const question = {
      ar: cleanText(dto.question?.ar ?? '').trim() || DEFAULT_NPS_QUESTION.ar,
      en: cleanText(dto.question?.en ?? '').trim() || DEFAULT_NPS_QUESTION.en,
    };
    const ws = principal.workspaceId;
    const id = await this.tx.run(async () => {
      const resolved = await this.segments.resolve(ws, dto.segment, new Date());
      if (resolved.eligible.length === 0) throw new DomainError('nps/no_recipients');
      const surveyId = await this.repo.insert({
        workspaceId: ws,
        name,
        segment: resolved.segment,
        question,
        createdBy: principal.userId,
      });
      await this.repo.insertRecipients(
        ws,
        surveyId,
        resolved.eligible.map((p) => ({ contactId: p.id, email: p.email, language: p.language })),
      );
      await this.audit.record({
        workspaceId: ws,
        actorUserId: principal.userId,
        action: 'nps.survey_created',
        targetType: 'nps_survey',
        targetId: surveyId,
        data: { name, segment: resolved.segment, recipients: resolved.eligible.length },
      });
      return surveyId;
    });
    return this.get(ws, id);
  }

  async list(
    workspaceId: string,
    query: NpsPageQueryDto,
  ): Promise<{ items: NpsSurveyView[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const rows = await this.repo.list(
      workspaceId,
      query.cursor ? decodeNpsCursor(query.cursor) : null,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: await this.views(workspaceId, page),
      nextCursor:
        rows.length > limit && last
          ? encodeNpsCursor(new Date(last.createdAt).toISOString(), last.id)
          : null,
    };
  }

  async get(workspaceId: string, id: string): Promise<NpsSurveyView> {
    const row = await this.repo.find(workspaceId, id);
    if (!row) throw new DomainError('request/not_found');
    return (await this.views(workspaceId, [row]))[0];
  }

  async detail(workspaceId: string, id: string): Promise<NpsSurveyDetailView> {
    const view = await this.get(workspaceId, id);
    return { ...view, distribution: await this.repo.distribution(workspaceId, id) };
  }

  /** A survey that is no longer sending stays as it is (cancelling twice changes nothing). */
  async cancel(principal: Principal, id: string): Promise<NpsSurveyView> {
    const ws = principal.workspaceId;
    await this.tx.run(async () => {
      const row = await this.repo.find(ws, id, true);
      if (!row) throw new DomainError('request/not_found');
      if (!(await this.repo.cancel(ws, id, new Date()))) return;
      await this.audit.record({
        workspaceId: ws,
        actorUserId: principal.userId,
        action: 'nps.survey_cancelled',
        targetType: 'nps_survey',
        targetId: id,
        data: { name: row.name, sent: row.sent },
      });
    });
    return this.get(ws, id);
  }

  /** The survey's name, to check an id of the workspace (report filter, responses). */
  async exists(workspaceId: string, id: string): Promise<boolean> {
    return (await this.repo.names(workspaceId, [id])).has(id);
  }

  private async views(workspaceId: string, rows: NpsSurveyRow[]): Promise<NpsSurveyView[]> {
    const names = await this.members.names(
      workspaceId,
      rows.map((r) => r.createdBy).filter((id): id is string => !!id),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      segment: r.segment,
      question: { ar: r.questionAr, en: r.questionEn },
      createdAt: new Date(r.createdAt).toISOString(),
      createdBy: r.createdBy ? { id: r.createdBy, name: names.get(r.createdBy) ?? '' } : null,
      recipients: r.recipients,
      sent: r.sent,
      skipped: r.skipped,
      responses: r.responses,
      promoters: r.promoters,
      passives: r.passives,
      detractors: r.detractors,
      score: npsScore(r),
      responseRate: responseRate(r.responses, r.sent),
    }));
  }
}
