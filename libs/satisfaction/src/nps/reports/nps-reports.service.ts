import { Injectable } from '@nestjs/common';
import type { NpsReportView, NpsTotals } from '@sanad/contracts';
import { npsScore, npsTotals } from '../responses/nps-score.util';
import { NpsSurveysRepository } from '../surveys/nps-surveys.repository';
import { NpsReportsRepository, type NpsWindow } from './nps-reports.repository';

/**
 * What the NPS report asks of satisfaction (libs/reports resolves the period and checks the
 * filters): totals of a window, the score per bucket in the workspace's time zone, per survey.
 */
@Injectable()
export class NpsReports {
  constructor(
    private readonly repo: NpsReportsRepository,
    private readonly surveys: NpsSurveysRepository,
  ) {}

  async totals(window: NpsWindow): Promise<NpsTotals> {
    return npsTotals(await this.repo.counts(window));
  }

  async series(window: NpsWindow): Promise<NpsReportView['series']> {
    return (await this.repo.series(window)).map((r) => {
      const t = npsTotals(r);
      return { bucket: r.start.toISOString(), score: t.score, responses: t.responses };
    });
  }

  async perSurvey(window: NpsWindow): Promise<NpsReportView['surveys']> {
    return (await this.repo.perSurvey(window)).map((r) => {
      const responses = r.promoters + r.passives + r.detractors;
      return { id: r.id, name: r.name, responses, score: npsScore({ ...r, responses }) };
    });
  }

  /** The survey's name, or null when it is not the workspace's (the report's filter). */
  async surveyName(workspaceId: string, id: string): Promise<string | null> {
    return (await this.surveys.names(workspaceId, [id])).get(id) ?? null;
  }
}
