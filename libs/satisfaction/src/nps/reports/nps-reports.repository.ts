import { Injectable } from '@nestjs/common';
import { REPORT_BUCKETS, type ReportBucket, type WeekStart } from '@sanad/contracts';
import { Db, localBucketSql } from '@sanad/database';

/** What NPS reports are asked for: responses of one workspace given in [from, to). */
export interface NpsWindow {
  workspaceId: string;
  from: Date;
  to: Date;
  timeZone: string;
  bucket: ReportBucket;
  weekStart: WeekStart;
  /** The person's category when they responded. */
  categoryId?: string;
  surveyId?: string;
}

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

const COUNTS = `count(*) FILTER (WHERE p.score >= 9)::int AS promoters,
  count(*) FILTER (WHERE p.score BETWEEN 7 AND 8)::int AS passives,
  count(*) FILTER (WHERE p.score <= 6)::int AS detractors`;

/** Report queries over NPS responses; the period is the response time. */
@Injectable()
export class NpsReportsRepository {
  constructor(private readonly db: Db) {}

  async counts(w: NpsWindow): Promise<NpsCounts> {
    const { where, params } = windowWhere(w);
    const rows = await this.db.query<NpsCounts[]>(
      `SELECT ${COUNTS} FROM nps_responses p WHERE ${where}`,
      params,
    );
    return rows[0] ?? { promoters: 0, passives: 0, detractors: 0 };
  }

  /** Every bucket of the window (empty ones too), cut in the window's time zone. */
  async series(w: NpsWindow): Promise<Array<NpsCounts & { start: Date }>> {
    if (!REPORT_BUCKETS.includes(w.bucket)) throw new Error(`bucket ${w.bucket}`);
    const { where, params } = windowWhere(w);
    params.push(w.timeZone);
    const tz = `$${params.length}`;
    const rows = await this.db.query<Array<NpsCounts & { start: Date }>>(
      `WITH b AS (
         SELECT generate_series(${localBucketSql('$2::timestamptz', w.bucket, tz, w.weekStart)},
                                ($3::timestamptz AT TIME ZONE ${tz}) - interval '1 microsecond',
                                interval '1 ${w.bucket}') AS local),
       r AS (
         SELECT ${localBucketSql('p.responded_at', w.bucket, tz, w.weekStart)} AS local, ${COUNTS}
         FROM nps_responses p WHERE ${where} GROUP BY 1)
       SELECT (b.local AT TIME ZONE ${tz}) AS start, coalesce(r.promoters, 0) AS promoters,
              coalesce(r.passives, 0) AS passives, coalesce(r.detractors, 0) AS detractors
       FROM b LEFT JOIN r ON r.local = b.local ORDER BY b.local`,
      params,
    );
    return rows.map((r) => ({ ...r, start: new Date(r.start) }));
  }

  /** Each survey with responses in the window, most responses first. */
  async perSurvey(w: NpsWindow): Promise<Array<NpsCounts & { id: string; name: string }>> {
    const { where, params } = windowWhere(w);
    return this.db.query(
      `SELECT s.id, s.name, ${COUNTS} FROM nps_responses p JOIN nps_surveys s ON s.id = p.survey_id
       WHERE ${where} GROUP BY s.id, s.name ORDER BY count(*) DESC, s.name, s.id`,
      params,
    );
  }
}

function windowWhere(w: NpsWindow): { where: string; params: unknown[] } {
  const params: unknown[] = [w.workspaceId, w.from, w.to];
  const clauses = [
    'p.workspace_id = $1',
    'p.responded_at >= $2::timestamptz',
    'p.responded_at < $3::timestamptz',
  ];
  if (w.categoryId) {
    params.push(w.categoryId);
    clauses.push(`p.category_id = $${params.length}::uuid`);
  }
  if (w.surveyId) {
    params.push(w.surveyId);
    clauses.push(`p.survey_id = $${params.length}::uuid`);
  }
  return { where: clauses.join(' AND '), params };
}
